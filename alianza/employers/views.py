from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import require

from . import actions
from .forms import ImportForm, RepresentationForm
from .models import Employer, Representation, Worksite
from .selectors import (
    common_employers,
    family_of,
    root_of,
    worksites_with_representation,
)


@login_required
def employers(request: AuthedRequest) -> HttpResponse:
    everyone = list(Employer.objects.all())
    roots = [e for e in everyone if e.parent_id is None]
    families = [(root, family_of(root, everyone)) for root in roots]
    return render(
        request,
        "employers/employers.html",
        {
            "families": families,
            "may_change": request.user.has_perm("employers.change_employer"),
        },
    )


@login_required
def employer(request: AuthedRequest, slug: str) -> HttpResponse:
    obj = get_object_or_404(Employer, slug=slug)
    everyone = list(Employer.objects.all())
    by_id = {e.pk: e for e in everyone}
    root = root_of(by_id[obj.pk], by_id)
    family = family_of(root, everyone)
    in_family = {e.pk for e, _depth in family}
    mine = {e.pk for e, _depth in family_of(by_id[obj.pk], everyone)}
    sites = list(
        worksites_with_representation()
        .filter(employer_id__in=mine)
        .order_by("country", "name")
    )
    history = (
        Representation.objects.filter(worksite__employer_id__in=mine)
        .select_related("worksite", "unit", "unit__organisation")
        .order_by("worksite__name", "-started_on")
    )
    common = next((c for c in common_employers() if c.root.pk == root.pk), None)
    return render(
        request,
        "employers/employer.html",
        {
            "employer": obj,
            "root": root,
            "family": family,
            "in_family": in_family,
            "worksites": sites,
            "history": history,
            "common": common,
            "statuses": Representation.Status.choices,
            "may_change": request.user.has_perm("employers.change_employer"),
            "representation_form": RepresentationForm(),
        },
    )


@login_required
def common(request: AuthedRequest) -> HttpResponse:
    return render(request, "employers/common.html", {"common": common_employers()})


@login_required
@require_POST
def representation_add(request: AuthedRequest, pk: int) -> HttpResponse:
    site = get_object_or_404(Worksite.objects.select_related("employer"), pk=pk)
    require(request.user, "employers.change_employer")
    form = RepresentationForm(request.POST)
    if form.is_valid():
        try:
            actions.record_representation(request.user, site, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The representation was recorded."))
    else:
        messages.error(request, _("Check the status, unit and date."))
    return redirect(site)


@login_required
def import_file(request: AuthedRequest) -> HttpResponse:
    require(request.user, "employers.change_employer")
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = actions.import_csv(
            request.user, form.cleaned_data["kind"], form.cleaned_data["file"]
        )
        if report.ok:
            messages.success(
                request,
                _("Imported %(count)s lines.") % {"count": report.saved},
            )
    return render(
        request,
        "employers/import.html",
        {"form": form, "report": report, "columns": actions.COLUMNS},
        status=400 if report is not None and not report.ok else 200,
    )
