"""A meeting's secret ballot, held as an election (the governance seam calls it
through ``elections.meetings.MeetingBallots``)."""

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import Election
from ._shared import audit, take_step
from .joint import add_seat_lines


@transaction.atomic
def open_meeting_ballot(vote: Any, electorate: list[tuple[Any, int]]) -> Election:
    """A weighted vote of the body (kind "body") with the seats voting at this
    moment as its roll, each with its weight; "abstain" is a choice when the
    body's rule counts abstentions. It then runs like any election —
    trustees, credentials, booth, board — and the meeting's vote closes with the
    decrypted counts. (The chair's permission is checked by governance.)"""
    meeting = vote.motion.meeting
    body = meeting.body
    # A joint body's ballot belongs to its space, run by every coordinating union.
    organisation, space = (
        body.organisation,
        (body.space if body.organisation_id is None else None),
    )
    with translation.override(meeting.language):
        title = _("%(meeting)s: motion %(number)s") % {
            "meeting": meeting.title, "number": vote.motion.number,
        }  # fmt: skip
        answers = [_("Yes"), _("No")]
        if vote.counts_abstentions:
            answers.append(_("Abstain"))
    election = Election.objects.create(
        organisation=organisation, space=space, kind=Election.Kind.BODY, title=title[:200],
        question=vote.motion.text[:400], answers=answers, language=meeting.language,
        opens_at=timezone.now(), closes_at=timezone.now() + timedelta(days=1),
        meeting_vote=vote, trustee_count=3, threshold=2,
    )  # fmt: skip
    take_step(election, Election.Status.DRAFT, None)
    add_seat_lines(election, electorate, meeting.language)
    audit("elections.created", None, election, kind=election.kind)
    return election
