"""Secret ballots of a meeting, held as elections: the governance seam's provider.

When a chair opens a secret ballot, a weighted vote of the body (kind "body") is
created with the seats voting at that moment as its roll, each with its weight.
It then runs like any election — trustees, credentials, booth, board — and the
meeting's vote closes with the decrypted counts."""

from datetime import timedelta
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alianza.bodies.models import Seat

from .models import Election, Step, Voter


class MeetingBallots:
    def open(self, vote: Any, electorate: list[tuple[Seat, int]]) -> str:
        meeting = vote.motion.meeting
        body = meeting.body
        organisation = body.organisation
        if organisation is None:  # a joint body: its first coordinating union holds it
            organisation = body.space.participants.order_by("pk").first().organisation
        with translation.override(meeting.language):
            title = _("%(meeting)s: motion %(number)s") % {
                "meeting": meeting.title, "number": vote.motion.number,
            }  # fmt: skip
            answers = [_("Yes"), _("No")]
        election = Election.objects.create(
            organisation=organisation, kind=Election.Kind.BODY, title=title[:200],
            question=vote.motion.text[:400], answers=answers, language=meeting.language,
            opens_at=timezone.now(), closes_at=timezone.now() + timedelta(days=1),
            meeting_vote=vote, trustee_count=3, threshold=2,
        )  # fmt: skip
        Step.objects.create(election=election, status=Election.Status.DRAFT)
        Voter.objects.bulk_create(
            Voter(
                election=election,
                name=str(seat.holder or seat),
                worker_number=f"seat-{seat.pk}",
                email=_email(seat),
                language=seat.holder.preferred_language
                if seat.holder
                else meeting.language,
                weight=weight,
            )
            for seat, weight in electorate
        )
        return str(election.uid)

    def counts(self, vote: Any) -> tuple[int, int, int] | None:
        election = Election.objects.filter(meeting_vote=vote).first()
        if election is None or not election.result:
            return None
        yes, no = election.result["counts"][0][:2]
        return yes, no, 0  # a secret ballot has no abstention; not voting is one


def _email(seat: Seat) -> str:
    holder = seat.holder
    if holder is None:
        return ""
    if holder.user_id and holder.user:
        return holder.user.email
    channel = holder.contacts.filter(kind="email").first()
    return channel.value if channel else ""
