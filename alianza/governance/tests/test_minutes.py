from datetime import timedelta
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from alianza.bodies.models import Seat
from alianza.governance import actions
from alianza.governance.actions import approve_minutes, draft_minutes, save_minutes
from alianza.governance.selectors import assemble, minutes_pdf
from alianza.multilingual.actions import save_translation


def _pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(BytesIO(data)).pages)


@pytest.fixture
def held(world):
    """A meeting where the observer spoke and a motion was adopted, then closed."""
    staff, officer = world["mineros_staff"], world["mineros_officer"]
    Seat.objects.create(
        body=world.nec, kind="member", holder=officer.person, representing=world.mineros
    )
    meeting = actions.schedule_meeting(
        staff, world.nec, title="Sesión ordinaria", starts_at=timezone.now() - timedelta(days=30),
        mode="hybrid", place="Ciudad de México", language="es",
    )  # fmt: skip
    actions.set_meeting_status(staff, meeting, "open")
    actions.add_agenda_item(staff, meeting, title="Solidaridad con ASARCO", minutes=30)
    for seat in world.nec.seats.all():
        actions.check_in(staff, meeting, seat)
    actions.request_to_speak(world["observer"], meeting)
    actions.next_speaker(staff, meeting)
    motion = actions.submit_motion(
        officer, meeting, text="Enviar la carta.", language="es"
    )
    vote = actions.open_vote(staff, motion, method="show_of_hands", threshold="cast")
    actions.record_hands(staff, vote, yes=4, no=0, abstain=0)
    actions.close_vote(staff, vote)
    actions.set_meeting_status(staff, meeting, "closed")
    return meeting


def test_minutes_are_assembled_in_the_meetings_language(world, held):
    text = assemble(held)
    assert "Comité Ejecutivo Nacional" in text
    assert "observador, con derecho a voz pero no a voto" in text
    assert "1. Solidaridad con ASARCO" in text
    assert "Enviar la carta." in text
    assert "Aprobada: 4 a favor, 0 en contra" in text


def test_the_secretary_edits_and_the_next_meeting_approves(world, held):
    staff = world["mineros_staff"]
    with pytest.raises(PermissionDenied):
        draft_minutes(world["observer"], held)
    minutes = draft_minutes(staff, held)
    save_minutes(staff, minutes, minutes.text + "\n\nSe levantó la sesión a las 14:00.")
    with pytest.raises(ValidationError, match="later meeting"):
        approve_minutes(staff, minutes, held)
    following = actions.schedule_meeting(
        staff, world.nec, title="Siguiente sesión", starts_at=timezone.now(),
        mode="online", place="", language="es",
    )  # fmt: skip
    with pytest.raises(ValidationError, match="in session"):
        approve_minutes(staff, minutes, following)
    actions.set_meeting_status(staff, following, "open")
    approve_minutes(staff, minutes, following)
    assert minutes.status == "approved" and minutes.approved_at == following
    with pytest.raises(ValidationError, match="not changed"):
        save_minutes(staff, minutes, "Otra cosa")
    with pytest.raises(ValidationError, match="not changed"):
        draft_minutes(staff, held)


def test_the_pdf_in_one_language_or_two_side_by_side(world, held):
    staff = world["mineros_staff"]
    minutes = draft_minutes(staff, held)
    one = _pdf_text(minutes_pdf(minutes))
    assert "Acta: Sesión ordinaria" in one and "Enviar la carta." in one
    with pytest.raises(ValidationError, match="no translation"):
        minutes_pdf(minutes, "en")
    save_translation(
        staff, minutes, "text", "en", "The committee met.\n\nSend the letter."
    )
    with translation.override("en"):
        two = _pdf_text(minutes_pdf(minutes, "en"))
    assert "Send the letter." in two and "Enviar la carta." in two
    # Each column is headed by its language's name, in the reader's language.
    assert "English" in two
    assert "Spanish" in two


def test_minutes_pages_for_readers_and_the_secretary(client, world, held):
    minutes = draft_minutes(world["mineros_staff"], held)
    url = reverse("governance:minutes", args=[held.pk])
    client.force_login(world["observer"])
    page = client.get(url, headers={"accept-language": "en"})
    assert page.status_code == 200 and b"<textarea" not in page.content
    assert client.post(url, {"text": "Nada"}).status_code == 403
    pdf = client.get(reverse("governance:minutes_pdf", args=[held.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    client.force_login(world["mineros_staff"])
    response = client.post(url, {"text": "Acta corregida."})
    assert response.status_code == 302
    minutes.refresh_from_db()
    assert minutes.text == "Acta corregida."
    missing = client.get(reverse("governance:minutes_pdf", args=[held.pk]) + "?with=fr")
    assert missing.status_code == 302  # back to the page, with the reason


def test_outsiders_and_the_other_union_see_no_minutes(client, world, held):
    """Not even that the meeting exists: a meeting they may not see answers 404."""
    draft_minutes(world["mineros_staff"], held)
    for persona in ("outsider", "usw_staff"):
        client.force_login(world[persona])
        assert (
            client.get(reverse("governance:minutes", args=[held.pk])).status_code == 404
        )
        assert (
            client.get(reverse("governance:minutes_pdf", args=[held.pk])).status_code
            == 404
        )
