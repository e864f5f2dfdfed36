"""Proxies and votes: named ballots, a count of hands, a secret ballot held by the
elections capability, and the result that decides the motion."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from alianza.bodies.models import Seat
from alianza.lib.permissions import require

from .. import secret
from ..models import Ballot, Forwarding, Meeting, Motion, Proxy, Vote
from ..selectors import ballot_seats, quorum, seat_of
from ._shared import _audit, _for_seat_message, _require_open, _set_status


@transaction.atomic
def give_proxy(
    actor: Any, meeting: Meeting, carrier: Seat, giver: Seat | None = None
) -> Proxy:
    """An absent voting member gives their vote to a member present (or the
    secretary records a proxy given on paper), within the body's limit per person."""
    require(actor, "governance.view_meeting", meeting)
    if giver is None:
        require(
            actor, "governance.hold_seat", meeting, _("You hold no seat on this body.")
        )
        giver = seat_of(actor, meeting)
        assert giver is not None
    else:
        require(
            actor,
            "governance.give_proxy",
            Proxy(meeting=meeting, giver=giver, carrier=carrier),
            _for_seat_message(giver),
        )
    body = meeting.body
    if body.proxy_limit == 0:
        raise ValidationError(_("This body does not allow proxies."))
    if not giver.counts_for_quorum or not carrier.counts_for_quorum:
        raise ValidationError(_("Only voting members give and carry proxies."))
    if giver.body_id != body.pk or carrier.body_id != body.pk or giver.pk == carrier.pk:
        raise ValidationError(_("Choose another voting member of this body."))
    if meeting.attendance.filter(seat=giver).exists():
        raise ValidationError(_("A member present votes in person."))
    if meeting.proxies.filter(carrier=carrier).exclude(giver=giver).count() >= (
        body.proxy_limit
    ):
        raise ValidationError(
            _(
                "%(member)s already carries as many proxies as this body allows (%(limit)s)."
            )
            % {"member": carrier.holder or carrier, "limit": body.proxy_limit}
        )
    proxy, _created = Proxy.objects.update_or_create(
        meeting=meeting, giver=giver, defaults={"carrier": carrier}
    )
    _audit(
        "governance.proxy_given", actor, meeting, giver,
        union=giver.representing_id, carrier=carrier.pk,
    )  # fmt: skip
    return proxy


@transaction.atomic
def withdraw_proxy(actor: Any, proxy: Proxy) -> None:
    meeting = proxy.meeting
    require(actor, "governance.give_proxy", proxy, _for_seat_message(proxy.giver))
    _audit(
        "governance.proxy_withdrawn", actor, meeting, proxy.giver,
        union=proxy.giver.representing_id,
    )  # fmt: skip
    proxy.delete()


@transaction.atomic
def open_vote(actor: Any, motion: Motion, *, method: str, threshold: str) -> Vote:
    meeting = motion.meeting
    require(actor, "governance.run_meeting", meeting)
    _require_open(meeting)
    if method not in Vote.Method.values or threshold not in Vote.Threshold.values:
        raise ValidationError(_("Choose how to vote and the rule that decides."))
    if motion.is_decided:
        raise ValidationError(_("This motion has been decided."))
    if motion.amends is not None and motion.amends.is_decided:
        raise ValidationError(_("The motion this amendment changes has been decided."))
    if motion.votes.filter(closed_at__isnull=True).exists():
        raise ValidationError(_("A vote on this motion is already open."))
    present = quorum(meeting)
    if not present.reached:
        raise ValidationError(
            _(
                "There is no quorum: %(present)s voting members present, %(required)s needed."
            )
            % {"present": present.present, "required": present.required}
        )
    vote = Vote.objects.create(
        motion=motion, method=method, threshold=threshold, present=present.present,
        quorum_required=present.required,
    )  # fmt: skip
    if method == Vote.Method.SECRET:
        provider = secret.provider()
        if provider is None:
            raise ValidationError(
                _(
                    "Secret ballots are held through the elections capability, which is not available here."
                )
            )
        # The ballot's roll is the electorate of this moment: its figures are fixed
        # now, so that the election decides as the meeting will.
        electorate = _electorate(meeting, vote)
        vote.members_voting = len(electorate)
        vote.voting_weight = _voting_weight(meeting)
        vote.external_ref = provider.open(vote, electorate)
        vote.save(update_fields=["external_ref", "members_voting", "voting_weight"])
    if motion.status != Motion.Status.DEBATED:
        _set_status(motion, Motion.Status.DEBATED, actor)
    _audit(
        "governance.vote_opened",
        actor,
        meeting,
        motion,
        method=method,
        threshold=threshold,
        present=present.present,
        quorum=present.required,
    )
    return vote


def _electorate(meeting: Meeting, vote: Vote) -> list[tuple[Seat, int]]:
    """Seats voting at this moment with what each vote counts for under the vote's
    rule: members present and the proxies they carry."""
    present = set(meeting.attendance.values_list("seat_id", flat=True))
    carried = {p.giver_id for p in meeting.proxies.all() if p.carrier_id in present}
    return [
        (seat, vote.weight_of(seat.vote_weight))
        for seat in meeting.body.seats.all()
        if seat.counts_for_quorum and (seat.pk in present or seat.pk in carried)
    ]


def _voting_weight(meeting: Meeting) -> int:
    """The weight of all the body's voting seats, present or not."""
    return sum(s.vote_weight for s in meeting.body.seats.all() if s.counts_for_quorum)


@transaction.atomic
def cast_ballot(
    actor: Any, vote: Vote, choice: str, seat: Seat | None = None
) -> Ballot:
    """A named vote, for the seat the person sits in or a proxy they carry. The
    server refuses anyone whose seat has no vote."""
    meeting = vote.motion.meeting
    require(actor, "governance.view_meeting", meeting)
    if vote.closed_at is not None or vote.method != Vote.Method.ROLL_CALL:
        raise ValidationError(_("This vote does not take named ballots now."))
    require(
        actor,
        "governance.vote",
        meeting,
        _("An observer has the right to speak but not to vote."),
    )
    allowed = ballot_seats(actor, meeting)
    if not allowed:
        raise ValidationError(_("Check in first: only members present vote."))
    seat = seat or allowed[0]
    require(
        actor,
        "governance.cast_ballot",
        Ballot(vote=vote, seat=seat),
        _("You carry no proxy for this seat."),
    )
    if choice not in Ballot.Choice.values:
        raise ValidationError(_("Choose yes, no or abstain."))
    mine = seat_of(actor, meeting)
    ballot, _created = Ballot.objects.update_or_create(
        vote=vote,
        seat=seat,
        defaults={
            "choice": choice,
            "weight": vote.weight_of(seat.vote_weight),
            "cast_for_by": mine if mine is not None and mine.pk != seat.pk else None,
        },
    )
    # A roll-call vote is named: who voted how is on the record (secret ballots are
    # elections, whose board keeps no name).
    _audit(
        "governance.ballot_cast", actor, meeting, vote,
        union=seat.representing_id, seat=seat.pk, choice=choice,
    )  # fmt: skip
    return ballot


@transaction.atomic
def record_hands(actor: Any, vote: Vote, *, yes: int, no: int, abstain: int) -> Vote:
    meeting = vote.motion.meeting
    require(actor, "governance.run_meeting", meeting)
    if vote.closed_at is not None or vote.method != Vote.Method.SHOW_OF_HANDS:
        raise ValidationError(_("This vote does not take a count of hands now."))
    weight = sum(w for _seat, w in _electorate(meeting, vote))
    if min(yes, no, abstain) < 0 or yes + no + abstain > weight:
        raise ValidationError(
            _(
                "More votes than the members present and their proxies carry (%(weight)s)."
            )
            % {"weight": number_format(weight, force_grouping=True)}
        )
    vote.yes, vote.no, vote.abstain = yes, no, abstain
    vote.save(update_fields=["yes", "no", "abstain"])
    _audit("governance.hands_counted", actor, meeting, vote.motion,
           yes=yes, no=no, abstain=abstain)  # fmt: skip
    return vote


def _apply_amendment(amendment: Motion) -> None:
    motion = amendment.amends
    assert motion is not None and amendment.line_from and amendment.line_to
    lines = motion.text.splitlines()
    first, last = amendment.line_from - 1, amendment.line_to
    amendment.replaced_text = "\n".join(lines[first:last])
    amendment.save(update_fields=["replaced_text"])
    new = amendment.text.splitlines()
    motion.text = "\n".join(lines[:first] + new + lines[last:])
    motion.save(update_fields=["text"])


@transaction.atomic
def close_vote(actor: Any, vote: Vote) -> Vote:
    meeting = vote.motion.meeting
    require(actor, "governance.run_meeting", meeting)
    if vote.closed_at is not None:
        raise ValidationError(_("This vote is already closed."))
    if vote.is_roll_call:
        totals = {choice: 0 for choice in Ballot.Choice.values}
        for ballot in vote.ballots.all():
            totals[ballot.choice] += ballot.weight
        vote.yes, vote.no, vote.abstain = totals["yes"], totals["no"], totals["abstain"]
    elif vote.is_secret:
        provider = secret.provider()
        counts = provider.counts(vote) if provider is not None else None
        if counts is None:
            raise ValidationError(_("The secret ballot has not been counted yet."))
        vote.yes, vote.no, vote.abstain = counts
    if not vote.is_secret:  # a secret ballot keeps the electorate it opened with
        vote.members_voting = len(_electorate(meeting, vote))
    vote.voting_weight = _voting_weight(meeting)
    vote.adopted, words = vote.decide()
    vote.closed_at = timezone.now()
    vote.save()
    motion = vote.motion
    _set_status(
        motion,
        Motion.Status.ADOPTED if vote.adopted else Motion.Status.REJECTED,
        actor,
        words,
    )
    if vote.adopted and motion.amends_id is not None:
        _apply_amendment(motion)
    forwarding = Forwarding.objects.filter(local_motion=motion).first()
    if forwarding is not None:
        forwarding.decision = (
            Forwarding.Decision.ADOPTED
            if vote.adopted
            else Forwarding.Decision.REJECTED
        )
        forwarding.decided_on = timezone.localdate()
        forwarding.note = words
        forwarding.save(update_fields=["decision", "decided_on", "note"])
    _audit("governance.vote_closed", actor, meeting, motion, adopted=vote.adopted,
           yes=vote.yes, no=vote.no, abstain=vote.abstain)  # fmt: skip
    return vote
