"""Every change to organisations, people and memberships goes through here."""

import re
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from alianza.audit.log import record
from alianza.lib.permissions import require
from alianza.lib.table_export import Column, Kind, Table
from alianza.lib.when import guess_zone, is_zone

from .address import Address
from .models import ContactChannel, Country, Membership, Organisation, Person, Unit
from .roles import Role
from .selectors import forget_standing

PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 ()\-.]{6,20}$")


def clean_contacts(contacts: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Validate (kind, value) pairs; blank values are dropped."""
    cleaned: list[tuple[str, str]] = []
    for kind, raw in contacts:
        value = (raw or "").strip()
        if not value:
            continue
        if kind == ContactChannel.Kind.EMAIL:
            try:
                validate_email(value)
            except ValidationError as exc:
                raise ValidationError(
                    {"email": _("Enter a valid e-mail address.")}
                ) from exc
            value = value.lower()
        elif kind in (ContactChannel.Kind.PHONE, ContactChannel.Kind.WHATSAPP):
            if not PHONE_PATTERN.match(value):
                raise ValidationError(
                    {
                        "phone": _(
                            "Enter a phone number with its country code, "
                            "for example +52 55 1234 5678."
                        )
                    }
                )
        else:
            raise ValidationError(_("Unknown kind of contact."))
        cleaned.append((kind, value))
    return cleaned


def check_unit(organisation: Organisation, unit: Unit | None) -> None:
    if unit is not None and unit.organisation_id != organisation.pk:
        raise ValidationError({"unit": _("This unit belongs to another organisation.")})


def check_may_grant(actor: Any, organisation: Organisation, role: str) -> None:
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    require(actor, "orgs.grant_roles", organisation)
    if role == Role.ADMIN:
        require(
            actor,
            "orgs.grant_admin",
            organisation,
            _("Only an organisation administrator can make someone an administrator."),
        )


@transaction.atomic
def create_person(
    actor: Any,
    organisation: Organisation,
    *,
    name: str,
    country: str,
    preferred_language: str,
    languages_spoken: list[str] | None = None,
    role: str = Role.MEMBER,
    unit: Unit | None = None,
    title: str = "",
    contacts: Iterable[tuple[str, str]] = (),
    address_as: str = "",
) -> Person:
    require(actor, "orgs.add_person", organisation)
    if address_as not in {"", *Address.values}:
        raise ValidationError({"address_as": _("Choose one of the forms offered.")})
    check_unit(organisation, unit)
    check_may_grant(actor, organisation, role)
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Enter the person's name.")})
    cleaned = clean_contacts(contacts)
    spoken = list(dict.fromkeys([preferred_language, *(languages_spoken or [])]))
    person = Person.objects.create(
        name=name,
        country=country,
        preferred_language=preferred_language,
        languages_spoken=spoken,
        address_as=address_as,
    )
    for index, (kind, value) in enumerate(cleaned):
        ContactChannel.objects.create(
            person=person, kind=kind, value=value, preferred=index == 0
        )
    Membership.objects.create(
        person=person,
        organisation=organisation,
        unit=unit,
        role=role,
        title=title,
        started_on=timezone.localdate(),
    )
    record(
        "orgs.person_created",
        actor=actor,
        organisation=organisation,
        target=person,
        data={"role": role, "unit": unit.pk if unit else None},
    )
    return person


@transaction.atomic
def update_person(
    actor: Any,
    person: Person,
    *,
    name: str,
    country: str,
    preferred_language: str,
    languages_spoken: list[str],
    contacts: Iterable[tuple[str, str]],
    address_as: str | None = None,
) -> Person:
    """``address_as`` None leaves how the person is addressed as it is."""
    require(actor, "orgs.change_person", person)
    if address_as is not None and address_as not in {"", *Address.values}:
        raise ValidationError({"address_as": _("Choose one of the forms offered.")})
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Enter the person's name.")})
    cleaned = clean_contacts(contacts)
    before = {
        "name": person.name,
        "country": person.country,
        "preferred_language": person.preferred_language,
        "address_as": person.address_as,
    }
    if address_as is not None:
        person.address_as = address_as
    person.name = name
    person.country = country
    person.preferred_language = preferred_language
    person.languages_spoken = list(
        dict.fromkeys([preferred_language, *languages_spoken])
    )
    person.save()
    kinds = {kind for kind, _value in cleaned} | {
        ContactChannel.Kind.EMAIL,
        ContactChannel.Kind.PHONE,
    }
    person.contacts.filter(kind__in=kinds).delete()
    for index, (kind, value) in enumerate(cleaned):
        ContactChannel.objects.create(
            person=person, kind=kind, value=value, preferred=index == 0
        )
    for membership in person.memberships.current().select_related("organisation"):
        record(
            "orgs.person_updated",
            actor=actor,
            organisation=membership.organisation,
            target=person,
            data={"before": before},
        )
    return person


@transaction.atomic
def set_address(actor: Any, person: Person, address_as: str) -> Person:
    """Say how a person is addressed: Spanish and French role and seat names agree
    with it. The person herself, or whoever manages her record."""
    require(actor, "orgs.change_person", person)
    if address_as not in {"", *Address.values}:
        raise ValidationError({"address_as": _("Choose one of the forms offered.")})
    before = person.address_as
    if before == address_as:
        return person
    person.address_as = address_as
    person.save(update_fields=["address_as"])
    memberships = person.memberships.current().select_related("organisation")
    organisations: list[Organisation | None] = list(
        {m.organisation_id: m.organisation for m in memberships}.values()
    )
    for organisation in organisations or [None]:
        record(
            "orgs.person_updated",
            actor=actor,
            organisation=organisation,
            target=person,
            data={
                "before": {"address_as": before},
                "after": {"address_as": address_as},
            },
        )
    return person


def _check_may_change(actor: Any, membership: Membership, role: str | None) -> None:
    """``role`` None means the membership is being ended."""
    organisation = membership.organisation
    check_may_grant(actor, organisation, role or membership.role)
    if membership.role == Role.ADMIN:
        require(
            actor,
            "orgs.change_admin",
            organisation,
            _("Only an organisation administrator can change an administrator's role."),
        )
    if membership.role == Role.ADMIN and role != Role.ADMIN:
        others = (
            Membership.objects.current()
            .filter(organisation=organisation, role=Role.ADMIN)
            .exclude(pk=membership.pk)
        )
        if not others.exists():
            raise ValidationError(
                _("An organisation must keep at least one administrator.")
            )


def _forget(membership: Membership) -> None:
    if membership.person.user_id:
        forget_standing(membership.person.user)


@transaction.atomic
def change_role(actor: Any, membership: Membership, role: str) -> Membership:
    _check_may_change(actor, membership, role)
    before = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    record(
        "orgs.role_changed",
        actor=actor,
        organisation=membership.organisation,
        target=membership.person,
        data={"from": before, "to": role, "membership": membership.pk},
    )
    _forget(membership)
    return membership


@transaction.atomic
def end_membership(actor: Any, membership: Membership) -> Membership:
    _check_may_change(actor, membership, None)
    membership.ended_on = timezone.localdate()
    membership.save(update_fields=["ended_on"])
    record(
        "orgs.membership_ended",
        actor=actor,
        organisation=membership.organisation,
        target=membership.person,
        data={"membership": membership.pk, "role": membership.role},
    )
    _forget(membership)
    return membership


def export_people(actor: Any, organisation: Organisation) -> Table:
    """The organisation's people as a table to download. Audited: it moves personal
    data."""
    require(actor, "orgs.export_people", organisation)
    memberships = (
        Membership.objects.current()
        .filter(organisation=organisation)
        .select_related("person", "unit")
        .prefetch_related("person__contacts")
        .order_by("person__sort_name")
    )
    table = Table(
        name=f"{organisation.slug}-people",
        columns=[
            Column(_("Name"), width=30),
            Column(_("Role")),
            Column(pgettext("position", "Title"), width=24),
            Column(_("Unit"), width=24),
            Column(_("Country")),
            Column(_("Preferred language")),
            Column(_("E-mail"), width=28),
            Column(_("Phone"), Kind.PHONE),
        ],
    )
    for m in memberships:
        contacts = {c.kind: c.value for c in m.person.contacts.all()}
        table.rows.append(
            [
                m.person.name,
                str(m.get_role_display()),
                m.title,
                m.unit.name if m.unit else "",
                str(m.person.get_country_display()),
                str(m.person.get_preferred_language_display()),
                contacts.get(ContactChannel.Kind.EMAIL, ""),
                contacts.get(ContactChannel.Kind.PHONE, ""),
            ]
        )
    record(
        "orgs.people_exported",
        actor=actor,
        organisation=organisation,
        target=organisation,
        data={"rows": len(table.rows)},
    )
    return table


@transaction.atomic
def create_unit(
    actor: Any,
    organisation: Organisation,
    *,
    kind: str,
    name: str,
    country: str,
    number: str = "",
    place: str = "",
    parent: Unit | None = None,
    time_zone: str = "",
) -> Unit:
    """Add a district, local, section or caucus to the organisation's tree. Without
    a ``time_zone`` it keeps the usual one of its place and country."""
    require(actor, "orgs.add_unit", organisation)
    check_unit(organisation, parent)
    if kind not in Unit.Kind.values:
        raise ValidationError({"kind": _("Choose a valid kind of unit.")})
    if country not in Country.values:
        raise ValidationError({"country": _("Choose a valid country.")})
    if time_zone and not is_zone(time_zone):
        raise ValidationError({"time_zone": _("Choose a time zone.")})
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Enter the unit's name.")})
    if organisation.units.filter(name__iexact=name).exists():
        raise ValidationError(
            {"name": _("This organisation already has a unit of that name.")}
        )
    unit = Unit.objects.create(
        organisation=organisation,
        parent=parent,
        kind=kind,
        name=name,
        number=number.strip(),
        country=country,
        place=place.strip(),
        time_zone=time_zone or guess_zone(country, place),
    )
    record(
        "orgs.unit_created",
        actor=actor,
        organisation=organisation,
        target=unit,
        data={"parent": parent.pk if parent else None, "kind": kind},
    )
    return unit


@transaction.atomic
def set_zone(actor: Any, record_obj: Organisation | Unit, time_zone: str) -> Any:
    """Set the clock of a union (its headquarters': its meetings and people default
    to it) or of one of its units (its workplaces': its meetings and notice periods
    count its local days). Its administrators do; an empty zone means the server's
    for a union, the usual one of its place for a unit."""
    if isinstance(record_obj, Organisation):
        require(actor, "orgs.change_zone", record_obj)
        organisation = record_obj
    else:
        require(actor, "orgs.change_unit_zone", record_obj)
        organisation = record_obj.organisation
    if time_zone and not is_zone(time_zone):
        raise ValidationError({"time_zone": _("Choose a time zone.")})
    before = record_obj.time_zone
    if before == time_zone:
        return record_obj
    record_obj.time_zone = time_zone
    record_obj.save(update_fields=["time_zone"])
    record(
        "orgs.zone_changed",
        actor=actor,
        organisation=organisation,
        target=record_obj,
        data={"from": before, "to": time_zone},
    )
    return record_obj
