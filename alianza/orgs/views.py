import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.accounts import actions as account_actions
from alianza.accounts.models import Invitation
from alianza.bodies.selectors import visible_bodies
from alianza.lib.forms import submit
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import require

from . import actions
from .forms import InvitationForm, NewPersonForm, PersonForm, RoleForm, UnitForm
from .models import Membership, Organisation, Person, Unit
from .roles import MANAGING_ROLES, Role
from .selectors import managed_organisations, standing, unit_tree, visible_people


@login_required
def organisations(request: AuthedRequest) -> HttpResponse:
    orgs = Organisation.objects.annotate(unit_count=Count("units")).order_by("name")
    return render(request, "orgs/organisations.html", {"organisations": orgs})


@login_required
def organisation(request: AuthedRequest, slug: str) -> HttpResponse:
    org = get_object_or_404(Organisation, slug=slug)
    user = request.user
    context = {
        "org": org,
        "units": unit_tree(org),
        "bodies": visible_bodies(user).filter(organisation=org),
        "affiliates": org.affiliates.all(),
        "affiliated_to": org.affiliated_to.all(),
        "may_list_people": user.has_perm("orgs.list_people", org),
        "may_add_person": user.has_perm("orgs.add_person", org),
        "may_add_unit": user.has_perm("orgs.add_unit", org),
        "may_add_body": user.has_perm("orgs.add_body", org),
        "may_view_audit": user.has_perm("orgs.view_audit", org),
        "may_translate": user.has_perm("orgs.change_organisation", org),
    }
    return render(request, "orgs/organisation.html", context)


@login_required
def unit_new(request: AuthedRequest, slug: str) -> HttpResponse:
    org = get_object_or_404(Organisation, slug=slug)
    require(request.user, "orgs.add_unit", org)
    form = UnitForm(
        request.POST or None,
        organisation=org,
        initial={
            "country": (org.countries or [""])[0],
            "parent": request.GET.get("parent"),
        },
    )
    done = submit(
        request,
        form,
        lambda data: actions.create_unit(request.user, org, **data),
        _("%(name)s was added."),
    )
    return done or render(request, "orgs/unit_form.html", {"form": form, "org": org})


@login_required
def unit(request: AuthedRequest, pk: int) -> HttpResponse:
    unit_obj = get_object_or_404(
        Unit.objects.select_related("organisation", "parent"), pk=pk
    )
    officers = (
        Membership.objects.current()
        .filter(unit=unit_obj)
        .exclude(role=Role.MEMBER)
        .select_related("person")
    )
    may_list = request.user.has_perm("orgs.list_people", unit_obj.organisation)
    context = {
        "unit": unit_obj,
        "children": unit_obj.children.all(),
        "officers": officers if may_list else [],
        "member_count": Membership.objects.current().filter(unit=unit_obj).count()
        if may_list
        else None,
    }
    return render(request, "orgs/unit.html", context)


@login_required
def people(request: AuthedRequest) -> HttpResponse:
    require(request.user, "orgs.list_people_somewhere")
    st = standing(request.user)
    qs = visible_people(request.user)
    query = request.GET.get("q", "").strip()
    org_slug = request.GET.get("org", "")
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(contacts__value__icontains=query))
    if org_slug:
        qs = qs.filter(
            memberships__organisation__slug=org_slug, memberships__ended_on=None
        )
    qs = (
        qs.distinct()
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.current().select_related(
                    "organisation", "unit"
                ),
            )
        )
        .order_by("sort_name")
    )
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    orgs = Organisation.objects.filter(pk__in=st.organisation_ids()).order_by("name")
    managed = Organisation.objects.filter(pk__in=st.organisation_ids(MANAGING_ROLES))
    context = {
        "page": page,
        "query": query,
        "org_slug": org_slug,
        "organisations": orgs,
        "managed": managed,
    }
    return render(request, "orgs/people.html", context)


@login_required
def person(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = get_object_or_404(Person, pk=pk)
    require(request.user, "orgs.view_person", obj)
    memberships = obj.memberships.select_related("organisation", "unit").order_by(
        "ended_on", "organisation__name"
    )
    manageable = {
        m.pk
        for m in memberships
        if m.ended_on is None and _manages(request.user, m.organisation)
    }
    context = {
        "person": obj,
        "memberships": memberships,
        "manageable": manageable,
        "role_form": RoleForm(),
        "contacts": obj.contacts.all(),
        "seats": obj.seats.select_related("body", "representing"),
        "may_edit": request.user.has_perm("orgs.change_person", obj),
        "may_invite": obj.user_id is None and bool(manageable),
    }
    return render(request, "orgs/person.html", context)


def _manages(user, organisation: Organisation) -> bool:
    return user.has_perm("orgs.add_person", organisation)


@login_required
def person_new(request: AuthedRequest) -> HttpResponse:
    require(request.user, "orgs.add_person_somewhere")
    orgs = managed_organisations(request.user)
    form = NewPersonForm(
        request.POST or None,
        organisations=orgs,
        initial={"organisation": request.GET.get("org")},
    )
    done = submit(
        request,
        form,
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
        ),
        _("%(name)s was added."),
    )
    return done or render(
        request, "orgs/person_form.html", {"form": form, "creating": True}
    )


@login_required
def person_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = get_object_or_404(Person, pk=pk)
    require(request.user, "orgs.change_person", obj)
    contacts = {c.kind: c.value for c in obj.contacts.all()}
    initial = {
        "name": obj.name,
        "country": obj.country,
        "preferred_language": obj.preferred_language,
        "languages_spoken": obj.languages_spoken,
        "email": contacts.get("email", ""),
        "phone": contacts.get("phone", ""),
    }
    form = PersonForm(request.POST or None, initial=initial)
    done = submit(
        request,
        form,
        lambda data: actions.update_person(
            request.user,
            obj,
            name=data["name"],
            country=data["country"],
            preferred_language=data["preferred_language"],
            languages_spoken=data["languages_spoken"],
            contacts=form.contacts(),
        ),
        _("Saved."),
    )
    return done or render(
        request, "orgs/person_form.html", {"form": form, "person": obj}
    )


@login_required
@require_POST
def membership_role(request: AuthedRequest, pk: int) -> HttpResponse:
    membership = get_object_or_404(
        Membership.objects.select_related("organisation", "person"), pk=pk
    )
    require(request.user, "orgs.view_person", membership.person)
    form = RoleForm(request.POST)
    try:
        if request.POST.get("end"):
            actions.end_membership(request.user, membership)
            messages.success(request, _("The membership was ended."))
        elif form.is_valid():
            actions.change_role(request.user, membership, form.cleaned_data["role"])
            messages.success(request, _("The role was changed."))
        else:
            messages.error(request, _("Choose a valid role."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(membership.person)


@login_required
def people_export(request: AuthedRequest, slug: str) -> HttpResponse:
    org = get_object_or_404(Organisation, slug=slug)
    rows = actions.export_people(request.user, org)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{org.slug}-people.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the accents right
    writer = csv.writer(response)
    writer.writerows(rows)
    return response


@login_required
def invitations(request: AuthedRequest) -> HttpResponse:
    require(request.user, "orgs.invite_somewhere")
    orgs = managed_organisations(request.user)
    initial: dict = {"language": request.LANGUAGE_CODE}
    invitee = None
    if request.GET.get("person"):
        invitee = get_object_or_404(Person, pk=request.GET["person"], user__isnull=True)
        require(request.user, "orgs.change_person", invitee)
        membership = invitee.memberships.current().filter(organisation__in=orgs).first()
        email = (
            invitee.contacts.filter(kind="email")
            .values_list("value", flat=True)
            .first()
        )
        initial.update(
            person=invitee.pk,
            name=invitee.name,
            email=email or "",
            language=invitee.preferred_language,
            organisation=membership.organisation_id if membership else None,
            unit=membership.unit_id if membership else None,
            role=membership.role if membership else Role.MEMBER,
        )
    form = InvitationForm(request.POST or None, organisations=orgs, initial=initial)
    link = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation, link = account_actions.invite(
                request.user,
                data["organisation"],
                email=data["email"],
                name=data["name"],
                role=data["role"],
                unit=data["unit"],
                language=data["language"],
                person=data["person"],
            )
        except ValidationError as error:
            form.apply_error(error)
        else:
            messages.success(
                request,
                _("An invitation was sent to %(email)s.") % {"email": invitation.email},
            )
            form = InvitationForm(
                organisations=orgs, initial={"language": data["language"]}
            )
    listing = Invitation.objects.filter(organisation__in=orgs).select_related(
        "organisation", "unit", "invited_by"
    )[:100]
    context = {"form": form, "invitations": listing, "link": link, "invitee": invitee}
    return render(request, "orgs/invitations.html", context)


@login_required
@require_POST
def invitation_revoke(request: AuthedRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation, pk=pk)
    try:
        account_actions.revoke_invitation(request.user, invitation)
        messages.success(request, _("The invitation was revoked."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("orgs:invitations")
