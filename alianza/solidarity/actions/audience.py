"""Changing who may see a campaign, strike, request, event or letter."""

from typing import Any

from django.db import transaction

from alianza.audit.log import record
from alianza.lib.permissions import require
from alianza.orgs.models import Unit

from ..models import Campaign, Event, Letter, SolidarityRequest, Strike
from ._fields import audience_fields

#: The rule that lets a person change each kind of record.
CHANGE = {
    Campaign: "solidarity.change_campaign",
    Strike: "solidarity.change_strike",
    SolidarityRequest: "solidarity.change_solidarityrequest",
    Event: "solidarity.change_event",
    Letter: "solidarity.change_letter",
}


@transaction.atomic
def set_audience(
    actor: Any, record_: Any, audience: str, audience_unit: Unit | None = None
) -> Any:
    """The author (her union's leaders) chooses who may see the record."""
    model = type(record_)
    require(actor, CHANGE[model], record_)
    before = record_.audience
    seen_by = audience_fields(
        model, record_.audience_organisation, audience, audience_unit
    )
    record_.audience, record_.audience_unit = (
        seen_by["audience"],
        seen_by["audience_unit"],
    )
    record_.save(update_fields=["audience", "audience_unit"])
    record("solidarity.audience_changed", actor=actor,
           organisation=record_.audience_organisation, target=record_,
           data={"from": before, "to": record_.audience,
                 "unit": getattr(seen_by["audience_unit"], "pk", None)})  # fmt: skip
    return record_
