from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import require
from alianza.orgs.selectors import administered_organisations

from .catalogue import action_labels
from .models import AuditEntry


@login_required
def log(request: AuthedRequest) -> HttpResponse:
    """An organisation's administrators read their organisation's entries."""
    require(request.user, "orgs.view_audit_somewhere")
    orgs = administered_organisations(request.user)
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
