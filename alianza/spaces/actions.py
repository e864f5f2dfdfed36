from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alianza.audit.log import record, scope_of
from alianza.lib.permissions import require

from .models import JointSpace, Participant, Share

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
        data={"share": share.pk, "note": share.note},
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
            data={"share": share.pk},
        )
    return share


@transaction.atomic
def add_participant(
    actor: Any,
    space: JointSpace,
    *,
    organisation: Any = None,
    person: Any = None,
    role: str = Participant.Role.PARTICIPANT,
    title: str = "",
) -> Participant:
    require(actor, "spaces.add_participant", space)
    if (organisation is None) == (person is None):
        raise ValidationError(_("Choose either an organisation or a person."))
    if role not in Participant.Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    if role == Participant.Role.COORDINATOR:
        require(actor, "spaces.add_coordinator", space)
    exists = space.participants.filter(
        organisation=organisation, person=person
    ).exists()
    if exists:
        raise ValidationError(_("Already a participant in this joint space."))
    participant = Participant.objects.create(
        space=space, organisation=organisation, person=person, role=role, title=title
    )
    record(
        "spaces.participant_added",
        actor=actor,
        space=space,
        target=participant,
        data={"role": role},
    )
    return participant
