"""Meetings of the demo world: the two executive bodies, each with the other union's
observer who speaks but does not vote (Solidarity Alliance, 2011). Illustrative."""

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType

from alianza.bodies.models import Body
from alianza.multilingual.models import Translation

from .actions import decide
from .models import Attendance, Ballot, Meeting, Motion, SpeakerRequest, Vote

MEETINGS: list[dict[str, Any]] = [
    {
        "body": "Comité Ejecutivo Nacional",
        "title": "Sesión ordinaria del Comité Ejecutivo Nacional",
        "starts_at": datetime(2026, 9, 18, 10, tzinfo=ZoneInfo("America/Mexico_City")),
        "place": "Ciudad de México",
        "language": "es",
        "motion": "Enviar la carta de solidaridad a los cinco locales de los Steelworkers en ASARCO y acompañarlos cuando lo consideren conveniente.",
        "motion_en": "Send the letter of solidarity to the Steelworkers' five locals at ASARCO and accompany them when they deem it convenient.",
    },
    {
        "body": "International Executive Board",
        "title": "Regular meeting of the International Executive Board",
        "starts_at": datetime(2026, 10, 6, 9, tzinfo=ZoneInfo("America/New_York")),
        "place": "Pittsburgh, Pennsylvania",
        "language": "en",
        "motion": "Support Los Mineros' demand that the Pasta de Conchos miners be recovered, and send a delegation on 19 February.",
        "motion_en": "",
    },
]  # fmt: skip


def load() -> None:
    for data in MEETINGS:
        body = Body.objects.filter(name=data["body"]).first()
        if (
            body is None
            or Meeting.objects.filter(body=body, title=data["title"]).exists()
        ):
            continue
        start = data["starts_at"]
        meeting = Meeting.objects.create(
            body=body, title=data["title"], starts_at=start, mode=Meeting.Mode.HYBRID,
            place=data["place"], language=data["language"], status=Meeting.Status.CLOSED,
        )  # fmt: skip
        seats = list(body.seats.exclude(holder=None))
        for seat in seats:
            Attendance.objects.create(meeting=meeting, seat=seat, checked_in_at=start)
        observer = next((s for s in seats if s.kind == "observer"), None)
        if observer is not None:
            SpeakerRequest.objects.create(
                meeting=meeting, seat=observer, requested_at=start + timedelta(minutes=20),
                started_at=start + timedelta(minutes=25), ended_at=start + timedelta(minutes=28),
            )  # fmt: skip
        voters = [s for s in seats if s.counts_for_quorum]
        if not voters:
            continue
        motion = Motion.objects.create(
            meeting=meeting, number=1, text=data["motion"], proposer=voters[0],
            language=data["language"], status=Motion.Status.ADOPTED,
        )  # fmt: skip
        if data["motion_en"]:
            Translation.objects.create(
                content_type=ContentType.objects.get_for_model(Motion), object_id=str(motion.pk),
                field="text", language="en", text=data["motion_en"],
            )  # fmt: skip
        vote = Vote(
            motion=motion, method=Vote.Method.ROLL_CALL, threshold=Vote.Threshold.CAST,
            opened_at=start + timedelta(minutes=40), closed_at=start + timedelta(minutes=45),
            present=len(voters), quorum_required=body.quorum_required(), yes=len(voters),
        )  # fmt: skip
        vote.voting_weight = sum(s.vote_weight for s in voters)
        vote.adopted = decide(vote, vote.voting_weight)[0]
        vote.save()
        for seat in voters:
            Ballot.objects.create(vote=vote, seat=seat, choice=Ballot.Choice.YES)


def reset() -> None:
    """Meetings go before the seats they refer to."""
    motions = Motion.objects.filter(
        meeting__body__name__in=[m["body"] for m in MEETINGS]
    )
    Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(Motion),
        object_id__in=[str(pk) for pk in motions.values_list("pk", flat=True)],
    ).delete()
    Meeting.objects.filter(body__name__in=[m["body"] for m in MEETINGS]).delete()
