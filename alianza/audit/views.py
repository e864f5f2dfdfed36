from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from alianza.lib.http import AuthedRequest
from alianza.orgs.models import Organisation
from alianza.orgs.roles import ADMIN_ROLES
from alianza.orgs.selectors import standing

from .catalogue import action_labels
from .models import AuditEntry


@login_required
def log(request: AuthedRequest) -> HttpResponse:
    """An organisation's administrators read their organisation's entries."""
    st = standing(request.user)
    orgs = (
        Organisation.objects.all()
        if st.is_superuser
        else Organisation.objects.filter(pk__in=st.organisation_ids(ADMIN_ROLES))
    )
    if not orgs.exists():
        raise PermissionDenied(_("You do not have permission to do this."))
    entries = AuditEntry.objects.filter(organisation__in=orgs).select_related(
        "organisation"
    )
    org_slug = request.GET.get("org", "")
    action = request.GET.get("action", "")
    if org_slug:
        entries = entries.filter(organisation__slug=org_slug)
    if action:
        entries = entries.filter(action=action)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "organisations": orgs,
        "org_slug": org_slug,
        "action": action,
        "actions": sorted(action_labels().items(), key=lambda item: item[1]),
    }
    return render(request, "audit/log.html", context)
