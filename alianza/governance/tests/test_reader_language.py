"""Meetings, agenda items, motions, amendments, follow-ups and minutes in the
reader's language: a Los Mineros executive votes on Spanish text when a Spanish
translation exists, a USW observer reads the committee's Spanish motion in English,
a Quebec officer in French; the original is a tap away, its line numbers those
amendments refer to."""

import re
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from alianza.governance import actions
from alianza.governance.models import AgendaItem, FollowUp, Motion
from alianza.governance.selectors import assemble
from alianza.multilingual.models import Translation

SPANISH = "Enviar la carta de solidaridad.\nAcompañar a los locales de ASARCO."
ENGLISH = "Send the letter of solidarity.\nAccompany the ASARCO locals."
FRENCH = "Envoyer la lettre de solidarité.\nAccompagner les sections locales d'ASARCO."


def translate(record, field, **texts):
    ct = ContentType.objects.get_for_model(type(record))
    for language, text in texts.items():
        Translation.objects.create(
            content_type=ct, object_id=str(record.pk), field=field,
            language=language, text=text,
        )  # fmt: skip


def reader(world, name, language):
    user = world[name]
    user.language = language
    user.save(update_fields=["language"])
    return user


def motion_lines(page: str, number: int = 1) -> tuple[str, str]:
    """The language and the text of the numbered lines shown first for a motion."""
    article = page.split(f'id="motion-{number}"', 1)[1]
    match = re.search(
        r'<ol class="motion-lines mb-2" lang="(\w+)">(.*?)</ol>', article, re.S
    )
    assert match, "the motion's lines are shown"
    return match.group(1), re.sub(r"<[^>]+>", " ", match.group(2))


@pytest.fixture
def spanish_motion(world, session):
    """The committee's motion, moved in Spanish, translated into English and French,
    on an agenda item and a meeting whose titles are translated too."""
    translate(session, "title", en="Regular meeting", fr="Séance ordinaire")
    item = actions.add_agenda_item(
        world["mineros_staff"], session, title="Solidaridad con ASARCO", minutes=20
    )
    translate(item, "title", en="Solidarity with ASARCO", fr="Solidarité avec ASARCO")
    motion = actions.submit_motion(
        world["mineros_officer"], session, text=SPANISH, language="es", agenda_item=item
    )
    translate(motion, "text", en=ENGLISH, fr=FRENCH)
    translate(world.nec, "name", en="National Executive Committee",
              fr="Comité exécutif national")  # fmt: skip
    return motion


@pytest.mark.parametrize(
    "persona, language, first, title, item",
    [
        ("observer", "en", "Send the letter", "Regular meeting", "Solidarity with ASARCO"),
        ("observer", "fr", "Envoyer la lettre", "Séance ordinaire", "Solidarité avec ASARCO"),
        ("mineros_officer", "es", "Enviar la carta", "Sesión", "Solidaridad con ASARCO"),
    ],
)  # fmt: skip
def test_a_spanish_motion_is_read_in_the_readers_language_first(
    client, world, spanish_motion, persona, language, first, title, item
):
    client.force_login(reader(world, persona, language))
    page = client.get(spanish_motion.meeting.get_absolute_url()).content.decode()
    shown_in, text = motion_lines(page)
    assert shown_in == language
    assert text.strip().startswith(first)
    assert re.search(rf"<h1[^>]*>{title}</h1>", page)
    assert f"<title>{title}" in page
    assert item in page
    if language == "es":
        assert "motion-original" not in page
    else:
        # The original, numbered as amendments refer to it, a tap away.
        original = page.split('class="small text-body-secondary mb-2 motion-original"')[
            1
        ]
        assert '<ol class="motion-lines mt-2" lang="es">' in original
        assert "Enviar la carta de solidaridad." in original.split("</details>")[0]


def test_a_los_mineros_executive_votes_on_spanish_text(client, world):
    """An English motion before the USW board, translated into Spanish: the Los
    Mineros observer reads Spanish; the English original is a tap away."""
    meeting = actions.schedule_meeting(
        world["usw_admin"], world.ieb, title="Regular meeting", starts_at=timezone.now(),
        mode="hybrid", place="Pittsburgh", language="en",
    )  # fmt: skip
    translate(meeting, "title", es="Sesión ordinaria")
    # What the chair writes for the meeting is in the meeting's language, whatever
    # the language she reads Alianza in.
    chair = reader(world, "usw_admin", "es")
    item = actions.add_agenda_item(chair, meeting, title="Pasta de Conchos", minutes=5)
    assert item.language == "en"
    reader(world, "usw_admin", "en")
    motion = Motion.objects.create(
        meeting=meeting, number=1, text=ENGLISH, language="en"
    )
    translate(motion, "text", es=SPANISH)
    client.force_login(world["mineros_observer"])
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert motion_lines(page) == ("es", motion_lines(page)[1])
    assert "Enviar la carta de solidaridad." in motion_lines(page)[1]
    assert "Sesión ordinaria" in page
    client.force_login(world["usw_admin"])
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert motion_lines(page)[0] == "en"
    assert "motion-original" not in page
    # A reader whose language has no translation is told what she reads.
    client.force_login(reader(world, "usw_member", "fr"))
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert motion_lines(page)[0] == "en"
    assert "Rédigé en anglais." in page
    # The projector shows the room the meeting's title in the reader's language.
    client.force_login(world["mineros_observer"])
    projector = client.get(reverse("governance:projector", args=[meeting.pk]))
    assert "<title>Sesión ordinaria" in projector.content.decode()


def test_an_amendment_reads_in_the_readers_language(client, world, spanish_motion):
    amendment = actions.amend_motion(
        world["mineros_officer"], spanish_motion, line_from=2, line_to=2,
        text="Acompañar a los cinco locales.", language="es",
    )  # fmt: skip
    translate(amendment, "text", en="Accompany the five locals.")
    client.force_login(reader(world, "observer", "en"))
    page = client.get(spanish_motion.meeting.get_absolute_url()).content.decode()
    block = page.split(f'id="motion-{amendment.number}"', 1)[1]
    assert block.index("Accompany the five locals.") < block.index(
        "Acompañar a los cinco locales."
    )


def test_follow_ups_and_minutes_in_the_readers_language(client, world, spanish_motion):
    Motion.objects.filter(pk=spanish_motion.pk).update(status=Motion.Status.ADOPTED)
    spanish_motion.refresh_from_db()
    follow_up = actions.add_follow_up(
        world["mineros_staff"], spanish_motion, task="Enviar la carta",
        owner=world["mineros_officer"].person,
        due_on=(timezone.now() + timedelta(days=30)).date(),
    )  # fmt: skip
    assert follow_up.language == "es"
    translate(follow_up, "task", en="Send the letter", fr="Envoyer la lettre")
    client.force_login(reader(world, "observer", "fr"))
    page = client.get(spanish_motion.meeting.get_absolute_url()).content.decode()
    assert "<strong>Envoyer la lettre</strong>" in page
    # The minutes assembled in English name the committee and carry the motion in
    # English; the Spanish original is untouched.
    english = assemble(spanish_motion.meeting, "en")
    assert english.startswith("National Executive Committee met on")
    assert "Send the letter of solidarity." in english
    assert "Solidarity with ASARCO" in english
    assert "Enviar la carta de solidaridad." in assemble(spanish_motion.meeting)


def test_the_chair_translates_the_agenda_another_union_does_not(
    client, world, spanish_motion
):
    item = AgendaItem.objects.get(meeting=spanish_motion.meeting)
    ct = ContentType.objects.get_for_model(AgendaItem).pk
    data = {"content_type": ct, "object_id": item.pk, "field": "title",
            "language": "fr", "text": "Solidarité avec les sections d'ASARCO"}  # fmt: skip
    for outsider in ("usw_staff", "observer", "member", "outsider"):
        client.force_login(world[outsider])
        client.post(reverse("multilingual:save"), data)
        item.__dict__.pop("_translations_cache", None)
        assert item.translations_for("title")["fr"].text == "Solidarité avec ASARCO"
    client.force_login(world["mineros_staff"])
    page = client.get(spanish_motion.meeting.get_absolute_url()).content.decode()
    assert "Translate the title and the agenda" in page or "Traducir" in page
    assert client.post(reverse("multilingual:save"), data).status_code == 302
    item.__dict__.pop("_translations_cache", None)
    assert item.translations_for("title")["fr"].text.endswith("sections d'ASARCO")


def test_a_follow_ups_task_is_translated_by_the_bodys_managers_only(
    client, world, spanish_motion
):
    Motion.objects.filter(pk=spanish_motion.pk).update(status=Motion.Status.ADOPTED)
    follow_up = FollowUp.objects.create(
        motion=spanish_motion, task="Enviar la carta", language="es",
        owner=world["mineros_officer"].person, due_on=timezone.now().date(),
    )  # fmt: skip
    ct = ContentType.objects.get_for_model(FollowUp).pk
    data = {"content_type": ct, "object_id": follow_up.pk, "field": "task",
            "language": "en", "text": "Send the letter"}  # fmt: skip
    client.force_login(world["usw_staff"])
    client.post(reverse("multilingual:save"), data)
    assert not follow_up.translations_for("task")
    client.force_login(world["mineros_staff"])
    assert client.post(reverse("multilingual:save"), data).status_code == 302
    follow_up.__dict__.pop("_translations_cache", None)
    assert follow_up.translations_for("task")["en"].text == "Send the letter"
    # The translation belongs to Los Mineros' committee: its history is read there.
    history = client.get(reverse("multilingual:history", args=[ct, str(follow_up.pk)]))
    assert history.status_code == 200
