"""The rule of each kind of election, applied to the decrypted counts and explained
in words. The cryptography knows nothing of these rules (see docs/voting-protocol.md);
docs/users/elections.md says each rule and where it comes from, and
tests/test_rule_oracle.py checks these against rules written from the law's text."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.formats import number_format
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .models import Election

Kind = Election.Kind

# Kinds decided by the covered workers (Mexico's Federal Labour Law, art. 390 Bis
# and 390 Ter): a majority of them, or 30% of them for a representation certificate.
COVERED_MAJORITY = {Kind.CONTRACT_APPROVAL, Kind.CONTRACT_REVISION, Kind.LEGITIMATION}
NEEDS_COVERED = COVERED_MAJORITY | {Kind.REPRESENTATION}
# The law counts persons there: one worker, one vote, so a roll carries no weights.
ONE_WORKER_ONE_VOTE = NEEDS_COVERED
# The Federal Labour Law's kinds are for Mexican bargaining units; elsewhere an
# agreement is ratified by a majority of the votes cast.
MEXICAN_KINDS = NEEDS_COVERED
# A consultation under the labour law is checked by a credential authority the union
# running it does not control: the alliance partner, a notary, the registry's verifier.
NEEDS_INDEPENDENT_AUTHORITY = MEXICAN_KINDS
NOT_IN_MEXICO = {Kind.RATIFICATION}

# The seat a tie is for, when one seat is left (the first is never left alone:
# a tie for it with one seat to fill is "the seat").
_SEAT_IN_ORDER = [
    gettext_lazy("Tied for the second seat"),
    gettext_lazy("Tied for the third seat"),
    gettext_lazy("Tied for the fourth seat"),
    gettext_lazy("Tied for the fifth seat"),
    gettext_lazy("Tied for the sixth seat"),
    gettext_lazy("Tied for the seventh seat"),
    gettext_lazy("Tied for the eighth seat"),
    gettext_lazy("Tied for the ninth seat"),
    gettext_lazy("Tied for the tenth seat"),
]


def _n(value: int) -> str:
    return number_format(value, force_grouping=True)


@dataclass
class Outcome:
    # None for an election of officers, and when the figures contradict each other
    passed: bool | None
    explanation: str
    winners: list[str]


def kind_problem(kind: str, country: str) -> str | None:
    """Why a kind of vote does not apply to a bargaining unit of ``country``, or
    None when it does."""
    if kind in MEXICAN_KINDS and country != "MX":
        return _(
            "This kind of vote follows Mexico's Federal Labour Law: it is for "
            "bargaining units in Mexico. Elsewhere an agreement is ratified by a "
            "ratification vote."
        )
    if kind in NOT_IN_MEXICO and country == "MX":
        return _(
            "In Mexico a collective agreement is approved by a majority of the covered "
            "workers (Federal Labour Law, art. 390 Ter): choose the approval of a "
            "collective agreement."
        )
    return None


def kinds_for(countries: Iterable[str]) -> list[tuple[str, Any]]:
    """The kinds of vote a union of these countries may hold, for its form."""
    countries = set(countries)
    return [
        (value, label)
        for value, label in Kind.choices
        if any(kind_problem(value, country) is None for country in countries or {""})
    ]


def needed_for(election: Election) -> int | None:
    """The yes votes the covered workers' kinds need; None for the other kinds."""
    covered = election.covered_workers or 0
    if election.kind in COVERED_MAJORITY:
        return covered // 2 + 1
    if election.kind == Kind.REPRESENTATION:
        return -(-covered * 30 // 100)  # 30%, rounded up, in whole workers
    return None


def rule_in_words(election: Election) -> str:
    kind = election.kind
    vote = election.meeting_vote if election.meeting_vote_id else None
    if vote is not None:  # the body's rule, as the meeting states it
        return str(vote.Threshold(vote.threshold).label)
    if kind in {Kind.CONTRACT_APPROVAL, Kind.CONTRACT_REVISION}:
        return _(
            "A majority of the covered workers must vote yes (Federal Labour Law, "
            "art. 390 Ter); one worker, one vote."
        )
    if kind == Kind.LEGITIMATION:
        return _(
            "A majority of the covered workers must vote yes (Federal Labour Law); "
            "one worker, one vote."
        )
    if kind == Kind.REPRESENTATION:
        return _(
            "At least 30% of the covered workers must support the request (Federal "
            "Labour Law, art. 390 Bis); one worker, one vote."
        )
    if kind == Kind.OFFICERS:
        return ngettext(
            "The candidate with the most votes is elected; a tie elects nobody and "
            "needs a run-off.",
            "The %(count)s candidates with the most votes are elected; a tie for "
            "the last seat elects nobody to it and needs a run-off.",
            election.choose_max,
        ) % {"count": _n(election.choose_max)}
    if kind == Kind.BODY:
        return _("A majority of the weighted votes cast.")
    if kind == Kind.RATIFICATION:
        return _("A majority of the votes cast ratifies the agreement.")
    if kind == Kind.STRIKE and election.country == "MX":
        return _(
            "A majority of the votes cast. This is the union's consultation: the "
            "legal recount of a strike (Federal Labour Law, art. 931) is held by "
            "the labour tribunal."
        )
    return _("A majority of the votes cast.")


def decide(election: Election, counts: list[int], counted: int) -> Outcome:
    """``counts``: the weighted count of each answer, yes first for yes/no votes;
    ``counted``: the ballots counted."""
    vote = election.meeting_vote if election.meeting_vote_id else None
    if vote is not None:  # decided by the body's rule, as the meeting is
        abstain = counts[2] if len(counts) > 2 else 0
        adopted, text = vote.decide_counts(counts[0], counts[1], abstain)
        return Outcome(adopted, text, [])
    if election.kind == Kind.OFFICERS:
        return _officers(list(election.answers), counts, election.choose_max)
    yes, no = counts[0], counts[1] if len(counts) > 1 else 0
    if election.kind in NEEDS_COVERED:
        return _covered(election, yes, counted)
    needed = (yes + no) // 2 + 1
    passed = yes >= needed
    if election.kind == Kind.RATIFICATION:
        words = _("Ratified") if passed else _("Not ratified")
    else:
        words = _("Approved") if passed else _("Not approved")
    text = ngettext(
        "%(result)s: %(yes)s yes and %(no)s no among the votes cast; %(needed)s yes "
        "vote was needed.",
        "%(result)s: %(yes)s yes and %(no)s no among the votes cast; %(needed)s yes "
        "votes were needed.",
        needed,
    )
    values = {"result": words, "yes": _n(yes), "no": _n(no), "needed": _n(needed)}
    return Outcome(passed, text % values, [])


def _covered(election: Election, yes: int, counted: int) -> Outcome:
    """A majority (or 30%) of the covered workers, who vote one each: more yes
    votes or ballots than covered workers is a contradiction, never a result."""
    covered = election.covered_workers or 0
    needed = needed_for(election) or 0
    if covered == 0 or yes > covered or counted > covered:
        text = _(
            "No result: %(counted)s ballots were counted, %(yes)s of them yes, for "
            "%(covered)s covered workers. The covered workers cannot be fewer than "
            "the ballots: the figures must be checked."
        ) % {"counted": _n(counted), "yes": _n(yes), "covered": _n(covered)}
        return Outcome(None, text, [])
    passed = yes >= needed
    if election.kind == Kind.REPRESENTATION:
        words = _("Reached") if passed else _("Not reached")
        text = ngettext(
            "%(result)s: %(yes)s of the %(covered)s covered workers supported the "
            "request; %(needed)s (30%%) was needed.",
            "%(result)s: %(yes)s of the %(covered)s covered workers supported the "
            "request; %(needed)s (30%%) were needed.",
            needed,
        )
    else:
        words = _("Approved") if passed else _("Not approved")
        text = ngettext(
            "%(result)s: %(yes)s of the %(covered)s covered workers voted yes; "
            "%(needed)s was needed.",
            "%(result)s: %(yes)s of the %(covered)s covered workers voted yes; "
            "%(needed)s were needed.",
            needed,
        )
    values = {"result": words, "yes": _n(yes), "covered": _n(covered),
              "needed": _n(needed)}  # fmt: skip
    return Outcome(passed, text % values, [])


def _officers(names: list[str], counts: list[int], seats: int) -> Outcome:
    """A candidate is elected when she has votes and no more candidates than there
    are seats have as many votes as she or more. A tie across the last seat elects
    none of the tied: the seat waits for a run-off."""
    tally = sorted(zip(names, counts, strict=True), key=lambda pair: -pair[1])
    elected = [
        name
        for name, votes in tally
        if votes > 0 and sum(1 for _other, more in tally if more >= votes) <= seats
    ]
    if elected:
        text = _("Elected: %(names)s.") % {"names": get_text_list(elected, _("and"))}
    else:
        text = _("No one is elected.")
    open_seats = seats - len(elected)
    if not open_seats:
        return Outcome(None, text, elected)
    if not any(counts):
        return Outcome(None, text + " " + _("No votes were cast."), elected)
    rest = tally[len(elected) :]  # the elected lead the ranking
    top = rest[0][1] if rest else 0
    if top == 0:
        unfilled = ngettext(
            "%(count)s seat is left unfilled: no other candidate received a vote.",
            "%(count)s seats are left unfilled: no other candidate received a vote.",
            open_seats,
        ) % {"count": _n(open_seats)}
        return Outcome(None, text + " " + unfilled, elected)
    tied = [name for name, votes in rest if votes == top]
    if seats == 1:
        tied_for = _("Tied for the seat")
    elif open_seats == 1 and len(elected) <= len(_SEAT_IN_ORDER):
        tied_for = str(_SEAT_IN_ORDER[len(elected) - 1])
    else:
        tied_for = ngettext(
            "Tied for the last %(count)s seat",
            "Tied for the last %(count)s seats",
            open_seats,
        ) % {"count": _n(open_seats)}
    each = ngettext("%(votes)s vote each", "%(votes)s votes each", top) % {
        "votes": _n(top)
    }
    tie = _("%(tied_for)s: %(names)s, %(each)s; a run-off is needed.") % {
        "tied_for": tied_for, "names": get_text_list(tied, _("and")), "each": each,
    }  # fmt: skip
    return Outcome(None, text + " " + tie, elected)


def outcome_of(election: Election) -> Outcome | None:
    """The outcome of the decrypted result; None before there is one."""
    if not election.result:
        return None
    return decide(election, election.result["counts"][0], election.result["counted"])


def result_bars(election: Election) -> list[dict]:
    """Each answer's count with its share, for the table and the bar chart."""
    if not election.result:
        return []
    counts = election.result["counts"][0]
    total = sum(counts) or 1
    return [
        {
            "answer": a,
            "count": c,
            "percent": round(100 * c / total, 1),
            "width": round(280 * c / total),
            "y": 34 * n,
        }
        for n, (a, c) in enumerate(zip(election.answers, counts, strict=False))
    ]
