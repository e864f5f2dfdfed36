"""Who a user is in the alliance, and what they may read. Shared by rules, views and API.

A user's roles are read once per request and cached on the user object.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from alianza.lib.folding import matching
from alianza.lib.when import guess_zone

from .models import ContactChannel, Membership, Organisation, Person, Unit
from .roles import ADMIN_ROLES, LEADING_ROLES, MANAGING_ROLES, Role


@dataclass
class Standing:
    """A user's person record and current memberships."""

    person: Person | None
    memberships: list[Membership] = field(default_factory=list)
    is_superuser: bool = False

    def roles_in(self, organisation_id: int) -> set[str]:
        return {
            m.role for m in self.memberships if m.organisation_id == organisation_id
        }

    def organisation_ids(
        self, roles: frozenset[str] | set[str] | None = None
    ) -> set[int]:
        return {
            m.organisation_id
            for m in self.memberships
            if roles is None or m.role in roles
        }

    @property
    def needs_mfa(self) -> bool:
        return self.is_superuser or any(
            m.role in LEADING_ROLES for m in self.memberships
        )

    @property
    def kinds(self) -> set[str]:
        return {m.role for m in self.memberships}


def standing(user) -> Standing:
    if not getattr(user, "is_authenticated", False):
        return Standing(person=None)
    cached = getattr(user, "_alianza_standing", None)
    if cached is not None:
        return cached
    person = Person.objects.filter(user=user).first()
    memberships = (
        list(
            Membership.objects.current()
            .filter(person=person)
            .select_related("organisation", "unit")
        )
        if person
        else []
    )
    result = Standing(
        person=person, memberships=memberships, is_superuser=user.is_superuser
    )
    user._alianza_standing = result
    return result


def forget_standing(user) -> None:
    if hasattr(user, "_alianza_standing"):
        del user._alianza_standing


def has_role(
    user, organisation: Organisation, roles: frozenset[str] | set[str]
) -> bool:
    st = standing(user)
    return st.is_superuser or bool(st.roles_in(organisation.pk) & set(roles))


def organisations_of(
    user, roles: frozenset[str] | set[str] | None = None
) -> QuerySet[Organisation]:
    """The organisations where the user holds one of ``roles`` (any role if None)."""
    return Organisation.objects.filter(pk__in=standing(user).organisation_ids(roles))


def managed_organisations(user) -> QuerySet[Organisation]:
    """The organisations whose people the user manages (all of them for a superuser)."""
    if standing(user).is_superuser:
        return Organisation.objects.all()
    return organisations_of(user, MANAGING_ROLES)


def administered_organisations(user) -> QuerySet[Organisation]:
    """The organisations the user administers (all of them for a superuser)."""
    if standing(user).is_superuser:
        return Organisation.objects.all()
    return organisations_of(user, ADMIN_ROLES)


def visible_people(user) -> QuerySet[Person]:
    """People whose records the user may read.

    Administrators and staff read everyone in their organisation; an officer reads the
    people of their own unit and the units below it (or the whole organisation when the
    office is not tied to a unit); everyone reads their own record.
    """
    st = standing(user)
    if st.is_superuser:
        return Person.objects.all()
    if st.person is None:
        return Person.objects.none()
    condition = Q(pk=st.person.pk)
    managed = st.organisation_ids(MANAGING_ROLES)
    if managed:
        condition |= Q(
            memberships__organisation_id__in=managed, memberships__ended_on__isnull=True
        )
    unit_ids: set[int] = set()
    for m in st.memberships:
        if m.role != Role.OFFICER or m.organisation_id in managed:
            continue
        if m.unit_id is None:
            condition |= Q(
                memberships__organisation_id=m.organisation_id,
                memberships__ended_on__isnull=True,
            )
        else:
            assert m.unit is not None
            unit_ids |= m.unit.descendant_ids()
    if unit_ids:
        condition |= Q(
            memberships__unit_id__in=unit_ids, memberships__ended_on__isnull=True
        )
    return Person.objects.filter(condition).distinct()


def manageable_people(user) -> QuerySet[Person]:
    """People the user may edit: those in organisations they administer or staff."""
    st = standing(user)
    if st.is_superuser:
        return Person.objects.all()
    managed = st.organisation_ids(MANAGING_ROLES)
    return Person.objects.filter(
        memberships__organisation_id__in=managed, memberships__ended_on__isnull=True
    ).distinct()


def _unit_order(unit: Unit) -> tuple:
    """Kind first, then by number as a number (Section 17 before Section 201)."""
    number = int(unit.number) if unit.number.isdigit() else 10**9
    return (unit.kind, number, unit.name)


def unit_tree(organisation: Organisation) -> list[tuple[Unit, int]]:
    """The organisation's units in tree order with their depth, in one query."""
    units = list(organisation.units.all())
    children: dict[int | None, list[Unit]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    ordered: list[tuple[Unit, int]] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for unit in sorted(children.get(parent_id, []), key=_unit_order):
            ordered.append((unit, depth))
            walk(unit.pk, depth + 1)

    walk(None, 0)
    return ordered


def short_names(pks: set[int]) -> dict[int, str]:
    """The short names of these organisations, by id."""
    return dict(Organisation.objects.filter(pk__in=pks).values_list("pk", "short_name"))


def organisations_with_unit_counts(query: str = "") -> QuerySet[Organisation]:
    """Every organisation (their profiles are public), or those whose name or short
    name holds every word of ``query`` whatever its accents and case."""
    return Organisation.objects.filter(matching(query, "search_name")).annotate(
        unit_count=Count("units")
    )


def find_units(query: str) -> QuerySet[Unit]:
    """The units (public, like their organisations) whose name, number or place holds
    every word of ``query`` whatever its accents and case; none for an empty query."""
    if not query.split():
        return Unit.objects.none()
    return (
        Unit.objects.filter(matching(query, "search_name"))
        .select_related("organisation", "parent")
        .order_by("organisation__name", "kind", "name")
    )


def all_organisations(query: str = "") -> QuerySet[Organisation]:
    return Organisation.objects.filter(matching(query, "search_name"))


def units_with_parents() -> QuerySet[Unit]:
    """Units with their organisation and parent, for a unit's page or answer."""
    return Unit.objects.select_related("organisation", "parent")


def units_of(organisation: Organisation, query: str = "") -> QuerySet[Unit]:
    return (
        Unit.objects.filter(matching(query, "search_name"), organisation=organisation)
        .select_related("organisation")
        .order_by("id")
    )


def unit_officers(unit: Unit) -> QuerySet[Membership]:
    """The people holding an office (any role above member) in the unit now."""
    return (
        Membership.objects.current()
        .filter(unit=unit, role__in=LEADING_ROLES)
        .select_related("person")
    )


def unit_member_count(unit: Unit) -> int:
    return Membership.objects.current().filter(unit=unit).count()


def find_people(user, *, query: str = "", organisation: str = "") -> QuerySet[Person]:
    """The people the user may see whose name holds every word of ``query`` whatever
    its accents and case ("ramon" finds Ramón), or a contact (phone, e-mail) holds
    ``query``, who belong now to the organisation whose slug is ``organisation``
    (when given)."""
    people = visible_people(user)
    if query.split():
        people = people.filter(
            matching(query, "sort_name") | Q(contacts__value__icontains=query)
        )
    if organisation:
        people = people.filter(
            memberships__organisation__slug=organisation, memberships__ended_on=None
        )
    return people


def people_listing(
    user, *, query: str = "", organisation: str = ""
) -> QuerySet[Person]:
    """The People page: ``find_people`` with each one's current memberships."""
    return (
        find_people(user, query=query, organisation=organisation)
        .distinct()
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


def people_with_contacts() -> QuerySet[Person]:
    """People with their contacts and memberships (the API's answer)."""
    return Person.objects.prefetch_related("contacts", "memberships__organisation")


def people_found_with_contacts(
    user, *, query: str = "", organisation: str = ""
) -> QuerySet[Person]:
    ids = find_people(user, query=query, organisation=organisation).values("pk")
    return people_with_contacts().filter(pk__in=ids).order_by("sort_name", "id")


def person_with_contacts(user) -> Person | None:
    """The user's own person record, with contacts and memberships."""
    return people_with_contacts().filter(user=user).first()


def people_without_account() -> QuerySet[Person]:
    return Person.objects.filter(user__isnull=True)


def memberships_of(person: Person) -> QuerySet[Membership]:
    """All of a person's memberships, current ones first."""
    return person.memberships.select_related("organisation", "unit").order_by(
        "ended_on", "organisation__name"
    )


def memberships_with_people() -> QuerySet[Membership]:
    return Membership.objects.select_related("organisation", "person")


def current_membership_in(
    person: Person, organisations: QuerySet[Organisation]
) -> Membership | None:
    return person.memberships.current().filter(organisation__in=organisations).first()


def email_of(person: Person) -> str:
    """The person's e-mail address, or an empty string."""
    email = (
        person.contacts.filter(kind=ContactChannel.Kind.EMAIL)
        .values_list("value", flat=True)
        .first()
    )
    return email or ""


def seats_of(person: Person):
    """The seats the person holds on bodies, with the body and whom it represents."""
    return person.seats.select_related("body", "representing")


def leads_organisation(user, organisation_id: int) -> bool:
    """Whether ``user`` holds a leading role (administrator, staff, officer) in it."""
    return bool(standing(user).roles_in(organisation_id) & LEADING_ROLES)


def leader_addresses(organisation_id: int) -> list[tuple[str, str]]:
    """(e-mail address, language) of each person leading the organisation who has an
    account: the address of her login, in the language she reads Alianza in."""
    leaders = (
        Membership.objects.current()
        .filter(
            organisation_id=organisation_id,
            role__in=LEADING_ROLES,
            person__user__isnull=False,
        )
        .select_related("person__user", "organisation")
        .order_by("person_id")
    )
    seen: set[str] = set()
    addresses = []
    for membership in leaders:
        user = membership.person.user
        if user is None or not user.email or user.email in seen:
            continue
        seen.add(user.email)
        language = (
            user.language
            or membership.person.preferred_language
            or membership.organisation.default_language
        )
        addresses.append((user.email, language))
    return addresses


def usual_zone_of(person: Person | None) -> str:
    """The zone a person most likely lives in: her unit's, else her union's, else
    her country's usual one; "" when nothing says (the server's zone)."""
    if person is None:
        return ""
    memberships = person.memberships.current().select_related(
        "unit__organisation", "organisation"
    )
    # A unit says more about where she lives than a union spread over countries.
    for membership in sorted(memberships, key=lambda m: (m.unit_id is None, m.pk)):
        if membership.unit is not None and membership.unit.zone_key:
            return membership.unit.zone_key
        if membership.organisation.time_zone:
            return membership.organisation.time_zone
    return guess_zone(person.country)


def leading_people(organisation_ids: Iterable[int]) -> QuerySet[Person]:
    """The people who lead (administrator, staff, officer) any of these
    organisations today: whom a notification to a union goes to."""
    return Person.objects.filter(
        pk__in=Membership.objects.current()
        .filter(organisation_id__in=list(organisation_ids), role__in=LEADING_ROLES)
        .values("person_id")
    )
