from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alianza.audit.log import record, scope_of
from alianza.lib.permissions import require

from .models import JointSpace, Participant, Proposal, Share
from .proposals import propose
from .shared_ground import union_of_actor

#: The models that may be shared into a joint space, with the permission that
#: lets a person share one (they must be able to manage the record).
SHAREABLE: dict[str, str] = {
    "bodies.body": "bodies.change_body",
    "documents.document": "documents.change_document",
    "solidarity.campaign": "solidarity.change_campaign",
    "solidarity.letter": "solidarity.change_letter",
    "contracts.agreement": "contracts.change_agreement",
    "contracts.bargaininground": "contracts.change_bargaininground",
}


def _record_permission(record_obj: models.Model) -> str:
    label = record_obj._meta.label_lower
    if label not in SHAREABLE:
        raise ValidationError(_("This kind of record cannot be shared."))
    return SHAREABLE[label]


@transaction.atomic
def share_record(
    actor: Any, record_obj: models.Model, space: JointSpace, note: str = ""
) -> Share:
    require(actor, _record_permission(record_obj), record_obj)
    require(actor, "spaces.view_jointspace", space)
    if getattr(record_obj, "space_id", None) == space.pk:
        raise ValidationError(_("This record already belongs to that joint space."))
    if Share.objects.active().of(record_obj).filter(space=space).exists():
        raise ValidationError(_("This record is already shared into that joint space."))
    share = Share.objects.create(
        space=space, record=record_obj, shared_by=actor, note=note.strip()[:300]
    )
    record(
        "spaces.record_shared",
        actor=actor,
        organisation=scope_of(record_obj)["organisation"],
        space=space,
        target=record_obj,
        data={
            "share": share.pk,
            "note": share.note,
            "union": union_of_actor(actor, space),
        },
    )
    return share


@transaction.atomic
def withdraw_share(actor: Any, share: Share) -> Share:
    record_obj = share.record
    if record_obj is None:
        raise ValidationError(_("The shared record no longer exists."))
    require(actor, _record_permission(record_obj), record_obj)
    if share.withdrawn_at is None:
        share.withdrawn_at = timezone.now()
        share.withdrawn_by = actor
        share.save(update_fields=["withdrawn_at", "withdrawn_by"])
        record(
            "spaces.share_withdrawn",
            actor=actor,
            organisation=scope_of(record_obj)["organisation"],
            space=share.space,
            target=record_obj,
            data={"share": share.pk, "union": union_of_actor(actor, share.space)},
        )
    return share


@transaction.atomic
def add_participant(
    actor: Any,
    space: JointSpace,
    *,
    organisation: Any,
    role: str = Participant.Role.PARTICIPANT,
    title: str = "",
) -> Proposal:
    """Propose that ``organisation`` take part in ``space``: it joins when every
    coordinating union has accepted (at once if the actor's is the only one)."""
    require(
        actor,
        "spaces.add_participant",
        space,
        _(
            "Only the administrators and staff of a union that coordinates this space "
            "may propose a new participant."
        ),
    )
    if role not in Participant.Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    if space.participants.filter(organisation=organisation).exists():
        raise ValidationError(_("Already a participant in this joint space."))
    return propose(
        actor,
        space,
        Proposal.Kind.ADD_PARTICIPANT,
        organisation=organisation,
        role=role,
        title=title,
    )
