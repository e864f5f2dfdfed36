"""Organizing targets: support figures, stages, contacts and the vote of support."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.employers.models import Worksite
from alianza.lib.permissions import require

from ..models import (
    CERTIFICATE_THRESHOLD,
    Campaign,
    OrganizingContact,
    OrganizingTarget,
)
from ._fields import required_text

Stage = OrganizingTarget.Stage
#: Stages that need the 30% support of the covered workers first.
AFTER_CERTIFICATE = (Stage.CERTIFICATE, Stage.APPROVAL_VOTE, Stage.FIRST_CONTRACT)


@transaction.atomic
def add_target(
    actor: Any, campaign: Campaign, *, worksite: Worksite, covered_workers: int | None
) -> OrganizingTarget:
    require(actor, "solidarity.change_campaign", campaign)
    if campaign.kind != Campaign.Kind.ORGANIZING:
        raise ValidationError(_("Organizing targets belong to organizing campaigns."))
    if campaign.organizing_targets.filter(worksite=worksite).exists():
        raise ValidationError({"worksite": _("This worksite is already a target.")})
    target = OrganizingTarget.objects.create(
        campaign=campaign, worksite=worksite,
        covered_workers=covered_workers or worksite.headcount,
    )  # fmt: skip
    record("solidarity.target_added", actor=actor, organisation=campaign.organisation,
           target=target, data={"worksite": worksite.pk})  # fmt: skip
    return target


def _team_only(actor: Any, target: OrganizingTarget) -> None:
    require(actor, "solidarity.organize_target", target,
            message=_("Only the campaign's organizing team may do this."))  # fmt: skip


@transaction.atomic
def record_support(
    actor: Any, target: OrganizingTarget, *, covered_workers: int, supporters: int
) -> OrganizingTarget:
    """The support figures the organizing team counted (signed support cards)."""
    _team_only(actor, target)
    if covered_workers <= 0:
        raise ValidationError(
            {"covered_workers": _("The number of covered workers must be positive.")}
        )
    if supporters < 0 or supporters > covered_workers:
        raise ValidationError(
            {"supporters": _("Supporters must be between 0 and the covered workers.")}
        )
    target.covered_workers = covered_workers
    target.supporters = supporters
    target.support_recorded_on = timezone.localdate()
    target.save(update_fields=["covered_workers", "supporters", "support_recorded_on"])
    record("solidarity.support_recorded", actor=actor,
           organisation=target.campaign.organisation, target=target,
           data={"covered": covered_workers, "supporters": supporters,
                 "reached": target.support_reached})  # fmt: skip
    return target


@transaction.atomic
def link_election(
    actor: Any, target: OrganizingTarget, election: Any
) -> OrganizingTarget:
    """The secret-ballot vote of support for the representation certificate, held
    through the elections capability, joined to the target it is for."""
    _team_only(actor, target)
    if (
        election.kind != "representation"
        or election.organisation_id != target.campaign.organisation_id
        or (election.worksite_id and election.worksite_id != target.worksite_id)
    ):
        raise ValidationError(
            _(
                "Choose a vote of support for a representation certificate of this union at this worksite."
            )
        )
    target.representation_election = election
    target.save(update_fields=["representation_election"])
    record("solidarity.election_linked", actor=actor,
           organisation=target.campaign.organisation, target=target,
           data={"election": str(election.uid)})  # fmt: skip
    return target


@transaction.atomic
def move_stage(actor: Any, target: OrganizingTarget, stage: str) -> OrganizingTarget:
    _team_only(actor, target)
    if stage not in Stage.values:
        raise ValidationError({"stage": _("Choose a valid stage.")})
    order = list(Stage.values)
    if order.index(stage) > target.stage_index() + 1:
        raise ValidationError(_("Move one stage at a time."))
    if stage in AFTER_CERTIFICATE and not target.support_reached:
        raise ValidationError(
            _("The representation certificate needs the support of %(pct)d%% of "
              "the covered workers first. %(explanation)s")
            % {"pct": CERTIFICATE_THRESHOLD,
               "explanation": target.support_explanation()}
        )  # fmt: skip
    before, target.stage = target.stage, stage
    target.save(update_fields=["stage"])
    record("solidarity.stage_moved", actor=actor,
           organisation=target.campaign.organisation, target=target,
           data={"from": before, "to": stage})  # fmt: skip
    return target


@transaction.atomic
def add_contact(
    actor: Any,
    target: OrganizingTarget,
    *,
    name: str,
    phone: str = "",
    position: str = "",
    on_committee: bool = False,
) -> OrganizingContact:
    _team_only(actor, target)
    contact = OrganizingContact.objects.create(
        target=target, name=required_text(name, "name", _("Write the contact's name.")),
        phone=phone.strip(), position=position.strip(), on_committee=on_committee,
        added_by=actor,
    )  # fmt: skip
    # The audit entry names no one: the contacts are the team's secret.
    record("solidarity.contact_added", actor=actor,
           organisation=target.campaign.organisation, target=target,
           data={"contact": contact.pk})  # fmt: skip
    return contact
