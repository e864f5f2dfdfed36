"""The rules that decide a vote, written from the law's and the bodies' own words,
apart from Alianza's code: the tests check the app against these.

Each rule is stated the way its source states it, in whole numbers, with no
shortcut shared with the app (which counts a "needed" figure; these compare
sides). Nothing here imports Django or Alianza.

Sources:
- Federal Labour Law (Ley Federal del Trabajo, Mexico), art. 390 Ter: an initial
  collective agreement, and its revision, are approved by "la mayoría de los
  trabajadores cubiertos" through a "voto personal, libre y secreto": more than half
  of the covered workers, each one person with one vote.
- LFT art. 390 Bis: a representation certificate needs the support of "cuando menos
  el treinta por ciento de los trabajadores cubiertos": at least 30% of them.
- LFT art. 931: the recount of a strike is held by the labour tribunal; a union's
  own consultation is decided by the votes cast. Confidence employees and those
  hired after the strike notice do not vote in the recount.
- A ratification vote of a union in the United States or Canada (USW constitution):
  a majority of the votes cast.
- A body's rules, for a meeting's vote: a majority of the votes cast; of the voting
  members present (a member counts once, and a member voting by proxy is present
  through her proxy); of all the voting seats (their weight); two thirds of the
  votes cast. Abstentions are not votes cast.
- An election of officers to k seats: the k candidates with the most votes; a tie
  that straddles the last seat is not broken by the count (a run-off is held);
  nobody is elected without a vote.
"""

from dataclasses import dataclass

APPROVED, NOT_APPROVED, NO_RESULT = "approved", "not approved", "no result"

LFT_390_TER = "LFT art. 390 Ter"
LFT_390_BIS = "LFT art. 390 Bis"
LFT_931 = "LFT art. 931 (the tribunal's recount); the union's consultation: votes cast"
LFT_931_IV = "LFT art. 931, IV"
PERSONAL_VOTE = "LFT art. 390 Bis, 390 Ter: personal vote of the covered workers"
USW_RATIFICATION = "USW: majority of the votes cast"
VOTES_CAST = "majority of the votes cast"
OFFICERS = "plurality for k seats; a tie on the last seat goes to a run-off"
BODY = {
    "cast": "body's rules: majority of the votes cast",
    "present": "body's rules: majority of the voting members present",
    "all_seats": "body's rules: majority of all voting seats",
    "two_thirds": "body's rules: two thirds of the votes cast",
}

MEXICAN_KINDS = {
    "contract_approval",
    "contract_revision",
    "legitimation",
    "representation",
}


def kind_applies(kind: str, country: str) -> bool:
    """The LFT's kinds are for Mexican bargaining units; a ratification vote is how
    an agreement is approved outside Mexico; strike votes, officers and a body's
    vote exist everywhere."""
    if kind in MEXICAN_KINDS:
        return country == "MX"
    if kind == "ratification":
        return country != "MX"
    return True


def roll_accepted(kind: str, weights: list[int], covered: int | None) -> bool:
    """A person votes once where the law counts persons, and the covered workers
    include everyone on the roll."""
    if kind not in MEXICAN_KINDS:
        return True
    if any(w != 1 for w in weights):
        return False
    return covered is not None and len(weights) <= covered


def line_may_be_excluded(kind: str, country: str) -> bool:
    """LFT art. 931, IV: the votes of confidence employees and of those hired after
    the strike notice are not counted; only a Mexican strike has such lines."""
    return kind == "strike" and country == "MX"


def covered_majority(covered: int, yes: int, ballots: int) -> str:
    """LFT art. 390 Ter: more than half of the covered workers vote yes. More
    ballots than workers covered cannot be a count of those workers."""
    if covered <= 0 or ballots > covered or yes > ballots:
        return NO_RESULT
    return APPROVED if 2 * yes > covered else NOT_APPROVED


def thirty_percent(covered: int, supporters: int, ballots: int) -> str:
    """LFT art. 390 Bis: at least thirty in a hundred of the covered workers."""
    if covered <= 0 or ballots > covered or supporters > ballots:
        return NO_RESULT
    return APPROVED if 100 * supporters >= 30 * covered else NOT_APPROVED


def votes_cast(yes: int, no: int) -> str:
    """More yes than no among the votes cast."""
    return APPROVED if yes > no else NOT_APPROVED


@dataclass(frozen=True)
class Seats:
    elected: frozenset[str]
    tied: frozenset[str]  # for the seats left, to a run-off
    unfilled: int


def officers(votes: dict[str, int], seats: int) -> Seats:
    """Fill the seats from the top, one group of equal votes at a time: a group
    that fits takes its seats; a group that does not fit is tied for what is left;
    candidates without a vote take no seat."""
    elected: set[str] = set()
    for level in sorted(set(votes.values()), reverse=True):
        group = {name for name, n in votes.items() if n == level}
        left = seats - len(elected)
        if level == 0 or left == 0:
            break
        if len(group) > left:
            return Seats(frozenset(elected), frozenset(group), left)
        elected |= group
    return Seats(frozenset(elected), frozenset(), seats - len(elected))


@dataclass(frozen=True)
class MeetingBallot:
    choice: str  # "yes", "no", "abstain"
    seat_weight: int
    by_proxy: bool


def meeting_vote(
    rule: str,
    ballots: list[MeetingBallot],
    members_voting: int,
    all_seats_weight: int,
) -> bool:
    """Whether a body's motion is adopted. ``members_voting``: voting members
    present in person or through a proxy they gave."""
    if rule == "present":  # heads: one member, one vote, whoever carries it
        yes_heads = sum(1 for b in ballots if b.choice == "yes")
        return 2 * yes_heads > members_voting
    yes = sum(b.seat_weight for b in ballots if b.choice == "yes")
    no = sum(b.seat_weight for b in ballots if b.choice == "no")
    if rule == "cast":
        return yes > no
    if rule == "all_seats":
        return 2 * yes > all_seats_weight
    if rule == "two_thirds":
        return yes > 0 and 3 * yes >= 2 * (yes + no)
    raise ValueError(rule)
