"""Strikes registered on a campaign."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.employers.models import Worksite
from alianza.lib.permissions import require
from alianza.orgs.models import Unit

from ..models import Campaign, Strike
from ._fields import audience_fields, language_code, required_text


@transaction.atomic
def register_strike(
    actor: Any,
    campaign: Campaign,
    *,
    worksite: Worksite,
    unit: Unit,
    started_on: date,
    demands: str,
    language: str = "es",
    audience: str | None = None,
    audience_unit: Unit | None = None,
) -> Strike:
    require(actor, "solidarity.change_campaign", campaign)
    seen_by = audience_fields(Strike, campaign.organisation, audience, audience_unit)
    if started_on > timezone.localdate():
        raise ValidationError({"started_on": _("A strike cannot start in the future.")})
    strike = Strike.objects.create(
        **seen_by,
        campaign=campaign, worksite=worksite, unit=unit, started_on=started_on,
        demands=required_text(demands, "demands", _("Write the strikers' demands.")),
        language=language_code(language),
    )  # fmt: skip
    record("solidarity.strike_registered", actor=actor,
           organisation=campaign.organisation, target=strike,
           data={"worksite": worksite.pk, "unit": unit.pk,
                 "started_on": started_on.isoformat(),
                 "audience": seen_by["audience"]})  # fmt: skip
    return strike
