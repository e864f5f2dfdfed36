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
from ._fields import language_code, required_text


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
) -> Strike:
    require(actor, "solidarity.change_campaign", campaign)
    if started_on > timezone.localdate():
        raise ValidationError({"started_on": _("A strike cannot start in the future.")})
    strike = Strike.objects.create(
        campaign=campaign, worksite=worksite, unit=unit, started_on=started_on,
        demands=required_text(demands, "demands", _("Write the strikers' demands.")),
        language=language_code(language),
    )  # fmt: skip
    record("solidarity.strike_registered", actor=actor,
           organisation=campaign.organisation, target=strike,
           data={"worksite": worksite.pk, "unit": unit.pk,
                 "started_on": started_on.isoformat()})  # fmt: skip
    return strike
