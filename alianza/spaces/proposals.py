"""Proposals: what concerns a joint space as a whole is decided by every coordinating
union together (``shared_ground``).

One union proposes (its acceptance is given with the proposal); each of the other
coordinating unions accepts or rejects; the proposal takes effect when the last one
has accepted, and is over as soon as one rejects it. Each step is an audit entry on
the space, naming the union that acted, and each answer is told by e-mail to the
managers of the other coordinating unions, in their language.

What a proposal does when it takes effect is its kind's *effect*: spaces adds a
participant; councils registers the effect that adds a unit to a council (its
``AppConfig.ready``), since spaces may not import councils.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alianza.accounts.tasks import send_email
from alianza.audit.log import record
from alianza.lib.permissions import require
from alianza.lib.written import written_in
from alianza.multilingual.text import render_for
from alianza.orgs.models import Organisation

from .models import Acceptance, JointSpace, Participant, Proposal
from .selectors import managers_to_tell
from .shared_ground import (
    coordinating_unions_acted_for,
    union_of_actor,
    unions_answering_for,
    unions_yet_to_answer,
)

#: What each kind of proposal does when it takes effect: ``effect(proposal, actor)``.
EFFECTS: dict[str, Callable[[Proposal, Any], Any]] = {}


def register_effect(kind: str, effect: Callable[[Proposal, Any], Any]) -> None:
    EFFECTS[kind] = effect


def _answered(proposal: Proposal) -> set[int]:
    return set(proposal.answers.values_list("organisation_id", flat=True))


@transaction.atomic
def propose(
    actor: Any,
    space: JointSpace,
    kind: str,
    *,
    organisation: Organisation | None = None,
    unit: Any = None,
    role: str = "",
    title: str = "",
) -> Proposal:
    """Propose a decision on ``space`` for the coordinating union ``actor`` acts for.
    With a single coordinating union, it takes effect at once."""
    require(
        actor,
        "spaces.propose",
        space,
        _(
            "Only the administrators and staff of a union that coordinates this space "
            "may propose this."
        ),
    )
    if kind not in EFFECTS:
        raise ValidationError(_("This kind of proposal is not known."))
    unions = coordinating_unions_acted_for(actor, space)
    if not unions:
        raise ValidationError(_("You act for no union that coordinates this space."))
    union_id = min(unions)
    pending = space.proposals.filter(
        status=Proposal.Status.PENDING, kind=kind, organisation=organisation, unit=unit
    )
    if pending.exists():
        raise ValidationError(_("The same proposal is already waiting for an answer."))
    proposal = Proposal.objects.create(
        space=space,
        kind=kind,
        organisation=organisation,
        unit=unit,
        role=role,
        title=title.strip()[:200],
        language=written_in(actor),
        proposed_by=actor,
        proposed_for_id=union_id,
    )
    Acceptance.objects.create(
        proposal=proposal, organisation_id=union_id, accepted=True, answered_by=actor
    )
    record(
        "spaces.proposal_made",
        actor=actor,
        space=space,
        target=proposal,
        data={"union": union_id, "kind": kind, "proposal": proposal.pk},
    )
    _settle(actor, proposal, union_id)
    return proposal


@transaction.atomic
def accept(actor: Any, proposal: Proposal) -> Proposal:
    """``actor``'s union accepts the proposal; the last acceptance makes it effective."""
    proposal, union_id = _answering(actor, proposal)
    Acceptance.objects.create(
        proposal=proposal, organisation_id=union_id, accepted=True, answered_by=actor
    )
    record(
        "spaces.proposal_accepted",
        actor=actor,
        space=proposal.space,
        target=proposal,
        data={"union": union_id, "kind": proposal.kind, "proposal": proposal.pk},
    )
    _settle(actor, proposal, union_id)
    return proposal


@transaction.atomic
def reject(actor: Any, proposal: Proposal) -> Proposal:
    """``actor``'s union rejects the proposal: it will not take effect."""
    proposal, union_id = _answering(actor, proposal)
    Acceptance.objects.create(
        proposal=proposal, organisation_id=union_id, accepted=False, answered_by=actor
    )
    proposal.status = Proposal.Status.REJECTED
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "decided_at"])
    record(
        "spaces.proposal_rejected",
        actor=actor,
        space=proposal.space,
        target=proposal,
        data={"union": union_id, "kind": proposal.kind, "proposal": proposal.pk},
    )
    _tell(proposal, union_id)
    return proposal


def _answering(actor: Any, proposal: Proposal) -> tuple[Proposal, int]:
    """The proposal, locked, and the union ``actor`` answers it for."""
    proposal = (
        Proposal.objects.select_for_update().select_related("space").get(pk=proposal.pk)
    )
    require(
        actor,
        "spaces.answer_proposal",
        proposal,
        _(
            "This proposal is not waiting for your union's answer: it was decided, "
            "your union has answered it, or your union does not coordinate this space."
        ),
    )
    unions = unions_answering_for(actor, proposal.space, _answered(proposal))
    if not unions:
        raise ValidationError(_("Your union has already answered this proposal."))
    return proposal, min(unions)


def _settle(actor: Any, proposal: Proposal, union_id: int) -> None:
    """Make the proposal effective once every coordinating union has accepted it;
    then tell the other coordinating unions."""
    accepted = set(
        proposal.answers.filter(accepted=True).values_list("organisation_id", flat=True)
    )
    if not unions_yet_to_answer(proposal.space, accepted):
        EFFECTS[proposal.kind](proposal, actor)
        proposal.status = Proposal.Status.ACCEPTED
        proposal.decided_at = timezone.now()
        proposal.save(update_fields=["status", "decided_at"])
    _tell(proposal, union_id)


def _tell(proposal: Proposal, union_id: int) -> None:
    """E-mail the managers of the other coordinating unions, each in her language,
    with a link to the space's page."""
    union = Organisation.objects.get(pk=union_id)
    link = settings.SITE_URL.rstrip("/") + proposal.get_absolute_url()
    for email, language in managers_to_tell(proposal.space, exclude={union_id}):
        with translation.override(language):
            names = {
                "space": render_for(proposal.space, "name", language).text,
                "union": union.short_name or union.name,
                "proposal": str(proposal),
                "link": link,
            }
            subject = _("%(space)s: a proposal of the joint space") % names
            if proposal.is_accepted:
                body = (
                    _(
                        "%(union)s accepted “%(proposal)s”. Every coordinating union has "
                        "accepted it: it is now in effect.\n\n%(link)s"
                    )
                    % names
                )
            elif proposal.is_rejected:
                body = (
                    _(
                        "%(union)s rejected “%(proposal)s”. It will not take effect."
                        "\n\n%(link)s"
                    )
                    % names
                )
            else:
                body = (
                    _(
                        "%(union)s accepted “%(proposal)s”. It takes effect when every "
                        "coordinating union has accepted it. If your union has not answered "
                        "yet, accept or reject it on the space's page:\n\n%(link)s"
                    )
                    % names
                )
        send_email.enqueue(email, str(subject), str(body))


def _participant_joins(proposal: Proposal, actor: Any) -> Participant:
    """The effect of an accepted proposal to add a participant."""
    space = proposal.space
    if space.participants.filter(organisation=proposal.organisation).exists():
        raise ValidationError(_("Already a participant in this joint space."))
    participant = Participant.objects.create(
        space=space,
        organisation=proposal.organisation,
        role=proposal.role or Participant.Role.PARTICIPANT,
        title=proposal.title,
        language=proposal.language,
    )
    record(
        "spaces.participant_added",
        actor=actor,
        space=space,
        target=participant,
        data={
            "role": participant.role,
            "proposal": proposal.pk,
            "union": union_of_actor(actor, space),
            "proposed_for": proposal.proposed_for_id,
        },
    )
    return participant


register_effect(Proposal.Kind.ADD_PARTICIPANT, _participant_joins)
