"""A translation says who wrote it, for which union and when; the union the text
belongs to is told when another union translates it, and may reject the translation;
replaced and rejected translations stay in the history.

The attack: USW staff changed the English translation of a Los Mineros council post
to "Los Mineros call off the Cananea strike", with nothing showing who changed it.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from alianza.audit.models import AuditEntry
from alianza.councils.actions import post_news
from alianza.multilingual.actions import (
    history_url,
    reject_translation,
    save_translation,
)
from alianza.multilingual.ground import ownership
from alianza.multilingual.models import PastTranslation, Translation
from alianza.multilingual.text import render_for
from tests import matrix_records as rec

FORGED = "Los Mineros call off the Cananea strike"
HONEST = "The Cananea strike goes on"


@pytest.fixture
def council(world):
    return rec.the_council(world)


@pytest.fixture
def mineros_post(world, council):
    """A Los Mineros post on the council's exchange, written in Spanish."""
    return post_news(
        world["mineros_staff"], council, kind="strike",
        title="La huelga de Cananea sigue", body="La huelga continúa.", language="es",
    )  # fmt: skip


@pytest.fixture
def usw_post(world, council):
    """A USW post on the same exchange, written in English."""
    return post_news(
        world["usw_staff"], council, kind="bargaining",
        title="Hayden talks resume", body="Bargaining resumes on Monday.", language="en",
    )  # fmt: skip


def _state():
    """What the database holds about translations, to check a refusal changed nothing."""
    return (
        sorted(Translation.objects.values_list("pk", "text", "union_id")),
        sorted(PastTranslation.objects.values_list("pk", "outcome")),
        AuditEntry.objects.filter(action__startswith="multilingual.").count(),
    )


def _tag(record, field, language="en"):
    request = RequestFactory().get("/")
    with translation.override(language):
        return Template("{% load multilingual %}{% multilingual r f %}").render(
            Context({"request": request, "r": record, "f": field})
        )


def test_the_owner_of_a_post_on_shared_ground_is_its_authors_union(
    world, council, mineros_post, usw_post
):
    owner = ownership(mineros_post)
    assert owner.space == council.space and owner.organisation_id == world.mineros.pk
    assert ownership(usw_post).organisation_id == world.usw.pk
    # A union's own record belongs to it.
    assert ownership(world.nec).organisation_id == world.mineros.pk


def test_usw_staff_may_translate_a_mineros_post_but_it_shows_who_did_and_mineros_is_told(
    world, council, mineros_post, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()  # founding the council may have told the unions of proposals
    with django_capture_on_commit_callbacks(execute=True):
        tr = save_translation(world["usw_staff"], mineros_post, "title", "en", FORGED)
    assert tr.translated_by == world["usw_staff"] and tr.union == world.usw
    assert tr.translator_name == "Sam Staff"
    # Every reader sees who wrote it, for which union, and when; the original a tap away.
    html = _tag(mineros_post, "title")
    assert FORGED in html and "La huelga de Cananea sigue" in html
    assert "Translated by Sam Staff (USW)" in html
    assert history_url(mineros_post) in html
    # Los Mineros' leaders are told, each in her language, with a link to reject it.
    told = {m.to[0]: m for m in mailoutbox}
    assert set(told) == {"staff@mineros.test", "officer@mineros.test"}
    mail = told["staff@mineros.test"]
    assert "Sam Staff (USW)" in mail.body and history_url(mineros_post) in mail.body
    assert "inglés" in mail.body  # Sofía reads Spanish
    # The audit entry sits on the shared ground and names the union that acted.
    entry = AuditEntry.objects.get(action="multilingual.translation_saved")
    assert entry.space == council.space
    assert entry.data["union"] == world.usw.pk
    assert entry.data["owner"] == world.mineros.pk


def test_a_translation_within_the_owning_union_tells_no_one(
    world, mineros_post, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()  # founding the council may have told the unions of proposals
    with django_capture_on_commit_callbacks(execute=True):
        tr = save_translation(
            world["mineros_staff"], mineros_post, "title", "en", HONEST
        )
    assert tr.union == world.mineros and mailoutbox == []


def test_mineros_rejects_the_usw_translation_it_is_withdrawn_and_kept_in_history(
    world, council, mineros_post
):
    tr = save_translation(world["usw_staff"], mineros_post, "title", "en", FORGED)
    past = reject_translation(world["mineros_staff"], tr)
    assert not Translation.objects.exists()
    assert past.was_withdrawn and past.text == FORGED
    assert past.translated_by == world["usw_staff"] and past.union == world.usw
    assert past.ended_by == world["mineros_staff"]
    # Readers see the original again.
    assert render_for(mineros_post, "title", "en").text == "La huelga de Cananea sigue"
    entry = AuditEntry.objects.get(action="multilingual.translation_rejected")
    assert entry.space == council.space and entry.actor == world["mineros_staff"]
    assert entry.data["union"] == world.mineros.pk
    assert entry.data["translator_union"] == world.usw.pk


@pytest.mark.parametrize("persona", ["usw_staff", "usw_admin", "observer", "outsider"])
def test_another_union_cannot_reject_a_translation_of_mineros_text(
    world, mineros_post, persona
):
    tr = save_translation(world["mineros_staff"], mineros_post, "title", "en", HONEST)
    before = _state()
    with pytest.raises(PermissionDenied):
        reject_translation(world[persona], tr)
    assert _state() == before


@pytest.mark.parametrize("persona", ["mineros_staff", "mineros_officer", "outsider"])
def test_mineros_cannot_reject_a_translation_of_usw_text(world, usw_post, persona):
    tr = save_translation(world["mineros_staff"], usw_post, "body", "es", "Falso.")
    before = _state()
    with pytest.raises(PermissionDenied):
        reject_translation(world[persona], tr)
    assert _state() == before


def test_usw_is_told_of_a_mineros_translation_of_its_post_and_may_reject_it(
    world, usw_post, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()  # founding the council may have told the unions of proposals
    with django_capture_on_commit_callbacks(execute=True):
        tr = save_translation(world["mineros_staff"], usw_post, "body", "es", "Falso.")
    assert tr.union == world.mineros
    assert {m.to[0] for m in mailoutbox} == {
        "admin@usw.test",
        "staff@usw.test",
        "officer@usw.test",
        "observer@usw.test",
    }
    reject_translation(world["usw_admin"], tr)
    assert not Translation.objects.exists()
    assert PastTranslation.objects.get().was_withdrawn


def test_the_original_author_may_reject_a_translation_of_her_text(world, usw_post):
    tr = save_translation(world["mineros_staff"], usw_post, "body", "es", "Falso.")
    reject_translation(world["usw_staff"], tr)  # she wrote the post
    assert not Translation.objects.exists()


def test_an_outsider_cannot_translate(world, mineros_post, usw_post):
    before = _state()
    for post in (mineros_post, usw_post):
        with pytest.raises(PermissionDenied):
            save_translation(world["outsider"], post, "title", "fr", FORGED)
    assert _state() == before


def test_replacing_keeps_the_previous_translation_in_history(world, mineros_post):
    save_translation(world["mineros_staff"], mineros_post, "title", "en", HONEST)
    tr = save_translation(world["usw_staff"], mineros_post, "title", "en", FORGED)
    assert Translation.objects.get().text == FORGED and tr.union == world.usw
    past = PastTranslation.objects.get()
    assert past.text == HONEST and past.translated_by == world["mineros_staff"]
    assert past.union == world.mineros and not past.was_withdrawn
    assert past.ended_by == world["usw_staff"]
    entry = AuditEntry.objects.filter(action="multilingual.translation_saved").latest(
        "id"
    )
    assert entry.data["replaced"] is True and entry.data["union"] == world.usw.pk


def test_the_history_page_shows_who_wrote_what_and_offers_rejection_to_the_owner(
    client, world, mineros_post
):
    save_translation(world["mineros_staff"], mineros_post, "title", "en", HONEST)
    save_translation(world["usw_staff"], mineros_post, "title", "en", FORGED)
    url = history_url(mineros_post)
    client.force_login(world["mineros_staff"])
    with translation.override("en"):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert FORGED in page and HONEST in page
    assert "Sam Staff (USW)" in page and "Sofía Staff (Los Mineros)" in page
    reject = reverse("multilingual:reject", args=[Translation.objects.get().pk])
    assert reject in page
    # USW staff reads the history but is offered no rejection.
    client.force_login(world["usw_staff"])
    page = client.get(url).content.decode()
    assert FORGED in page and reject not in page
    # Someone who cannot see the post does not learn it exists.
    client.force_login(world["outsider"])
    assert client.get(url).status_code == 404


def test_rejecting_through_the_page(client, world, mineros_post):
    tr = save_translation(world["usw_staff"], mineros_post, "title", "en", FORGED)
    url = reverse("multilingual:reject", args=[tr.pk])
    before = _state()
    client.force_login(world["usw_staff"])
    assert client.post(url).status_code == 403
    client.force_login(world["outsider"])
    assert client.post(url).status_code == 404
    assert _state() == before
    client.force_login(world["mineros_staff"])
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == history_url(mineros_post)
    assert not Translation.objects.exists()
    assert PastTranslation.objects.get().was_withdrawn


def test_translations_saved_before_provenance_get_their_translators_name_and_union(
    world,
):
    """The data migration fills in who saved an older translation, and her union."""
    import importlib

    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    older = Translation.objects.create(
        content_type=ContentType.objects.get_for_model(type(world.mineros)),
        object_id=str(world.mineros.pk), field="description", language="en",
        text="A union.", translated_by=world["mineros_staff"],
    )  # fmt: skip
    migration = importlib.import_module(
        "alianza.multilingual.migrations.0003_backfill_translation_provenance"
    )
    migration.backfill(apps, None)
    older.refresh_from_db()
    assert older.translator_name == "Sofía Staff" and older.union == world.mineros


def test_the_council_page_shows_who_translated_a_headline_with_the_original(
    client, world, council, mineros_post
):
    """The attack's headline, read on the council page in English: who wrote the
    translation and for which union, and the original a tap away."""
    save_translation(world["usw_staff"], mineros_post, "title", "en", FORGED)
    # A member of the council's member local reads its exchange.
    client.force_login(world["usw_member"])
    page = client.get(
        council.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    headline = page[page.index(f'id="post-{mineros_post.pk}"') :]
    headline = headline[: headline.index("</article>")]
    assert FORGED in headline
    assert "Translated by Sam Staff (USW)" in headline
    assert "La huelga de Cananea sigue" in headline
    assert history_url(mineros_post) in headline


@pytest.mark.parametrize(
    ("language", "said"),
    [("es", "en español."), ("fr", "en espagnol."), ("en", "in Spanish.")],
)
def test_the_history_page_names_the_language_mid_sentence_as_the_reader_writes_it(
    client, world, mineros_post, language, said
):
    """Spanish and French write a language's name in lower case within a sentence."""
    reader = world["usw_staff"]
    type(reader).objects.filter(pk=reader.pk).update(language=language)
    client.force_login(reader)
    page = client.get(history_url(mineros_post)).content.decode()
    sentence = page.split("</h1>", 1)[1].split("</p>", 1)[0]
    assert said in sentence
