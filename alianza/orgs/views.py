from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.audit.catalogue import action_labels
from alianza.audit.selectors import entries_of
from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible, require
from alianza.lib.table_export import download
from alianza.lib.when import guess_zone, zone_name, zone_of

from . import actions
from .forms import NewPersonForm, PersonForm, RoleForm, UnitForm, ZoneForm
from .models import Membership, Organisation, Person, Unit
from .selectors import (
    administered_organisations,
    find_units,
    managed_organisations,
    memberships_of,
    memberships_with_people,
    organisations_of,
    organisations_with_unit_counts,
    people_listing,
    seats_of,
    short_names,
    unit_member_count,
    unit_officers,
    unit_tree,
    units_with_parents,
)


@login_required
def organisations(request: AuthedRequest) -> HttpResponse:
    # Organisations and units are public to everyone signed in.
    query = request.GET.get("q", "").strip()[:200]
    context = {
        "organisations": organisations_with_unit_counts(query),
        "units": find_units(query)[:100],
        "query": query,
    }
    return render(request, "orgs/organisations.html", context)


@login_required
def organisation(request: AuthedRequest, slug: str) -> HttpResponse:
    user = request.user
    org: Organisation = get_visible(
        user, Organisation, "orgs.view_organisation", slug=slug
    )
    context = {
        "org": org,
        "units": unit_tree(org),
        "affiliates": org.affiliates.all(),
        "affiliated_to": org.affiliated_to.all(),
        "may_list_people": user.has_perm("orgs.list_people", org),
        "may_add_person": user.has_perm("orgs.add_person", org),
        "may_add_unit": user.has_perm("orgs.add_unit", org),
        "may_add_body": user.has_perm("orgs.add_body", org),
        "may_view_audit": user.has_perm("orgs.view_audit", org),
        "may_translate": user.has_perm("orgs.change_organisation", org),
        "zone_form": _organisation_zone_form(org)
        if user.has_perm("orgs.change_zone", org)
        else None,
    }
    return render(request, "orgs/organisation.html", context)


def _organisation_zone_form(org: Organisation, data: Any = None) -> ZoneForm:
    return ZoneForm(
        data,
        blank=str(_("The server's zone: %(zone)s")) % {"zone": zone_name(zone_of(""))},
        initial={"time_zone": org.time_zone},
    )


def _unit_zone_form(unit_obj: Unit, data: Any = None) -> ZoneForm:
    usual = (
        guess_zone(unit_obj.country, unit_obj.place) or unit_obj.organisation.time_zone
    )
    return ZoneForm(
        data,
        blank=str(_("The usual zone of its place: %(zone)s"))
        % {"zone": zone_name(zone_of(usual))},
        initial={"time_zone": unit_obj.time_zone},
    )


@login_required
@require_POST
def organisation_zone(request: AuthedRequest, slug: str) -> HttpResponse:
    """The union's clock, set by its administrators."""
    org: Organisation = get_changeable(
        request.user, Organisation, "orgs.change_zone", view="orgs.view_organisation",
        slug=slug,
    )  # fmt: skip
    return run_action(
        request,
        lambda data: actions.set_zone(request.user, org, data["time_zone"]),
        _("The time zone was saved."),
        form=_organisation_zone_form(org, request.POST),
        then=org.get_absolute_url(),
    )


@login_required
@require_POST
def unit_zone(request: AuthedRequest, pk: int) -> HttpResponse:
    """A unit's clock, set by its union's administrators."""
    unit_obj: Unit = get_changeable(
        request.user, units_with_parents(), "orgs.change_unit_zone", pk=pk
    )
    return run_action(
        request,
        lambda data: actions.set_zone(request.user, unit_obj, data["time_zone"]),
        _("The time zone was saved."),
        form=_unit_zone_form(unit_obj, request.POST),
        then=unit_obj.get_absolute_url(),
    )


@login_required
def unit_new(request: AuthedRequest, slug: str) -> HttpResponse:
    org: Organisation = get_changeable(
        request.user,
        Organisation,
        "orgs.add_unit",
        view="orgs.view_organisation",
        slug=slug,
    )
    form = UnitForm(
        request.POST or None,
        organisation=org,
        initial={
            "country": (org.countries or [""])[0],
            "parent": request.GET.get("parent"),
        },
    )
    done = run_action(
        request,
        lambda data: actions.create_unit(request.user, org, **data),
        _("%(name)s was added."),
        form=form,
    )
    return done or render(request, "orgs/unit_form.html", {"form": form, "org": org})


@login_required
def unit(request: AuthedRequest, pk: int) -> HttpResponse:
    # Every signed-in person sees every unit; its people only those who lead it.
    unit_obj: Unit = get_visible(request.user, units_with_parents(), None, pk=pk)
    may_list = request.user.has_perm("orgs.list_people", unit_obj.organisation)
    context = {
        "unit": unit_obj,
        "children": unit_obj.children.all(),
        "officers": unit_officers(unit_obj) if may_list else [],
        "member_count": unit_member_count(unit_obj) if may_list else None,
        "zone_form": _unit_zone_form(unit_obj)
        if request.user.has_perm("orgs.change_unit_zone", unit_obj)
        else None,
    }
    return render(request, "orgs/unit.html", context)


@login_required
def people(request: AuthedRequest) -> HttpResponse:
    require(request.user, "orgs.list_people_somewhere")
    query = request.GET.get("q", "").strip()
    org_slug = request.GET.get("org", "")
    listing = people_listing(request.user, query=query, organisation=org_slug)
    page = Paginator(listing, 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "query": query,
        "org_slug": org_slug,
        "organisations": organisations_of(request.user),
        "may_add_person": request.user.has_perm("orgs.add_person_somewhere"),
    }
    return render(request, "orgs/people.html", context)


@login_required
def person(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Person = get_visible(request.user, Person, "orgs.view_person", pk=pk)
    memberships = memberships_of(obj)
    manageable = {
        m.pk
        for m in memberships
        if m.ended_on is None
        and request.user.has_perm("orgs.add_person", m.organisation)
    }
    context = {
        "person": obj,
        "memberships": memberships,
        "manageable": manageable,
        "role_form": RoleForm(),
        "contacts": obj.contacts.all(),
        "seats": seats_of(obj),
        "may_edit": request.user.has_perm("orgs.change_person", obj),
        "may_invite": obj.user_id is None and bool(manageable),
    }
    return render(request, "orgs/person.html", context)


@login_required
def person_new(request: AuthedRequest) -> HttpResponse:
    require(request.user, "orgs.add_person_somewhere")
    form = NewPersonForm(
        request.POST or None,
        organisations=managed_organisations(request.user),
        initial={"organisation": request.GET.get("org")},
    )
    done = run_action(
        request,
        lambda data: actions.create_person(
            request.user,
            data["organisation"],
            name=data["name"],
            country=data["country"],
            preferred_language=data["preferred_language"],
            languages_spoken=data["languages_spoken"],
            role=data["role"],
            unit=data["unit"],
            title=data["title"],
            contacts=form.contacts(),
            address_as=data["address_as"],
        ),
        _("%(name)s was added."),
        form=form,
    )
    return done or render(
        request, "orgs/person_form.html", {"form": form, "creating": True}
    )


@login_required
def person_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Person = get_changeable(
        request.user, Person, "orgs.change_person", view="orgs.view_person", pk=pk
    )
    contacts = {c.kind: c.value for c in obj.contacts.all()}
    initial = {
        "name": obj.name,
        "country": obj.country,
        "preferred_language": obj.preferred_language,
        "languages_spoken": obj.languages_spoken,
        "address_as": obj.address_as,
        "email": contacts.get("email", ""),
        "phone": contacts.get("phone", ""),
    }
    form = PersonForm(request.POST or None, initial=initial)
    done = run_action(
        request,
        lambda data: actions.update_person(
            request.user,
            obj,
            name=data["name"],
            country=data["country"],
            preferred_language=data["preferred_language"],
            languages_spoken=data["languages_spoken"],
            contacts=form.contacts(),
            address_as=data["address_as"],
        ),
        _("Saved."),
        form=form,
    )
    return done or render(
        request, "orgs/person_form.html", {"form": form, "person": obj}
    )


@login_required
@require_POST
def membership_role(request: AuthedRequest, pk: int) -> HttpResponse:
    membership: Membership = get_visible(
        request.user, memberships_with_people(), "orgs.view_membership", pk=pk
    )
    if request.POST.get("end"):
        return run_action(
            request,
            lambda: actions.end_membership(request.user, membership),
            _("The membership was ended."),
            then=membership.person,
        )
    return run_action(
        request,
        lambda data: actions.change_role(request.user, membership, data["role"]),
        _("The role was changed."),
        form=RoleForm(request.POST),
        then=membership.person,
        invalid=_("Choose a valid role."),
    )


@login_required
def people_export(request: AuthedRequest, slug: str, fmt: str = "csv") -> HttpResponse:
    """The organisation's people, as CSV or as an Excel workbook (``fmt``)."""
    org: Organisation = get_visible(
        request.user, Organisation, "orgs.view_organisation", slug=slug
    )
    return download(actions.export_people(request.user, org), fmt)


@login_required
def audit_log(request: AuthedRequest) -> HttpResponse:
    """An organisation's administrators read their organisation's entries."""
    require(request.user, "orgs.view_audit_somewhere")
    orgs = administered_organisations(request.user)
    org_slug = request.GET.get("org", "")
    action = request.GET.get("action", "")
    entries = entries_of(orgs, organisation_slug=org_slug, action=action)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    # On shared ground, each entry names the union whose person acted.
    acted_for = {_union_id(entry) for entry in page}
    unions = short_names({pk for pk in acted_for if pk is not None})
    rows = [(entry, unions.get(_union_id(entry) or 0, "")) for entry in page]
    context = {
        "page": page,
        "rows": rows,
        "organisations": orgs,
        "org_slug": org_slug,
        "action": action,
        "actions": sorted(action_labels().items(), key=lambda item: item[1]),
    }
    return render(request, "orgs/audit_log.html", context)


def _union_id(entry) -> int | None:
    """The union whose person acted, as an entry on shared ground records it."""
    union = entry.data.get("union") if isinstance(entry.data, dict) else None
    return union if isinstance(union, int) else None
