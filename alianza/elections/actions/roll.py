"""The voter roll: imported from CSV or XLSX with a line-by-line report, corrected
one voter at a time (audited), frozen when the credentials are published; who took
part exported for the labour authority (audited)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alianza.bodies.models import Seat
from alianza.lib.permissions import require
from alianza.lib.table_export import Column, Kind, Table
from alianza.lib.tabular import ImportLine, ImportReport, check_rows, upload_rows

from ..models import Election, Voter
from ..outcome import NEEDS_COVERED
from ..roll_lines import COLUMNS, MAX_BYTES, MAX_ROWS, in_mexico, voter_from_line
from ..selectors import roll_by_name, seen_on_roll
from ._shared import audit, roll_union


def _another_unions_line() -> str:
    return _("This line is another union's delegate: only that union changes it.")


def _require_open_roll(election: Election) -> None:
    if election.roll_frozen_at is not None or not (
        election.is_draft or election.is_in_key_ceremony
    ):
        raise ValidationError(_("The roll is frozen: the credentials are issued."))


@transaction.atomic
def import_roll(actor: Any, election: Election, name: str, data: bytes) -> ImportReport:
    """Check every line; add all of them to the roll, or none when any is wrong.
    On a joint body's ballot each union taking part adds its own delegates."""
    require(actor, "elections.change_roll", election)
    _require_open_roll(election)
    if election.roll_is_the_seats:
        raise ValidationError(
            _("The roll of a meeting's ballot is the body's seats: none is imported.")
        )
    report = ImportReport(kind="roll")
    try:
        rows = upload_rows(name, data, MAX_BYTES)
    except ValueError as error:
        report.problems.append(str(error))
        return report
    check_rows(COLUMNS, rows, report, MAX_ROWS)
    if report.problems:
        return report
    if not report.lines:
        report.problems.append(_("The file has no lines after the column names."))
        return report
    mexico = in_mexico(election)
    seen = seen_on_roll(election)
    pending = [voter_from_line(line, election, mexico, seen) for line in report.lines]
    if not report.ok:
        return report
    problem = _more_than_covered(election, election.voters.count() + len(pending))
    if problem:
        report.problems.append(problem)
        return report
    if election.is_joint:  # the lines a union imports are its own
        union = roll_union(actor, election)
        for voter in pending:
            voter.union_id = union
    Voter.objects.bulk_create(pending, batch_size=2000)
    report.saved = len(pending)
    audit("elections.roll_imported", actor, election, voters=report.saved)
    return report


def _more_than_covered(election: Election, roll: int) -> str | None:
    """The covered workers are every worker the vote is about: never fewer than
    the roll."""
    covered = election.covered_workers
    if election.kind not in NEEDS_COVERED or covered is None or roll <= covered:
        return None
    return ngettext(
        "The roll would have %(roll)s workers, more than the %(covered)s covered "
        "worker the vote is for: check the roll and the number of covered workers.",
        "The roll would have %(roll)s workers, more than the %(covered)s covered "
        "workers the vote is for: check the roll and the number of covered workers.",
        covered,
    ) % {
        "roll": number_format(roll, force_grouping=True),
        "covered": number_format(covered, force_grouping=True),
    }


@transaction.atomic
def correct_voter(actor: Any, voter: Voter, **changes: Any) -> Voter:
    """A correction to one line of the roll, before it is frozen; audited with the
    values before and after."""
    election = voter.election
    require(actor, "elections.change_roll", election)
    require(actor, "elections.change_voter", voter, message=_another_unions_line())
    _require_open_roll(election)
    allowed = {"name", "worker_number", "curp", "email", "phone", "language", "weight",
               "excluded"}  # fmt: skip
    if not set(changes) <= allowed:
        raise ValidationError(_("Only the roll's columns can be corrected."))
    _check_seat_line(voter, changes)
    line = ImportLine(number=0, values={**{f: str(getattr(voter, f)) for f in allowed},
                                        **{k: str(v) for k, v in changes.items()}})  # fmt: skip
    if not line.values["name"].strip():
        raise ValidationError(_("name: required."))
    others = seen_on_roll(election, but=voter)
    checked = voter_from_line(line, election, in_mexico(election), others)
    if line.errors:
        raise ValidationError(line.errors)
    changes = {f: v for f, v in changes.items() if str(getattr(voter, f)) != str(v)}
    before = {f: getattr(voter, f) for f in changes}
    for f in changes:
        setattr(voter, f, getattr(checked, f))
    voter.save()
    audit("elections.voter_corrected", actor, election, voter=voter.pk, before=before,
          after={f: getattr(voter, f) for f in changes})  # fmt: skip
    return voter


def _check_seat_line(voter: Voter, changes: dict[str, Any]) -> None:
    """A meeting's ballot: a line is a seat of the body, voting with the seat's
    weight; neither can be changed on the roll."""
    if not voter.election.roll_is_the_seats:
        return
    if str(changes.get("worker_number", voter.worker_number)) != voter.worker_number:
        raise ValidationError(_("A line of a meeting's ballot is a seat of the body."))
    if "weight" in changes:  # what the seat's vote counts for under the vote's rule
        seat_pk = voter.worker_number.removeprefix("seat-")
        seat = Seat.objects.filter(pk=seat_pk).first() if seat_pk.isdigit() else None
        vote = voter.election.meeting_vote
        weight = (
            vote.weight_of(seat.vote_weight)
            if seat is not None and vote is not None
            else voter.weight
        )
        if str(changes["weight"]) != str(weight):
            raise ValidationError(
                _(
                    "A seat's vote counts as the body's rule for this vote says: "
                    "%(weight)s."
                )
                % {"weight": number_format(weight, force_grouping=True)}
            )


@transaction.atomic
def remove_voter(actor: Any, voter: Voter) -> None:
    """A line taken off the roll before it is frozen (on a joint body's ballot, by
    the union of the delegate only); audited with the line."""
    election = voter.election
    require(actor, "elections.change_roll", election)
    require(actor, "elections.change_voter", voter, message=_another_unions_line())
    _require_open_roll(election)
    line = {"voter": voter.pk, "name": voter.name, "worker_number": voter.worker_number}
    voter.delete()
    audit("elections.voter_removed", actor, election, **line)


def export_participation(actor: Any, election: Election) -> Table:
    """The roll with who took part (never how anyone voted), for the labour
    authority: its lines under the roll's column names. The export is audited."""
    require(actor, "elections.view_participation", election)
    table = Table(
        name=f"participation-{election.uid}",
        columns=[
            Column("name", width=30),
            Column("worker_number", Kind.ID),
            Column("curp", Kind.ID, width=22),
            Column("voted", width=8),
            Column("excluded", width=10),
        ],
        rows=[
            [v.name, v.worker_number, v.curp, "yes" if v.voted_at else "no", v.excluded]
            for v in roll_by_name(election)
        ],  # fmt: skip
    )
    audit("elections.participation_exported", actor, election)
    return table
