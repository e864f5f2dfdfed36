"""The calendar of events and the delegations unions announce to them."""

import secrets
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.lib.permissions import require
from alianza.lib.writing import language_of
from alianza.orgs.models import Organisation, Unit

from ..models import Campaign, Delegation, Event, Rsvp
from ._fields import audience_fields, language_code, required_text


@transaction.atomic
def create_event(
    actor: Any,
    organisation: Organisation,
    *,
    kind: str,
    title: str,
    starts_on: date,
    country: str,
    description: str = "",
    language: str = "en",
    place: str = "",
    annual: bool = False,
    campaign: Campaign | None = None,
    audience: str | None = None,
    audience_unit: Unit | None = None,
) -> Event:
    require(actor, "solidarity.add_campaign", organisation)
    if kind not in Event.Kind.values:
        raise ValidationError({"kind": _("Choose a kind of event.")})
    seen_by = audience_fields(Event, organisation, audience, audience_unit)
    event = Event.objects.create(
        **seen_by,
        organisation=organisation, kind=kind,
        title=required_text(title, "title", _("Give the event a title.")),
        description=description.strip(), language=language_code(language),
        starts_on=starts_on, place=place.strip(), country=country, annual=annual,
        campaign=campaign, uid=f"{secrets.token_hex(16)}@alianza",
    )  # fmt: skip
    record("solidarity.event_created", actor=actor, organisation=organisation,
           target=event, data={"kind": kind, "date": starts_on.isoformat(),
                               "audience": seen_by["audience"]})  # fmt: skip
    return event


@transaction.atomic
def add_delegation(
    actor: Any,
    event: Event,
    *,
    organisation: Organisation,
    unit: Unit | None = None,
    people: int = 1,
    note: str = "",
) -> Delegation:
    """A union announces its delegation to an event."""
    require(actor, "solidarity.add_delegation", organisation,
            message=_("Only the leaders of a union announce its delegation."))  # fmt: skip
    if unit is not None and unit.organisation_id != organisation.pk:
        raise ValidationError({"unit": _("The unit belongs to another union.")})
    if people < 1:
        raise ValidationError({"people": _("A delegation has at least one person.")})
    delegation = Delegation.objects.create(
        event=event, organisation=organisation, unit=unit, people=people,
        note=note.strip(), language=language_of(actor),
    )  # fmt: skip
    record("solidarity.delegation_added", actor=actor, organisation=organisation,
           target=event, data={"people": people})  # fmt: skip
    return delegation


@transaction.atomic
def answer_event(
    actor: Any, event: Event, answer: str, today: date | None = None
) -> Rsvp:
    """She says whether she will go to the event's next date (yes, maybe, no); a
    new answer replaces her earlier one for that date."""
    from alianza.orgs.selectors import standing

    require(actor, "solidarity.answer_event")
    if answer not in Rsvp.Answer.values:
        raise ValidationError(_("Choose: I will go, maybe, or I cannot go."))
    occurs_on = event.next_date(today)
    if occurs_on < (today or timezone.localdate()):
        raise ValidationError(_("This event is over: it takes no more answers."))
    rsvp, _created = Rsvp.objects.update_or_create(
        event=event, person=standing(actor).person, occurs_on=occurs_on,
        defaults={"answer": answer, "answered_at": timezone.now()},
    )  # fmt: skip
    record("solidarity.event_answered", actor=actor, organisation=event.organisation,
           target=event, data={"answer": answer, "date": occurs_on.isoformat()})  # fmt: skip
    return rsvp
