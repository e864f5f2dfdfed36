"""The rule of each kind of election, applied to the decrypted counts and explained
in words. The cryptography knows nothing of these rules (see docs/voting-protocol.md)."""

import math
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Election

# Kinds decided by the covered workers (Mexico's Federal Labour Law, art. 390 Bis
# and 390 Ter): a majority of them, or 30% of them for a representation certificate.
COVERED_MAJORITY = {
    Election.Kind.CONTRACT_APPROVAL,
    Election.Kind.CONTRACT_REVISION,
    Election.Kind.LEGITIMATION,
}
NEEDS_COVERED = COVERED_MAJORITY | {Election.Kind.REPRESENTATION}


def _n(value: int) -> str:
    return number_format(value, force_grouping=True)


@dataclass
class Outcome:
    passed: bool | None  # None for an election of officers
    explanation: str
    winners: list[str]


def needed_for(election: Election) -> int | None:
    covered = election.covered_workers or 0
    if election.kind in COVERED_MAJORITY:
        return covered // 2 + 1
    if election.kind == Election.Kind.REPRESENTATION:
        return math.ceil(covered * 30 / 100)
    return None


def rule_in_words(election: Election) -> str:
    kind = election.kind
    if kind in COVERED_MAJORITY:
        return _("A majority of the covered workers must vote yes.")
    if kind == Election.Kind.REPRESENTATION:
        return _("At least 30% of the covered workers must support the request.")
    if kind == Election.Kind.OFFICERS:
        return ngettext(
            "The candidate with the most votes is elected.",
            "The %(count)s candidates with the most votes are elected.",
            election.choose_max,
        ) % {"count": election.choose_max}
    if kind == Election.Kind.BODY:
        return _("A majority of the weighted votes cast.")
    return _("A majority of the votes cast.")


def decide(election: Election, counts: list[int], counted: int) -> Outcome:
    """``counts``: the weighted count of each answer, yes first for yes/no votes."""
    answers = list(election.answers)
    if election.kind == Election.Kind.OFFICERS:
        ranked = sorted(zip(answers, counts, strict=True), key=lambda p: -p[1])
        winners = [name for name, _count in ranked[: election.choose_max]]
        tie = (
            len(ranked) > election.choose_max
            and ranked[election.choose_max - 1][1] == ranked[election.choose_max][1]
        )
        text = _("Elected: %(names)s.") % {"names": ", ".join(winners)}
        if tie:
            text += " " + _("There is a tie for the last seat; the bylaws decide it.")
        return Outcome(None, text, winners)
    yes, no = counts[0], counts[1] if len(counts) > 1 else 0
    needed = needed_for(election)
    if needed is not None:
        covered = election.covered_workers or 0
        passed = covered > 0 and yes >= needed
        if election.kind == Election.Kind.REPRESENTATION:
            words = _("Reached") if passed else _("Not reached")
            text = _(
                "%(result)s: %(yes)s of the %(covered)s covered workers supported the "
                "request; %(needed)s (30%%) were needed."
            )
        else:
            words = _("Approved") if passed else _("Not approved")
            text = _(
                "%(result)s: %(yes)s of the %(covered)s covered workers voted yes; "
                "%(needed)s were needed."
            )
        explanation = text % {
            "result": words, "yes": _n(yes), "covered": _n(covered), "needed": _n(needed),
        }  # fmt: skip
        return Outcome(passed, explanation, [])
    needed = (yes + no) // 2 + 1
    passed = yes >= needed
    explanation = _(
        "%(result)s: %(yes)s yes and %(no)s no among the votes cast; %(needed)s were needed."
    ) % {
        "result": _("Approved") if passed else _("Not approved"),
        "yes": _n(yes), "no": _n(no), "needed": _n(needed),
    }  # fmt: skip
    return Outcome(passed, explanation, [])


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
