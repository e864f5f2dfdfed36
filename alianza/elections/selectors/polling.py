"""A meeting's secret ballot and the polling-table console."""

from typing import Any, NamedTuple

from django.db.models import QuerySet, TextChoices
from django.utils.translation import gettext_lazy as _l

from ..models import (
    CeremonyMessage,
    CheckIn,
    Election,
    Incident,
    ProvisionalVoter,
    Role,
    Voter,
)
from .election import trustees
from .roll import voting_lines

# --- A meeting's secret ballot ----------------------------------------------------------


def meeting_ballot_counts(vote: Any) -> tuple[int, int, int] | None:
    """The weighted yes, no and abstain of a meeting's secret ballot once tallied."""
    election = Election.objects.filter(meeting_vote=vote).first()
    if election is None or not election.result:
        return None
    counts = election.result["counts"][0]
    # "Abstain" is the third answer where the body's rule counts abstentions.
    return counts[0], counts[1], counts[2] if len(counts) > 2 else 0


def seat_email(seat: Any) -> str:
    """Where a seat's holder is written to: her account's address, or her contact."""
    holder = seat.holder
    if holder is None:
        return ""
    if holder.user_id and holder.user:
        return holder.user.email
    channel = holder.contacts.filter(kind="email").first()
    return channel.value if channel else ""


# --- The polling-table console ------------------------------------------------------


class WorkerStatus(TextChoices):
    """Where a worker stands at the polling table (never how she voted)."""

    VOTED = "voted", _l("Voted")
    CODE_REPLACED = "code_replaced", _l("Code lost or stolen: replaced")
    PROVISIONAL = "provisional", _l("Voting provisionally (not on the roll)")
    NOT_YET = "not_yet", _l("Not yet voted")
    EXCLUDED = "excluded", _l("Excluded by law: does not vote")


class Found(NamedTuple):
    """A worker found at the polling table: her roll line, or her provisional
    ballot's record when she is not on the roll, and her statuses."""

    voter: Voter | None
    provisional: ProvisionalVoter | None
    statuses: list[WorkerStatus]


def find_worker(election: Election, query: str) -> Found | None:
    """The worker whose worker number or CURP is ``query`` (her ID card's), on the
    roll or voting provisionally; None when neither."""
    query = query.strip()
    if not query:
        return None
    voter = (
        election.voters.filter(worker_number=query).first()
        or election.voters.filter(curp=query.upper()).first()
    )
    if voter is not None:
        statuses = []
        if voter.excluded:
            statuses.append(WorkerStatus.EXCLUDED)
        if voter.replacements.exists():
            statuses.append(WorkerStatus.CODE_REPLACED)
        statuses.append(WorkerStatus.VOTED if voter.voted_at else WorkerStatus.NOT_YET)
        return Found(voter, None, statuses)
    provisional = election.provisional_voters.filter(curp=query.upper()).first()
    if provisional is not None:
        statuses = [WorkerStatus.PROVISIONAL]
        statuses.append(
            WorkerStatus.VOTED if provisional.voted_at else WorkerStatus.NOT_YET
        )
        return Found(None, provisional, statuses)
    return None


def check_ins(election: Election) -> QuerySet[CheckIn]:
    return election.check_ins.select_related("election", "voter", "by").order_by(
        "at", "pk"
    )


def check_in_of(voter: Voter) -> CheckIn | None:
    return CheckIn.objects.filter(voter=voter).first()


def incidents(election: Election) -> QuerySet[Incident]:
    return election.incidents.select_related("election", "by").order_by("at", "pk")


def officials(election: Election, kind: str) -> QuerySet[Role]:
    """The election's administrators or observers (``kind``), by name."""
    return (
        election.roles.select_related("person")
        .filter(kind=kind)
        .order_by("person__name")
    )


def decrypting_trustees(election: Election) -> list[Role]:
    """The trustees whose decryption shares went on the board."""
    indices = set(
        election.ceremony.filter(step=CeremonyMessage.Step.DECRYPT).values_list(
            "trustee", flat=True
        )
    )
    return [role for role in trustees(election) if role.trustee_index in indices]


def acta_figures(election: Election) -> dict[str, int]:
    """The figures of the consultation's acta. Every ballot on the board carries
    its proofs (one without is refused at the door), so the ballots that do not
    count are those of rejected provisional voters; a yes-or-no ballot always
    chooses one answer, so a blank one is a ballot that chose none."""
    result = election.result or {}
    counts = result.get("counts", [[]])[0]
    valid = int(result.get("counted", 0))
    roll = voting_lines(election)
    voted_on_roll = roll.filter(voted_at__isnull=False).count()
    provisional = election.provisional_voters
    cast = voted_on_roll + provisional.filter(voted_at__isnull=False).count()
    # Counts are weighted: a blank ballot is weight counted with no answer chosen.
    weight = int(result.get("total_weight", valid))
    chose = sum(counts) if election.choose_max == 1 else weight
    return {
        "roll": roll.count(),
        "excluded": election.voters.exclude(excluded="").count(),
        "cast": cast,
        "valid": valid,
        "blank": max(weight - chose, 0),
        "null": max(cast - valid, 0),
        "provisional_accepted": provisional.filter(accepted=True).count(),
        "provisional_rejected": provisional.filter(accepted=False).count(),
        "abstentions": roll.count() - voted_on_roll,
        "checked_in": election.check_ins.count(),
        "assisted": election.check_ins.exclude(assistant_name="").count(),
    }
