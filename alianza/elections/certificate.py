"""The record of the results of the vote (in Spanish, the "acta de resultados de la
consulta"), in Spanish and English side by side, each column wholly in its own
language: the figures, the rule that decided, when the vote really closed, the
board's hash and the trustees."""

from django.utils import formats, translation
from django.utils.translation import gettext as _

from alianza.lib.pdf import PdfDocument
from alianza.lib.when import in_zone

from . import selectors
from .models import Election
from .outcome import decide, rule_in_words


def answers_in(election: Election, language: str) -> list[str]:
    """The answers as a column in ``language`` reads them: a yes-or-no vote's
    answers in that language, candidates' names as written."""
    with translation.override(election.language):
        yes_no = [_("Yes"), _("No")]
    if list(election.answers) != yes_no:
        return list(election.answers)
    with translation.override(language):
        return [_("Yes"), _("No")]


def _column(election: Election, language: str, head: str) -> list[str]:
    result = election.result or {}
    counts = result.get("counts", [[0, 0]])[0]
    with translation.override(language):
        outcome = decide(election, counts, result.get("counted", 0))
        when = in_zone(election.actual_close or election.closes_at, election.zone)
        rows = [
            # Translators: the title of the record of a vote's results. In Spanish
            # "Acta de resultados de la consulta", never "constancia" (the labour
            # registry's word for the certificates it issues).
            _("Record of the results of the vote"),
            f"{election.held_by.name}"
            + (f" — {election.unit}" if election.unit else ""),
            f"{election.get_kind_display()}: {election.title}",
            _("Question: %(question)s") % {"question": election.question},
            _("Closed: %(when)s") % {"when": when},
            _("Rule: %(rule)s") % {"rule": rule_in_words(election)},
        ]
        if election.covered_workers:
            rows.append(
                _("Covered workers: %(count)s")
                % {
                    "count": formats.number_format(
                        election.covered_workers, force_grouping=True
                    )
                }
            )
        rows.append(
            _("Voters on the roll: %(roll)s; ballots counted: %(counted)s")
            % {
                "roll": selectors.voting_lines(election).count(),
                "counted": result.get("counted", 0),
            }
        )
        excluded = election.voters.count() - selectors.voting_lines(election).count()
        if excluded:
            # Confidence employees and those hired after the notice (LFT art. 931)
            # stay on the roll, marked; the record says how many did not vote.
            rows.append(
                _("Lines of the roll excluded by law (LFT art. 931): %(count)s")
                % {"count": excluded}
            )
        rows += [
            f"{answer}: {count}"
            for answer, count in zip(
                answers_in(election, language), counts, strict=False
            )
        ]
        rows.append(outcome.explanation)
        trustees = ", ".join(
            f"{r.trustee_index}. {r.person}" for r in selectors.trustees(election)
        )
        rows.append(_("Trustees: %(names)s") % {"names": trustees})
        rows.append(
            _(
                "Board: %(head)s. Anyone can check the whole election with the independent verifier."
            )
            % {"head": head}
        )
    return rows


def certificate_pdf(election: Election) -> bytes:
    head = election.board.order_by("-seq").values_list("hash", flat=True).first() or ""
    doc = PdfDocument(
        f"{election.title}",
        subtitle=str(election.held_by.name),
        letterhead=[str(election.held_by.name), "Alianza"],
        footer=f"{election.uid} — {head[:16]}…",
    )
    doc.side_by_side(_column(election, "es", head), _column(election, "en", head))
    return doc.render()
