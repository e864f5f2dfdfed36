"""The result certificate, in Spanish and English side by side: the figures, the
rule that decided, the board's hash and the trustees."""

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from alianza.lib.pdf import PdfDocument

from . import selectors
from .models import Election
from .outcome import decide, rule_in_words


def _column(election: Election, language: str, head: str) -> list[str]:
    result = election.result or {}
    counts = result.get("counts", [[0, 0]])[0]
    with translation.override(language):
        outcome = decide(election, counts, result.get("counted", 0))
        when = formats.date_format(
            timezone.localtime(election.closes_at), "DATETIME_FORMAT"
        )
        rows = [
            _("Certificate of the result"),
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
            % {"roll": election.voters.count(), "counted": result.get("counted", 0)}
        )
        rows += [
            f"{answer}: {count}"
            for answer, count in zip(election.answers, counts, strict=False)
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
