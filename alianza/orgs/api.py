from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from alianza.lib.http import ApiRequest, Pages, one_of
from alianza.lib.permissions import get_visible

from . import actions
from .models import ContactChannel, Membership, Organisation, Person, Unit
from .selectors import (
    all_organisations,
    people_found_with_contacts,
    people_with_contacts,
    person_with_contacts,
    units_of,
    units_with_parents,
)

router = Router(tags=["organisations and people"])


class OrganisationOut(Schema):
    slug: str
    name: str
    short_name: str
    kind: str = one_of(Organisation, "kind")
    countries: list[str]
    default_language: str
    members_count: int | None


class UnitOut(Schema):
    id: int
    organisation: str = Field(..., alias="organisation.slug")
    parent_id: int | None
    kind: str = one_of(Unit, "kind")
    number: str
    name: str
    country: str
    place: str


class ContactOut(Schema):
    kind: str = one_of(ContactChannel, "kind")
    value: str
    preferred: bool


class MembershipOut(Schema):
    id: int
    organisation: str = Field(..., alias="organisation.slug")
    unit_id: int | None
    role: str = one_of(Membership, "role")
    title: str


class PersonOut(Schema):
    id: int
    name: str
    country: str
    preferred_language: str
    languages_spoken: list[str]
    has_account: bool = Field(..., alias="has_account")
    contacts: list[ContactOut]
    memberships: list[MembershipOut]

    @staticmethod
    def resolve_has_account(obj: Person) -> bool:
        return obj.user_id is not None

    @staticmethod
    def resolve_contacts(obj: Person) -> list:
        return list(obj.contacts.all())

    @staticmethod
    def resolve_memberships(obj: Person) -> list:
        return [m for m in obj.memberships.all() if m.ended_on is None]


class PersonIn(Schema):
    organisation: str
    name: str
    country: str
    preferred_language: str
    languages_spoken: list[str] = []
    role: str = one_of(Membership, "role", default="member")
    unit_id: int | None = None
    title: str = ""
    email: str = ""
    phone: str = ""


class PersonPatch(Schema):
    name: str | None = None
    country: str | None = None
    preferred_language: str | None = None
    languages_spoken: list[str] | None = None
    email: str | None = None
    phone: str | None = None


class MeOut(Schema):
    email: str
    language: str
    person: PersonOut | None


@router.get("/me", response=MeOut, summary="Who the token or session belongs to")
def me(request: ApiRequest):
    user = request.auth
    person = person_with_contacts(user)
    return {"email": user.email, "language": user.language, "person": person}


@router.get("/organisations", response=list[OrganisationOut])
@paginate(Pages)
def organisations(request: ApiRequest, q: str = ""):
    """Every organisation, or those whose name holds every word of ``q`` (accents
    and case do not matter)."""
    return all_organisations(q)


@router.get("/organisations/{slug}", response=OrganisationOut)
def organisation(request: ApiRequest, slug: str):
    return get_visible(request.auth, Organisation, "orgs.view_organisation", slug=slug)


@router.get("/organisations/{slug}/units", response=list[UnitOut])
@paginate(Pages)
def organisation_units(request: ApiRequest, slug: str, q: str = ""):
    """The organisation's units, or those whose name, number or place holds every
    word of ``q`` (accents and case do not matter)."""
    org: Organisation = get_visible(
        request.auth, Organisation, "orgs.view_organisation", slug=slug
    )
    return units_of(org, q)


class UnitIn(Schema):
    kind: str = one_of(Unit, "kind")
    name: str
    country: str
    number: str = ""
    place: str = ""
    parent_id: int | None = None


@router.post("/organisations/{slug}/units", response={201: UnitOut})
def unit_create(request: ApiRequest, slug: str, payload: UnitIn):
    org: Organisation = get_visible(
        request.auth, Organisation, "orgs.view_organisation", slug=slug
    )
    parent = (
        get_visible(request.auth, Unit, None, pk=payload.parent_id)
        if payload.parent_id
        else None
    )
    created = actions.create_unit(
        request.auth,
        org,
        kind=payload.kind,
        name=payload.name,
        country=payload.country,
        number=payload.number,
        place=payload.place,
        parent=parent,
    )
    return Status(201, created)


@router.get("/units/{unit_id}", response=UnitOut)
def unit(request: ApiRequest, unit_id: int):
    # Every signed-in person sees every unit.
    return get_visible(request.auth, units_with_parents(), None, pk=unit_id)


@router.get("/people", response=list[PersonOut])
@paginate(Pages)
def people(request: ApiRequest, organisation: str = "", q: str = ""):
    """The people the caller may see: the same scope as the People page. ``q``
    finds names whatever their accents and case, and phone numbers and e-mails."""
    return people_found_with_contacts(request.auth, query=q, organisation=organisation)


@router.get("/people/{person_id}", response=PersonOut)
def person(request: ApiRequest, person_id: int):
    return get_visible(
        request.auth, people_with_contacts(), "orgs.view_person", pk=person_id
    )


@router.post("/people", response={201: PersonOut})
def person_create(request: ApiRequest, payload: PersonIn):
    org: Organisation = get_visible(
        request.auth, Organisation, "orgs.view_organisation", slug=payload.organisation
    )
    unit_obj: Unit | None = None
    if payload.unit_id is not None:
        unit_obj = get_visible(request.auth, Unit, None, pk=payload.unit_id)
    created = actions.create_person(
        request.auth,
        org,
        name=payload.name,
        country=payload.country,
        preferred_language=payload.preferred_language,
        languages_spoken=payload.languages_spoken,
        role=payload.role,
        unit=unit_obj,
        title=payload.title,
        contacts=[("email", payload.email), ("phone", payload.phone)],
    )
    return Status(201, people_with_contacts().get(pk=created.pk))


@router.patch("/people/{person_id}", response=PersonOut)
def person_update(request: ApiRequest, person_id: int, payload: PersonPatch):
    obj: Person = get_visible(
        request.auth, people_with_contacts(), "orgs.view_person", pk=person_id
    )
    contacts = {c.kind: c.value for c in obj.contacts.all()}
    actions.update_person(
        request.auth,
        obj,
        name=payload.name if payload.name is not None else obj.name,
        country=payload.country or obj.country,
        preferred_language=payload.preferred_language or obj.preferred_language,
        languages_spoken=payload.languages_spoken
        if payload.languages_spoken is not None
        else obj.languages_spoken,
        contacts=[
            (
                "email",
                payload.email
                if payload.email is not None
                else contacts.get("email", ""),
            ),
            (
                "phone",
                payload.phone
                if payload.phone is not None
                else contacts.get("phone", ""),
            ),
        ],
    )
    return people_with_contacts().get(pk=obj.pk)
