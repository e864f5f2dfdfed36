"""Minutes: assembled from the meeting's record in its language, edited by the
secretary, approved at the body's next meeting, printed in one language or two."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from alianza.lib.pdf import PdfDocument
from alianza.lib.permissions import require

from .actions import _audit
from .models import Meeting, Minutes, Motion, SpeakerRequest
from .selectors import agenda


def _who(seat: Any) -> str:
    name = str(seat.holder) if seat.holder else str(seat.get_kind_display())
    return f"{name} ({seat.representing})"


def assemble(meeting: Meeting) -> str:
    """The minutes' first draft, in the meeting's language, from what was recorded:
    attendance, agenda, speakers, motions, votes and decisions."""
    with translation.override(meeting.language):
        lines: list[str] = []
        when = formats.date_format(
            timezone.localtime(meeting.starts_at), "DATETIME_FORMAT"
        )
        lines.append(
            _("%(body)s met on %(when)s (%(mode)s%(place)s).")
            % {
                "body": meeting.body.name,
                "when": when,
                "mode": meeting.get_mode_display().lower(),
                "place": f", {meeting.place}" if meeting.place else "",
            }
        )
        lines.append("")
        lines.append(_("Those present"))
        attendance = meeting.attendance.select_related(
            "seat__holder", "seat__representing", "alternate__holder"
        )
        for row in attendance:
            entry = f"- {_who(row.seat)}"
            if row.seat.kind == "observer":
                entry += " — " + _("observer, with the right to speak but not to vote")
            if row.alternate_id:
                entry += " — " + _("represented by the alternate %(name)s") % {
                    "name": row.alternate.holder if row.alternate else ""
                }
            lines.append(entry)
        for proxy in meeting.proxies.select_related("giver__holder", "carrier__holder"):
            lines.append(
                "- "
                + _("%(giver)s, absent, gave a proxy to %(carrier)s")
                % {"giver": _who(proxy.giver), "carrier": proxy.carrier.holder}
            )
        items = agenda(meeting)
        if items:
            lines += ["", _("Agenda")]
            for line in items:
                lines.append(f"{'  ' * line.depth}{line.number}. {line.item.title}")
        speakers = meeting.speakers.filter(started_at__isnull=False).select_related(
            "seat__holder", "seat__representing"
        )
        if speakers:
            lines += ["", _("Speakers")]
            for speaker in speakers:
                kind = SpeakerRequest.Kind(speaker.kind).label
                lines.append(f"- {_who(speaker.seat)}: {kind}")
        motions = meeting.motions.select_related("proposer__holder", "amends")
        if motions:
            lines += ["", _("Motions and decisions")]
        for motion in motions.prefetch_related("votes", "support__seat__holder"):
            lines.append("")
            if motion.amends is not None:
                title = _("Amendment %(n)s to motion %(m)s, lines %(a)s–%(b)s") % {
                    "n": motion.number,
                    "m": motion.amends.number,
                    "a": motion.line_from,
                    "b": motion.line_to,
                }
            else:
                title = _("Motion %(n)s") % {"n": motion.number}
            mover = (
                _("moved by %(name)s") % {"name": motion.proposer.holder}
                if motion.proposer and motion.proposer.holder
                else _("forwarded recommendation")
            )
            lines.append(f"{title} ({mover})")
            lines.append(motion.text)
            seconds = [
                str(s.seat.holder) for s in motion.support.all() if s.seat.holder
            ]
            if seconds:
                lines.append(
                    _("Supported by %(names)s.") % {"names": ", ".join(seconds)}
                )
            for vote in motion.votes.all():
                if vote.closed_at:
                    lines.append(
                        f"{vote.get_method_display()}: {vote.explanation} "
                        + _("Quorum: %(present)s present, %(required)s required.")
                        % {"present": vote.present, "required": vote.quorum_required}
                    )
            if motion.status not in (Motion.Status.ADOPTED, Motion.Status.REJECTED):
                lines.append(
                    _("Status: %(status)s.") % {"status": motion.get_status_display()}
                )
        return "\n".join(lines)


@transaction.atomic
def draft_minutes(actor: Any, meeting: Meeting) -> Minutes:
    """Assemble (or assemble again) the draft; approved minutes stay as approved."""
    require(actor, "governance.run_meeting", meeting)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is not None and minutes.status == Minutes.Status.APPROVED:
        raise ValidationError(_("Approved minutes are not changed."))
    text = assemble(meeting)
    if minutes is None:
        minutes = Minutes.objects.create(
            meeting=meeting, text=text, language=meeting.language
        )
    else:
        minutes.text = text
        minutes.save(update_fields=["text", "updated_at"])
    _audit("governance.minutes_assembled", actor, meeting, minutes)
    return minutes


@transaction.atomic
def save_minutes(actor: Any, minutes: Minutes, text: str) -> Minutes:
    require(actor, "governance.run_meeting", minutes.meeting)
    if minutes.status == Minutes.Status.APPROVED:
        raise ValidationError(_("Approved minutes are not changed."))
    if not text.strip():
        raise ValidationError({"text": _("The minutes cannot be empty.")})
    minutes.text = text.strip()
    minutes.save(update_fields=["text", "updated_at"])
    _audit("governance.minutes_edited", actor, minutes.meeting, minutes)
    return minutes


def later_meetings(minutes: Minutes) -> list[Meeting]:
    """Meetings of the same body, in session, at which the minutes may be approved."""
    meeting = minutes.meeting
    return list(
        Meeting.objects.filter(
            body=meeting.body,
            status=Meeting.Status.OPEN,
            starts_at__gt=meeting.starts_at,
        )
    )


@transaction.atomic
def approve_minutes(actor: Any, minutes: Minutes, at: Meeting) -> Minutes:
    """The chair records that the next meeting approved the minutes."""
    require(actor, "governance.run_meeting", at)
    if minutes.status == Minutes.Status.APPROVED:
        raise ValidationError(_("These minutes are already approved."))
    if at.pk not in {m.pk for m in later_meetings(minutes)}:
        raise ValidationError(
            _("Minutes are approved at a later meeting of the same body, in session.")
        )
    minutes.status = Minutes.Status.APPROVED
    minutes.approved_at = at
    minutes.save(update_fields=["status", "approved_at", "updated_at"])
    _audit("governance.minutes_approved", actor, minutes.meeting, minutes, at=at.pk)
    return minutes


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def minutes_pdf(minutes: Minutes, second_language: str = "") -> bytes:
    """The minutes in the meeting's language, or beside a translation."""
    meeting = minutes.meeting
    languages = dict(settings.LANGUAGES)
    translated = None
    if second_language:
        found = minutes.translations_for("text").get(second_language)
        if second_language == minutes.language or found is None:
            raise ValidationError(
                _("There is no translation of these minutes into %(language)s.")
                % {"language": str(languages.get(second_language, second_language))}
            )
        translated = found.text
    with translation.override(minutes.language):
        if minutes.status == Minutes.Status.APPROVED and minutes.approved_at:
            state = _("Approved at the meeting of %(date)s.") % {
                "date": formats.date_format(
                    timezone.localtime(minutes.approved_at.starts_at), "DATE_FORMAT"
                )
            }
        else:
            state = _("Draft, not yet approved.")
        doc = PdfDocument(
            _("Minutes: %(title)s") % {"title": meeting.title},
            subtitle=f"{meeting.body.name} · {state}",
            footer=f"{meeting.body.name} — Alianza",
        )
    if translated is None:
        for paragraph in _paragraphs(minutes.text):
            first, _sep, rest = paragraph.partition("\n")
            if rest and len(first) <= 60 and not first.startswith("-"):
                doc.heading(first, level=2)  # a section of the assembled minutes
                doc.paragraph(rest)
            else:
                doc.paragraph(paragraph)
    else:
        doc.side_by_side(
            [str(languages[minutes.language])] + _paragraphs(minutes.text),
            [str(languages[second_language])] + _paragraphs(translated),
        )
    return doc.render()
