"""Meetings of the demo world: the two executive bodies, each with the other union's
observer who speaks but does not vote (Solidarity Alliance, 2011), and the Joint
Commission adopting a recommendation forwarded to both boards. Illustrative."""

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType

from alianza.bodies.models import Body
from alianza.multilingual.models import Translation

from .models import (
    AgendaItem,
    Attendance,
    Ballot,
    FollowUp,
    FollowUpUpdate,
    Forwarding,
    Meeting,
    Minutes,
    Motion,
    MotionEvent,
    SpeakerRequest,
    Vote,
)
from .selectors import assemble

MEETINGS: list[dict[str, Any]] = [
    {
        "body": "Comité Ejecutivo Nacional",
        "title": "Sesión ordinaria del Comité Ejecutivo Nacional",
        "starts_at": datetime(2026, 9, 18, 10, tzinfo=ZoneInfo("America/Mexico_City")),
        "place": "Ciudad de México",
        "language": "es",
        "motion": "Enviar la carta de solidaridad a los cinco locales de los Steelworkers en ASARCO y acompañarlos cuando lo consideren conveniente.",
        "motion_en": "Send the letter of solidarity to the Steelworkers' five locals at ASARCO and accompany them when they deem it convenient.",
        "motion_fr": "Envoyer la lettre de solidarité aux cinq sections locales des Métallos chez ASARCO et les accompagner lorsqu'elles le jugeront opportun.",
        "agenda": [("Lista de asistencia y quórum", 10), ("Informe de la observadora de los Steelworkers", 20), ("Solidaridad con los locales de ASARCO", 40), ("Asuntos generales", 20)],
        "follow_up": ("Enviar la carta a los cinco locales de ASARCO", "Alejandra Castañeda", 60),
    },
    {
        "body": "International Executive Board",
        "title": "Regular meeting of the International Executive Board",
        "starts_at": datetime(2026, 10, 6, 9, tzinfo=ZoneInfo("America/New_York")),
        "place": "Pittsburgh, Pennsylvania",
        "language": "en",
        "motion": "Support Los Mineros' demand that the Pasta de Conchos miners be recovered, and send a delegation on 19 February.",
        "motion_en": "",
        "motion_es": "Apoyar la exigencia de Los Mineros de que se rescate a los mineros de Pasta de Conchos, y enviar una delegación el 19 de febrero.",
        "motion_fr": "Appuyer la revendication de Los Mineros pour que les mineurs de Pasta de Conchos soient récupérés, et envoyer une délégation le 19 février.",
        "agenda": [("Roll call and quorum", 5), ("Report of the Los Mineros observer", 20), ("Pasta de Conchos: delegation of 19 February", 30), ("Other business", 15)],
        "follow_up": ("Name the delegation to Pasta de Conchos", "Jordan Walker", 20),
    },
    {
        "body": "Joint Commission",
        "title": "Joint Commission: coordinated bargaining",
        "starts_at": datetime(2026, 10, 20, 11, tzinfo=ZoneInfo("America/Phoenix")),
        "place": "Tucson, Arizona",
        "language": "en",
        "motion": "Recommend that both unions coordinate their bargaining at ASARCO and Grupo México: share proposals and settlements through the council, and refuse the company's demands on drug testing, attendance and the grievance procedure in either country.",
        "motion_en": "",
        "motion_es": "Recomendar que ambos sindicatos coordinen su negociación en ASARCO y Grupo México: compartir propuestas y acuerdos por medio del consejo, y rechazar en ambos países las exigencias de la empresa sobre pruebas de drogas, asistencia y procedimiento de quejas.",
        "motion_fr": "Recommander aux deux syndicats de coordonner leur négociation chez ASARCO et Grupo México : mettre en commun les propositions et les règlements par l'entremise du conseil, et refuser dans les deux pays les exigences de l'employeur sur le dépistage de drogues, l'assiduité et la procédure de griefs.",
        "agenda": [("Bargaining at ASARCO", 45), ("Recommendation to both executive bodies", 30)],
        "follow_up": None,
    },
]  # fmt: skip


# Titles of meetings, agenda items and follow-ups in the other languages.
TRANSLATED: dict[str, dict[str, str]] = {
    "Sesión ordinaria del Comité Ejecutivo Nacional": {"en": "Regular meeting of the National Executive Committee", "fr": "Séance ordinaire du Comité exécutif national"},
    "Regular meeting of the International Executive Board": {"es": "Sesión ordinaria de la Junta Ejecutiva Internacional", "fr": "Réunion ordinaire du Conseil exécutif international"},
    "Joint Commission: coordinated bargaining": {"es": "Comisión Conjunta: negociación coordinada", "fr": "Commission mixte : négociation coordonnée"},
    "Sesión extraordinaria del Comité Ejecutivo Nacional": {"en": "Special meeting of the National Executive Committee", "fr": "Séance extraordinaire du Comité exécutif national"},
    "Lista de asistencia y quórum": {"en": "Roll call and quorum", "fr": "Appel nominal et quorum"},
    "Informe de la observadora de los Steelworkers": {"en": "Report of the Steelworkers' observer", "fr": "Rapport de l'observatrice des Métallos"},
    "Solidaridad con los locales de ASARCO": {"en": "Solidarity with the ASARCO locals", "fr": "Solidarité avec les sections locales d'ASARCO"},
    "Asuntos generales": {"en": "Other business", "fr": "Questions diverses"},
    "Roll call and quorum": {"es": "Lista de asistencia y quórum", "fr": "Appel nominal et quorum"},
    "Report of the Los Mineros observer": {"es": "Informe de la observadora de Los Mineros", "fr": "Rapport de l'observatrice de Los Mineros"},
    "Pasta de Conchos: delegation of 19 February": {"es": "Pasta de Conchos: delegación del 19 de febrero", "fr": "Pasta de Conchos : délégation du 19 février"},
    "Other business": {"es": "Asuntos generales", "fr": "Questions diverses"},
    "Bargaining at ASARCO": {"es": "Negociación en ASARCO", "fr": "Négociation chez ASARCO"},
    "Recommendation to both executive bodies": {"es": "Recomendación a ambos órganos ejecutivos", "fr": "Recommandation aux deux organes exécutifs"},
    "Aprobación del acta de la sesión anterior": {"en": "Approval of the minutes of the previous meeting", "fr": "Adoption du procès-verbal de la séance précédente"},
    "Recomendación de la Comisión Conjunta: negociación coordinada": {"en": "Joint Commission recommendation: coordinated bargaining", "fr": "Recommandation de la Commission mixte : négociation coordonnée"},
    "Enviar la carta a los cinco locales de ASARCO": {"en": "Send the letter to the five ASARCO locals", "fr": "Envoyer la lettre aux cinq sections locales d'ASARCO"},
    "Name the delegation to Pasta de Conchos": {"es": "Nombrar la delegación a Pasta de Conchos", "fr": "Désigner la délégation à Pasta de Conchos"},
}  # fmt: skip


def _translate_title(record: Any, field: str) -> None:
    """The record's ``field`` in the other languages, from ``TRANSLATED``."""
    for language, text in TRANSLATED[getattr(record, field)].items():
        if language != record.language:
            _translate(record, field, language, text)


def _translate(record: Any, field: str, language: str, text: str) -> None:
    Translation.objects.create(
        content_type=ContentType.objects.get_for_model(type(record)),
        object_id=str(record.pk), field=field, language=language, text=text,
    )  # fmt: skip


def _agenda(meeting: Meeting, items: list[tuple[str, int]]) -> list[AgendaItem]:
    made = [
        AgendaItem.objects.create(
            meeting=meeting,
            position=n,
            title=title,
            minutes=m,
            language=meeting.language,
        )
        for n, (title, m) in enumerate(items, start=1)
    ]
    for item in made:
        _translate_title(item, "title")
    return made


def load() -> None:
    adopted: dict[str, Motion] = {}
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
            time_zone=start.tzinfo.key,
        )  # fmt: skip
        _translate_title(meeting, "title")
        items = _agenda(meeting, data["agenda"])
        seats = list(body.seats.exclude(holder=None))
        for seat in seats:
            Attendance.objects.create(meeting=meeting, seat=seat, checked_in_at=start)
        observer = next((s for s in seats if s.is_observer), None)
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
            agenda_item=items[-1] if body.space_id else items[2],
        )  # fmt: skip
        for status, minutes in (("submitted", 30), ("on_agenda", 31), ("debated", 40),
                                ("adopted", 45)):  # fmt: skip
            MotionEvent.objects.create(
                motion=motion, status=status, at=start + timedelta(minutes=minutes)
            )
        if data["motion_en"]:
            _translate(motion, "text", "en", data["motion_en"])
        for language in ("es", "fr"):
            if data.get(f"motion_{language}") and language != motion.language:
                _translate(motion, "text", language, data[f"motion_{language}"])
        vote = Vote(
            motion=motion, method=Vote.Method.ROLL_CALL, threshold=Vote.Threshold.CAST,
            opened_at=start + timedelta(minutes=40), closed_at=start + timedelta(minutes=45),
            present=len(voters), quorum_required=body.quorum_required(), yes=len(voters),
        )  # fmt: skip
        vote.voting_weight = sum(s.vote_weight for s in voters)
        vote.members_voting = len(voters)
        vote.adopted = vote.decide()[0]
        vote.save()
        for seat in voters:
            Ballot.objects.create(vote=vote, seat=seat, choice=Ballot.Choice.YES)
        adopted[data["body"]] = motion
        if data["follow_up"]:
            task, owner_name, progress = data["follow_up"]
            owner = next(
                (s.holder for s in seats if s.holder and s.holder.name == owner_name),
                None,
            )
            if owner is not None:
                follow_up = FollowUp.objects.create(
                    motion=motion, task=task, owner=owner, due_on=(start + timedelta(days=45)).date(),
                    progress=progress, status=FollowUp.Status.IN_PROGRESS,
                    language=data["language"],
                )  # fmt: skip
                _translate_title(follow_up, "task")
                FollowUpUpdate.objects.create(
                    follow_up=follow_up, at=start + timedelta(days=7),
                    status=FollowUp.Status.IN_PROGRESS, progress=progress,
                )  # fmt: skip
        record = Minutes.objects.create(
            meeting=meeting, text=assemble(meeting), language=meeting.language
        )
        # The secretary's translations: the same record, assembled in each language.
        for language in ("en", "es", "fr"):
            if language != meeting.language:
                _translate(record, "text", language, assemble(meeting, language))
    _forward(adopted)


def _forward(adopted: dict[str, Motion]) -> None:
    """The Joint Commission's recommendation goes to both boards: the IEB adopted
    it; Los Mineros' committee has it on the agenda of its next session."""
    recommendation = adopted.get("Joint Commission")
    nec = Body.objects.filter(name="Comité Ejecutivo Nacional").first()
    ieb = Body.objects.filter(name="International Executive Board").first()
    if recommendation is None or nec is None or ieb is None:
        return
    sent = recommendation.meeting.starts_at + timedelta(days=1)
    Forwarding.objects.create(
        recommendation=recommendation, body=ieb, forwarded_at=sent,
        decision=Forwarding.Decision.ADOPTED, decided_on=date(2026, 11, 12),
        note="Adopted by the Board by e-mail ballot.",
    )  # fmt: skip
    upcoming = Meeting.objects.create(
        body=nec, title="Sesión extraordinaria del Comité Ejecutivo Nacional",
        starts_at=datetime(2026, 12, 10, 10, tzinfo=ZoneInfo("America/Mexico_City")),
        mode=Meeting.Mode.HYBRID, place="Ciudad de México", language="es",
        time_zone="America/Mexico_City",
    )  # fmt: skip
    _translate_title(upcoming, "title")
    items = _agenda(upcoming, [
        ("Lista de asistencia y quórum", 10), ("Aprobación del acta de la sesión anterior", 10),
        ("Recomendación de la Comisión Conjunta: negociación coordinada", 40),
    ])  # fmt: skip
    local = Motion.objects.create(
        meeting=upcoming, number=1, text=recommendation.text, language=recommendation.language,
        status=Motion.Status.ON_AGENDA, agenda_item=items[-1],
    )  # fmt: skip
    for tr in recommendation.translations_for("text").values():
        _translate(local, "text", tr.language, tr.text)
    Forwarding.objects.create(
        recommendation=recommendation, body=nec, forwarded_at=sent, local_motion=local
    )


def reset() -> None:
    """Meetings go before the seats they refer to."""
    bodies = [m["body"] for m in MEETINGS]
    motions = Motion.objects.filter(meeting__body__name__in=bodies)
    minutes = Minutes.objects.filter(meeting__body__name__in=bodies)
    meetings = Meeting.objects.filter(body__name__in=bodies)
    items = AgendaItem.objects.filter(meeting__body__name__in=bodies)
    follow_ups = FollowUp.objects.filter(motion__meeting__body__name__in=bodies)
    for model, ids in (
        (Motion, motions), (Minutes, minutes), (Meeting, meetings),
        (AgendaItem, items), (FollowUp, follow_ups),
    ):  # fmt: skip
        Translation.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in ids.values_list("pk", flat=True)],
        ).delete()
    Meeting.objects.filter(body__name__in=bodies).delete()
