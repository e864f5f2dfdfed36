"""A body's name, short name and seats' titles in the reader's language: a Spanish,
a French and an English reader each read their own, both ways (an English original
shown in Spanish and French, a Spanish original shown in English and French), with
the original a tap away; managers translate them where they manage the body."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation

from alianza.bodies.forms import SeatForm
from alianza.bodies.models import Seat
from alianza.multilingual.models import Translation


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


def h1(response) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
    assert match, "the page has a heading"
    return match.group(1).strip()


def title(response) -> str:
    match = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)
    assert match
    return match.group(1)


@pytest.fixture
def ieb(world):
    """The USW board, written in English, translated into Spanish and French."""
    world.ieb.short_name = "IEB"
    world.ieb.save()
    translate(world.ieb, "name", es="Junta Ejecutiva Internacional",
              fr="Conseil exécutif international")  # fmt: skip
    translate(world.ieb, "short_name", es="JEI", fr="CEI")
    seat = world.ieb.seats.get(kind="observer")
    seat.title = "Observer for Los Mineros"
    seat.save()
    translate(seat, "title", es="Observadora de Los Mineros",
              fr="Observatrice de Los Mineros")  # fmt: skip
    return world.ieb


@pytest.fixture
def nec(world):
    """Los Mineros' committee, written in Spanish, translated into English and French."""
    translate(world.nec, "name", en="National Executive Committee",
              fr="Comité exécutif national")  # fmt: skip
    seat = world.nec.seats.get(kind="observer")
    seat.title = "Observador de los Steelworkers"
    seat.language = "es"
    seat.save()
    translate(seat, "title", en="Steelworkers' observer", fr="Observateur des Métallos")
    return world.nec


@pytest.mark.parametrize(
    "persona, language, name, seat_title",
    [
        ("mineros_observer", "es", "Junta Ejecutiva Internacional",
         "Observadora de Los Mineros"),
        ("mineros_observer", "fr", "Conseil exécutif international",
         "Observatrice de Los Mineros"),
        ("usw_admin", "en", "International Executive Board",
         "Observer for Los Mineros"),
    ],
)  # fmt: skip
def test_an_english_body_in_each_readers_language(
    client, world, ieb, persona, language, name, seat_title
):
    client.force_login(reader(world, persona, language))
    response = client.get(ieb.get_absolute_url())
    assert response.status_code == 200
    assert h1(response) == name
    assert title(response).startswith(name)
    page = response.content.decode()
    assert seat_title in page
    if language == "en":
        assert "Junta Ejecutiva" not in page and "original-text" not in page
    else:
        # The translation is marked as such, the original a tap away.
        assert (
            '<span class="original-text" lang="en">International Executive Board'
            in page
        )
        assert "Observer for Los Mineros" not in page


@pytest.mark.parametrize(
    "persona, language, name, seat_title",
    [
        ("observer", "en", "National Executive Committee", "Steelworkers&#x27; observer"),
        ("observer", "fr", "Comité exécutif national", "Observateur des Métallos"),
        ("mineros_staff", "es", "Comité Ejecutivo Nacional",
         "Observador de los Steelworkers"),
    ],
)  # fmt: skip
def test_a_spanish_body_in_each_readers_language(
    client, world, nec, persona, language, name, seat_title
):
    client.force_login(reader(world, persona, language))
    response = client.get(nec.get_absolute_url())
    assert h1(response) == name
    assert seat_title in response.content.decode()
    listing = client.get(reverse("bodies:bodies")).content.decode()
    assert f">{name}</a>" in listing


def test_the_list_reads_in_the_readers_language_and_order(client, world, ieb, nec):
    client.force_login(reader(world, "usw_admin", "es"))
    page = client.get(reverse("bodies:bodies")).content.decode()
    assert "Junta Ejecutiva Internacional" in page
    assert ">International Executive Board<" not in page


def test_the_seat_choices_read_in_the_readers_language(world, ieb):
    seat = ieb.seats.get(kind="observer")
    seat.kind = Seat.Kind.MEMBER
    seat.can_vote, seat.is_member = True, True
    seat.save()
    form = SeatForm(body=ieb)
    field = form.fields["alternate_for"]
    with translation.override("fr"):
        labels = [field.label_from_instance(s) for s in field.queryset]
    assert "Observatrice de Los Mineros (Olga Observadora)" in labels


def test_managers_translate_names_where_they_manage_the_body(client, world, nec):
    ct = ContentType.objects.get_for_model(type(nec)).pk
    page = client_get(client, world["mineros_staff"], nec.get_absolute_url())
    assert "Translate the name" in page or "Traducir el nombre" in page
    response = client.post(
        reverse("multilingual:save"),
        {"content_type": ct, "object_id": nec.pk, "field": "short_name",
         "language": "en", "text": "NEC"},
    )  # fmt: skip
    assert response.status_code == 302
    assert nec.translations_for("short_name")["en"].text == "NEC"
    # Another union's staff reads the body's name but may not translate it.
    client.force_login(world["usw_staff"])
    before = Translation.objects.count()
    refused = client.post(
        reverse("multilingual:save"),
        {"content_type": ct, "object_id": nec.pk, "field": "name",
         "language": "fr", "text": "Faux nom"},
    )  # fmt: skip
    assert refused.status_code in (302, 403)
    assert Translation.objects.count() == before
    assert nec.translations_for("name")["fr"].text == "Comité exécutif national"
    page = client_get(client, world["usw_staff"], nec.get_absolute_url())
    assert "Translate the name" not in page


def test_a_seat_title_is_translated_by_its_delegations_managers(client, world, nec):
    seat = nec.seats.get(kind="observer")
    ct = ContentType.objects.get_for_model(Seat).pk
    data = {"content_type": ct, "object_id": seat.pk, "field": "title",
            "language": "en", "text": "Observer for the Steelworkers"}  # fmt: skip
    client.force_login(world["member"])
    client.post(reverse("multilingual:save"), data)
    assert seat.translations_for("title")["en"].text == "Steelworkers' observer"
    client.force_login(world["mineros_staff"])
    assert client.post(reverse("multilingual:save"), data).status_code == 302
    seat.__dict__.pop("_translations_cache", None)
    assert seat.translations_for("title")["en"].text == "Observer for the Steelworkers"


def client_get(client, user, url) -> str:
    client.force_login(user)
    return client.get(url).content.decode()


def test_the_union_and_person_pages_name_bodies_and_seats_in_the_readers_language(
    client, world, ieb
):
    client.force_login(reader(world, "usw_staff", "es"))
    page = client.get(world.usw.get_absolute_url()).content.decode()
    assert ">Junta Ejecutiva Internacional</a>" in page
    # Los Mineros' staff, reading in French, on their observer's page.
    client.force_login(reader(world, "mineros_staff", "fr"))
    person = world["mineros_observer"].person
    page = client.get(person.get_absolute_url()).content.decode()
    assert ">Conseil exécutif international</a> — Observatrice de Los Mineros" in page
