"""The acta of the consultation (in English, the "record of the results of the
vote"), in two languages side by side (``acta_languages``: Spanish first for a
vote in Mexico), each column wholly in its own language, on a Letter page as the labour registry expects: who held the vote,
the employer, workplace and registry number, the place, the announced and the
actual opening and closing, the roll and every figure of the count, the
provisional ballots, the incidents, the trustees who decrypted, the observers,
the board's hash, and the lines where the election's officials sign."""

from django.utils import formats, translation
from django.utils.translation import gettext as _

from alianza.lib.pdf import PdfDocument
from alianza.lib.when import in_zone

from . import selectors
from .models import Election, Role
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


def _number(value: int) -> str:
    return formats.number_format(value, force_grouping=True)


def _when(moment, election: Election) -> str:
    return in_zone(moment, election.zone) if moment else _("not yet")


def _where(election: Election) -> list[str]:
    """The employer, the workplace, the registry number and the place."""
    worksite = election.worksite
    rows = []
    if worksite is not None:
        rows.append(_("Employer: %(name)s") % {"name": worksite.employer.name})
        town = ", ".join(p for p in (worksite.municipality, worksite.region) if p)
        rows.append(
            _("Workplace: %(name)s")
            % {"name": worksite.display_name + (f", {town}" if town else "")}
        )
    rows.append(
        _("Registry number: %(number)s")
        % {"number": election.registry_number or _("not known")}
    )
    if election.place:
        rows.append(_("Place: %(place)s") % {"place": election.place})
    return rows


def _times(election: Election) -> list[str]:
    return [
        _("Announced opening: %(when)s") % {"when": election.opens_in_words},
        _("Actual opening: %(when)s") % {"when": _when(election.actual_open, election)},
        _("Announced closing: %(when)s") % {"when": election.closes_in_words},
        _("Actual closing: %(when)s")
        % {"when": _when(election.actual_close, election)},
    ]


def _figures(election: Election) -> list[str]:
    f = {k: _number(v) for k, v in selectors.acta_figures(election).items()}
    rows = [_("Workers on the roll: %(count)s") % {"count": f["roll"]}]
    if f["excluded"] != "0":
        # Confidence employees and those hired after the notice (LFT art. 931)
        # stay on the roll, marked; the acta says how many did not vote.
        rows.append(
            _("Lines of the roll excluded by law (LFT art. 931): %(count)s")
            % {"count": f["excluded"]}
        )
    rows += [
        _("Ballots cast: %(count)s") % {"count": f["cast"]},
        _("Valid ballots: %(count)s") % {"count": f["valid"]},
        _("Blank ballots: %(count)s") % {"count": f["blank"]},
        _("Null ballots: %(count)s") % {"count": f["null"]},
        _("Provisional ballots accepted: %(count)s")
        % {"count": f["provisional_accepted"]},
        _("Provisional ballots rejected: %(count)s")
        % {"count": f["provisional_rejected"]},
        _("Abstentions: %(count)s") % {"count": f["abstentions"]},
        _(
            "Workers checked in at the polling table: %(count)s; of them assisted: %(assisted)s"
        )
        % {"count": f["checked_in"], "assisted": f["assisted"]},
    ]
    return rows


def _authority(election: Election) -> list[str]:
    """Who made the voting codes, whether she stands outside the unions holding
    the vote, and whether the server saw the codes (it did if it sent them)."""
    independent = selectors.authority_is_independent(election)
    if independent is None:
        rows = [_("Credential authority: none was named.")]
    elif independent:
        rows = [_("Credential authority: outside the unions holding the vote.")]
    else:
        rows = [_("Credential authority: a member of a union holding the vote.")]
    if election.server_saw_codes:
        rows.append(
            _(
                "The voting codes were sent by Alianza's server, which therefore "
                "saw them."
            )
        )
    else:
        rows.append(
            _(
                "The voting codes were delivered by the credential authority; "
                "Alianza's server never saw them."
            )
        )
    return rows


def _incidents(election: Election) -> list[str]:
    found = list(selectors.incidents(election))
    if not found:
        return [_("Incidents: none recorded.")]
    return [_("Incidents:")] + [
        _("%(when)s, written by %(who)s: %(text)s")
        % {"when": i.at_in_words, "who": i.by or "—", "text": i.text}
        for i in found
    ]


def _column(election: Election, language: str, head: str) -> list[str]:
    result = election.result or {}
    counts = result.get("counts", [[0, 0]])[0]
    with translation.override(language):
        outcome = decide(election, counts, result.get("counted", 0))
        rows = [
            # Translators: the title of the record of a vote's results. In Spanish
            # "Acta de resultados de la consulta", never "constancia" (the labour
            # registry's word for the certificates it issues).
            _("Record of the results of the vote"),
            f"{election.held_by.name}"
            + (f" — {election.unit}" if election.unit else ""),
            f"{election.get_kind_display()}: {election.title}",
            *_where(election),
            _("Question: %(question)s") % {"question": election.question},
            *_times(election),
            _("Rule: %(rule)s") % {"rule": rule_in_words(election)},
        ]
        if election.covered_workers:
            rows.append(
                _("Covered workers: %(count)s")
                % {"count": _number(election.covered_workers)}
            )
        rows += _figures(election)
        rows += [
            f"{answer}: {_number(count)}"
            for answer, count in zip(
                answers_in(election, language), counts, strict=False
            )
        ]
        rows.append(outcome.explanation)
        rows += _incidents(election)
        decrypted = ", ".join(
            f"{r.trustee_index}. {r.person}"
            for r in selectors.decrypting_trustees(election)
        )
        rows.append(
            _("Trustees who decrypted: %(names)s") % {"names": decrypted or "—"}
        )
        observers = ", ".join(
            str(r.person) for r in selectors.officials(election, Role.Kind.OBSERVER)
        )
        rows.append(_("Observers: %(names)s") % {"names": observers or "—"})
        rows += _authority(election)
        rows.append(
            _(
                "Board: %(head)s. Anyone can check the whole election with the independent verifier."
            )
            % {"head": head}
        )
    return rows


def acta_languages(election: Election) -> tuple[str, str]:
    """The acta's two columns: Spanish first for a vote in Mexico (the registry
    reads Spanish), else the vote's own language; beside it the vote's language
    where the union chose another (French for a Quebec unit), else English (or
    Spanish beside an English first column)."""
    first = "es" if election.country == "MX" else election.language
    if election.language != first:
        return first, election.language
    return first, "en" if first != "en" else "es"


def _signature_lines(election: Election, languages: tuple[str, str]) -> list[list[str]]:
    """A line for each administrator and observer of the election to sign."""
    rows = []
    for kind in (Role.Kind.ADMINISTRATOR, Role.Kind.OBSERVER):
        labels = []
        for language in languages:
            with translation.override(language):
                labels.append(str(Role.Kind(kind).label))
        for role in selectors.officials(election, kind):
            rows.append(
                [f"{role.person}\n{' / '.join(labels)}", "\n\n_______________________"]
            )
    return rows


def certificate_pdf(election: Election) -> bytes:
    head = election.board.order_by("-seq").values_list("hash", flat=True).first() or ""
    doc = PdfDocument(
        f"{election.title}",
        subtitle=str(election.held_by.name),
        letterhead=[str(election.held_by.name), "Alianza"],
        footer=f"{election.uid} — {head[:16]}…",
        page_size="letter",
    )
    languages = acta_languages(election)
    first, second = languages
    doc.side_by_side(_column(election, first, head), _column(election, second, head))
    signatures = _signature_lines(election, languages)
    if signatures:
        doc.spacer(8)
        headers = []
        for language in languages:
            with translation.override(language):
                headers.append(_("Signature"))
        doc.table(
            signatures,
            header=["", " / ".join(headers)],
            widths=[0.55, 0.45],
        )
    return doc.render()
