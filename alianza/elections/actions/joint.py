"""A joint body's secret ballot, held once every coordinating union of the body's
space has agreed (``spaces.shared_ground``), whoever opened it: outside a meeting,
one coordinating union proposes it (its agreement given with it); in a meeting, the
chair opens it and every coordinating union agrees. Its roll begins with the body's
voting seats, each line belonging to the seat's union."""

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from alianza.bodies.models import Body, Seat
from alianza.lib.permissions import require

from ..models import Election, StepAgreement, Voter
from ..selectors import seat_email
from ._shared import agreed, audit, locked, require_status, take_step
from .election import yes_no


def add_seat_lines(
    election: Election, electorate: list[tuple[Seat, int]], language: str
) -> None:
    """One roll line per seat, voting with ``weight``, belonging to the seat's union."""
    Voter.objects.bulk_create(
        Voter(
            election=election,
            name=str(seat.holder or seat),
            worker_number=f"seat-{seat.pk}",
            email=seat_email(seat),
            language=seat.holder.preferred_language if seat.holder else language,
            weight=weight,
            union_id=seat.representing_id,
        )
        for seat, weight in electorate
    )


@transaction.atomic
def propose_joint_ballot(
    actor: Any,
    body: Body,
    *,
    title: str,
    question: str,
    opens_at: datetime,
    closes_at: datetime,
    language: str,
    trustee_count: int = 3,
    threshold: int = 2,
) -> Election:
    """A yes-or-no ballot of ``body``, a draft held by its space; the proposing
    union's agreement to hold it is given with it."""
    require(
        actor,
        "elections.add_joint_ballot",
        body,
        _(
            "Only the administrators and staff of a union that coordinates this "
            "body's joint space propose its secret ballot."
        ),
    )
    if not title.strip() or not question.strip():
        raise ValidationError({"title": _("Give the election a title and a question.")})
    if closes_at <= opens_at:
        raise ValidationError({"closes_at": _("The vote closes after it opens.")})
    if not 1 <= threshold <= trustee_count <= 9:
        raise ValidationError(
            {
                "threshold": _(
                    "Between 1 and 9 trustees, and no more needed than there are."
                )
            }
        )
    election = Election.objects.create(
        space=body.space, kind=Election.Kind.BODY, title=title.strip(),
        question=question.strip(), answers=yes_no(language), language=language,
        opens_at=opens_at, closes_at=closes_at, trustee_count=trustee_count,
        threshold=threshold,
    )  # fmt: skip
    take_step(election, Election.Status.DRAFT, actor)
    add_seat_lines(
        election, [(seat, seat.vote_weight) for seat in body.voting_seats()], language
    )
    audit("elections.created", actor, election, kind=election.kind, body=body.pk)
    agreed(actor, election, StepAgreement.Kind.HOLD)
    return election


@transaction.atomic
def agree_to_hold(actor: Any, election: Election) -> Election:
    """A coordinating union agrees to hold the joint body's ballot; its key ceremony
    begins only once every one has."""
    require(actor, "elections.change_election", election)
    election = locked(election)
    require_status(election, Election.Status.DRAFT)
    if not election.is_joint:
        raise ValidationError(_("A union's own vote needs no agreement to be held."))
    agreed(actor, election, StepAgreement.Kind.HOLD)
    return election
