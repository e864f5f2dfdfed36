from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible, require
from alianza.orgs.models import Country

from . import actions, selectors
from .forms import ImportForm, RepresentationForm
from .maps import worksite_map
from .models import Employer, Representation, Worksite
from .selectors import common_employers, family_of, root_of


@login_required
def employers(request: AuthedRequest) -> HttpResponse:
    # Employers and worksites are public facts to everyone signed in.
    query = request.GET.get("q", "").strip()[:200]
    context = {
        "query": query,
        "may_change": request.user.has_perm("employers.change_employer"),
    }
    if query:
        context["found"] = selectors.employers_with_parent(query)[:100]
        context["sites"] = selectors.find_worksites(query)[:100]
    else:
        everyone = selectors.all_employers()
        roots = [e for e in everyone if e.parent_id is None]
        context["families"] = [(root, family_of(root, everyone)) for root in roots]
    return render(request, "employers/employers.html", context)


@login_required
def employer(request: AuthedRequest, slug: str) -> HttpResponse:
    obj: Employer = get_visible(
        request.user, Employer, "employers.view_employer", slug=slug
    )
    everyone = selectors.all_employers()
    by_id = {e.pk: e for e in everyone}
    root = root_of(by_id[obj.pk], by_id)
    family = family_of(root, everyone)
    in_family = {e.pk for e, _depth in family}
    mine = {e.pk for e, _depth in family_of(by_id[obj.pk], everyone)}
    sites = selectors.worksites_of(mine)
    history = selectors.representation_history(mine)
    common = next((c for c in common_employers() if c.root.pk == root.pk), None)
    map_svg = worksite_map(
        sites, _("Worksites of %(employer)s") % {"employer": obj.name}
    )
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
            "map_svg": map_svg,
            "statuses": Representation.Status.choices,
            "may_change": request.user.has_perm("employers.change_employer"),
            # The worksites whose current representation this person may replace.
            "replaceable": {
                s.pk
                for s in sites
                if request.user.has_perm("employers.replace_representation", s)
            },
            "representation_form": RepresentationForm(),
        },
    )


@login_required
def worksite_map_page(request: AuthedRequest) -> HttpResponse:
    """All worksites on the map, filtered by corporate family, union and country."""
    everyone = selectors.all_employers()
    by_id = {e.pk: e for e in everyone}
    roots = sorted((e for e in everyone if e.parent_id is None), key=lambda e: e.name)
    family_slug = request.GET.get("employer", "")
    union = request.GET.get("union", "")
    country = request.GET.get("country", "")
    sites = list(selectors.listed_worksites())
    if family_slug:
        sites = [
            s for s in sites if root_of(by_id[s.employer_id], by_id).slug == family_slug
        ]
    if union:
        sites = [
            s
            for s in sites
            if any(
                r.unit is not None and r.unit.organisation.slug == union
                for r in s.current_representations()
            )
        ]
    if country:
        sites = [s for s in sites if s.country == country]
    counts = {value: 0 for value, _label in Representation.Status.choices}
    for site in sites:
        counts[site.status()] += 1
    context = {
        "map_svg": worksite_map(sites, _("Worksites of the alliance")),
        "roots": roots,
        "organisations": selectors.represented_organisations(),
        "countries": Country.choices,
        "selected": {"employer": family_slug, "union": union, "country": country},
        "statuses": [
            (v, label, counts[v]) for v, label in Representation.Status.choices
        ],
        "total": len(sites),
    }
    return render(request, "employers/map.html", context)


@login_required
def common(request: AuthedRequest) -> HttpResponse:
    return render(
        request,
        "employers/common.html",
        {
            "common": common_employers(),
            "may_found": request.user.has_perm("employers.change_employer"),
        },
    )


@login_required
@require_POST
def representation_add(request: AuthedRequest, pk: int) -> HttpResponse:
    site: Worksite = get_changeable(
        request.user,
        selectors.worksites_with_employer(),
        "employers.change_employer",
        pk=pk,
    )
    return run_action(
        request,
        lambda data: actions.record_representation(request.user, site, **data),
        _("The representation was recorded."),
        form=RepresentationForm(request.POST),
        then=site,
        invalid=_("Check the status, unit and date."),
    )


@login_required
def import_file(request: AuthedRequest) -> HttpResponse:
    require(request.user, "employers.change_employer")
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        name, data = form.cleaned_data["file"]
        report = actions.import_file(
            request.user, form.cleaned_data["kind"], name, data
        )
        if report.ok:
            messages.success(
                request,
                ngettext(
                    "Imported %(count)s line.",
                    "Imported %(count)s lines.",
                    report.saved,
                )
                % {"count": report.saved},
            )
    return render(
        request,
        "employers/import.html",
        {"form": form, "report": report, "columns": actions.COLUMNS},
        status=400 if report is not None and not report.ok else 200,
    )
