"""The vote: opened, ballots cast from the booth and checked before they reach
the board, closed and added up (the last ballot of each credential, weighted)."""

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alianza.lib.permissions import require
from votecore import api as vc
from votecore.encoding import canonical

from ..models import BoardEvent, Election, ProvisionalVoter, Voter
from ..selectors import SHORT_TRACKER, board_payloads, last_tracker
from ._shared import (
    agreed,
    audit,
    check_notice,
    check_start,
    locked,
    require_status,
    take_step,
)
from .board import append_event, sequence


@transaction.atomic
def open_election(actor: Any, election: Election) -> Election:
    """Open the vote; a joint body's ballot opens when every coordinating union
    has agreed."""
    require(actor, "elections.change_election", election)
    election = locked(election)
    require_status(election, Election.Status.CREDENTIALS)
    _check_may_open(election)  # before a union agrees to a step that cannot be taken
    if not agreed(actor, election, "open"):
        return election
    return start_voting(election, actor)


@transaction.atomic
def start_voting(election: Election, actor: Any = None) -> Election:
    election = locked(election)
    require_status(election, Election.Status.CREDENTIALS)
    _check_may_open(election)
    take_step(election, Election.Status.OPEN, actor)
    audit("elections.opened", actor, election)
    return election


def _check_may_open(election: Election) -> None:
    """Not before the announced start, nor before the notice the law asks has run."""
    now = timezone.now()
    check_start(election, now)
    check_notice(election, now)


logger = logging.getLogger(__name__)


class BallotRefused(ValidationError):
    pass


def cast(election: Election, body: Any) -> str:
    """Check a ballot sent by the booth and put it on the board; return its tracker.

    Ballots are checked and stored side by side (each holds only a shared lock on
    the election, so that closing waits for them and none comes after, and its
    voter's row, so that her ballots keep their order); they are
    chained onto the board in batches by ``sequence``, whenever the board is read
    and at the close."""
    if not election.is_open or timezone.now() >= election.closes_at:
        raise BallotRefused(_("This election is not open for voting."))
    credential = body.get("credential") if isinstance(body, dict) else None
    voter: Voter | ProvisionalVoter | None = election.voters.filter(
        credential=credential or "-"
    ).first()
    if voter is None:
        voter = _provisional_holder(election, credential or "-")
    rows = type(voter).objects
    try:
        with transaction.atomic():
            # The voter's row lock orders her ballots: each must name the one
            # before it (votecore's re-vote chain), so two may not race.
            voter = rows.select_for_update().get(pk=voter.pk)
            if _status_for_ballot(election) != Election.Status.OPEN:
                raise BallotRefused(_("This election is not open for voting."))
            if voter.credential != credential:  # replaced in the meantime
                raise BallotRefused(
                    _("This code was replaced: vote with your new one.")
                )
            if isinstance(voter, ProvisionalVoter) and not voter.casts_ballots:
                raise BallotRefused(_("This provisional ballot was rejected."))
            if voter.voted_at is not None and not election.revote:
                raise BallotRefused(_("This credential has already voted."))
            tracker = _checked(election, voter, body)
            rows.filter(pk=voter.pk).update(voted_at=timezone.now())
            # Received: it goes on the board with the others received meanwhile.
            BoardEvent.objects.create(
                election=election,
                type="ballot",
                line=canonical(body).decode(),
                tracker=tracker,
            )
            if isinstance(voter, Voter) and (voter.email or voter.phone):
                receipt_to = voter
                transaction.on_commit(
                    lambda: _send_receipt(election, receipt_to, tracker)
                )
    except IntegrityError as exc:  # the same ballot again: a replay
        raise BallotRefused(_("This ballot is already on the board.")) from exc
    return tracker


def _provisional_holder(election: Election, credential: str) -> ProvisionalVoter:
    """The provisional voter holding ``credential``, or the refusal that says why
    the code casts no ballot."""
    held = election.provisional_voters.filter(credential=credential).first()
    if held is not None and held.casts_ballots:
        return held
    if held is not None:
        raise BallotRefused(_("This provisional ballot was rejected."))
    if election.replacements.filter(old=credential).exists():
        raise BallotRefused(
            _(
                "This code was replaced by the credential authority: vote with your new one."
            )
        )
    raise BallotRefused(_("This credential is not on the roll of this election."))


def _checked(election: Election, voter: Voter | ProvisionalVoter, body: Any) -> str:
    """The ballot's tracker, once votecore accepts it as this voter's next ballot."""
    # Only a voter who voted before has a ballot to replace (most have none).
    last = last_tracker(election, voter.credential) if voter.voted_at else None
    try:
        return vc.check_ballot(
            election.crypto(),
            body,
            {voter.credential: voter.weight},
            last_trackers={voter.credential: last} if last else {},
        )
    except vc.BallotReplayed as exc:
        raise BallotRefused(_("This ballot is already on the board.")) from exc
    except vc.BallotOutOfOrder as exc:
        raise BallotRefused(
            _(
                "Another ballot was cast with your code meanwhile: prepare your "
                "ballot again, so that it replaces your last ballot."
            )
        ) from exc
    except vc.BallotError as exc:
        # The voter reads why in her words; votecore's technical reason (in English)
        # goes to the operator's log, with the election it concerns.
        logger.warning("ballot refused in election %s: %s", election.uid, exc)
        raise BallotRefused(
            _(
                "Your ballot did not pass the election's checks and was not "
                "recorded. Prepare it again; if this happens again, tell the "
                "election's administrators."
            )
        ) from exc


def _status_for_ballot(election: Election) -> str:
    """The election's status under a shared lock (PostgreSQL): many ballots at once,
    but not while the vote is being closed."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT status FROM elections_election WHERE id = %s FOR SHARE",
                [election.pk],
            )
            return cursor.fetchone()[0]
    return Election.objects.values_list("status", flat=True).get(pk=election.pk)


def tracker_in_groups(tracker: str) -> str:
    """The tracker's first characters in groups of four, as a voter writes them
    down and the board finds them."""
    short = tracker[:SHORT_TRACKER]
    return " ".join(short[i : i + 4] for i in range(0, len(short), 4))


def _send_receipt(election: Election, voter: Voter, tracker: str) -> None:
    """The receipt, by e-mail and by text message when the roll has them, in the
    voter's language: the tracker and the board's link, proof that her ballot is
    on the board. Never her choice (the server cannot read it anyway)."""
    from alianza.accounts.tasks import send_email, send_sms

    short = tracker_in_groups(tracker)
    board = reverse("elections:board", args=[election.uid])
    query = urlencode({"tracker": tracker[:SHORT_TRACKER]})
    link = f"{settings.SITE_URL.rstrip('/')}{board}?{query}"
    with translation.override(voter.language):
        if voter.email:
            subject = _("Your ballot is on the board: %(title)s") % {
                "title": election.title
            }
            body = _(
                "Your ballot was received. Its tracker begins %(tracker)s; find it on "
                "the public board of the election: %(url)s\n\nYour choice is secret: "
                "neither this message nor the board shows it. If you did not vote, "
                "tell your union."
            ) % {"tracker": short, "url": link}
            send_email.enqueue(voter.email, str(subject), str(body))
        if voter.phone:
            text = _(
                "%(title)s: your ballot is on the board. Tracker %(tracker)s. Check it: "
                "%(url)s. If you did not vote, tell your union."
            ) % {"title": election.title, "tracker": short, "url": link}
            send_sms.enqueue(voter.phone, str(text))


def close_election(actor: Any, election: Election) -> Election:
    """Close the vote and add up the last ballot of each credential, weighted; a
    joint body's ballot closes when every coordinating union has agreed."""
    require(actor, "elections.change_election", election)
    with transaction.atomic():
        election = locked(election)
        require_status(election, Election.Status.OPEN)
        if not agreed(actor, election, "close"):
            return election
        return stop_voting(election, actor)


@transaction.atomic
def stop_voting(election: Election, actor: Any = None) -> Election:
    election = locked(election)
    sequence(election)
    require_status(election, Election.Status.OPEN)
    undecided = election.provisional_voters.filter(
        voted_at__isnull=False, accepted__isnull=True
    ).count()
    if undecided:
        raise ValidationError(
            ngettext(
                "%(count)s provisional ballot is not decided yet: the administrator "
                "and an observer decide it before the vote closes.",
                "%(count)s provisional ballots are not decided yet: the administrator "
                "and an observer decide them before the vote closes.",
                undecided,
            )
            % {"count": undecided}
        )
    ballots = board_payloads(election, "ballot")
    append_event(election, "close", {"ballots": len(ballots)})
    # The credentials that count: the roll's lines as they are now (a replaced
    # code's old credential is on none) and the accepted provisional ones.
    weights = dict(
        election.voters.exclude(credential="").values_list("credential", "weight")
    )
    weights |= {
        public: ProvisionalVoter.weight
        for public in election.provisional_voters.filter(accepted=True).values_list(
            "credential", flat=True
        )
    }
    tally = vc.tally_ballots(election.crypto(), ballots, weights)
    append_event(election, "tally", tally)
    take_step(election, Election.Status.CLOSED, actor)
    audit("elections.closed", actor, election, ballots=len(ballots))
    return election
