"""User-written texts in several languages: what a reader sees, and attaching a
translation (its permission and its audit entry)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from alianza.audit.models import AuditEntry
from alianza.multilingual.actions import save_translation
from alianza.multilingual.models import PastTranslation, Translation
from alianza.multilingual.text import available_languages, language_name, render_for

ORIGINAL = "Sindicato democrático e independiente."
ENGLISH = "A democratic and independent union."


@pytest.fixture
def mineros(world):
    """Los Mineros, described in Spanish; Sofía administers it."""
    return world.mineros


def _translate(world, text=ENGLISH, language="en"):
    return save_translation(
        world["mineros_staff"], world.mineros, "description", language, text
    )


def test_reader_sees_the_original_when_there_is_no_translation(mineros):
    rendition = render_for(mineros, "description", "en")
    assert rendition.text == ORIGINAL and rendition.language == "es"
    assert not rendition.is_translation


def test_reader_sees_her_language_with_the_original_a_click_away(world, mineros):
    _translate(world)
    rendition = render_for(mineros, "description", "en-gb")
    assert rendition.text == ENGLISH and rendition.language == "en"
    assert rendition.is_translation
    assert rendition.original_text == ORIGINAL
    assert rendition.original_language == "es"
    # A reader of the original language reads the original.
    assert render_for(mineros, "description", "es").text == ORIGINAL
    # A language without a translation falls back to the original.
    assert render_for(mineros, "description", "fr").text == ORIGINAL
    assert available_languages(mineros, "description") == ["en", "es"]


def test_a_blank_translation_is_not_shown(world, mineros):
    _translate(world)
    Translation.objects.update(text="   ")
    mineros.__dict__.pop("_translations_cache", None)
    assert render_for(mineros, "description", "en").text == ORIGINAL


def test_translations_are_read_once_per_record(
    world, mineros, django_assert_num_queries
):
    _translate(world)
    mineros.__dict__.pop("_translations_cache", None)
    with django_assert_num_queries(1):  # its translations (content types are cached)
        mineros.translations_for("description")
    with django_assert_num_queries(0):
        render_for(mineros, "description", "en")
        available_languages(mineros, "description")


def test_saving_attaches_then_replaces_and_is_audited(world, mineros):
    first = _translate(world)
    assert render_for(mineros, "description", "en").text == ENGLISH
    second = _translate(world, text="A union, democratic and independent.")
    assert first.pk == second.pk and Translation.objects.count() == 1
    # The record's cached translations were refreshed.
    assert (
        render_for(mineros, "description", "en").text
        == "A union, democratic and independent."
    )
    assert second.translated_by == world["mineros_staff"]
    entries = AuditEntry.objects.filter(action="multilingual.translation_saved")
    assert entries.count() == 2
    entry = entries.last()
    assert entry.organisation == mineros and entry.actor == world["mineros_staff"]
    mineros_id = world.mineros.pk
    assert {e.data["replaced"] for e in entries} == {False, True}
    for entry in entries:
        assert entry.data["field"] == "description" and entry.data["language"] == "en"
        assert entry.data["union"] == entry.data["owner"] == mineros_id
    # The first translation is kept in the history: who wrote it, and when.
    past = PastTranslation.objects.get()
    assert past.text == ENGLISH and past.translated_by == world["mineros_staff"]
    assert past.union == world.mineros and not past.was_withdrawn


def test_only_who_may_edit_the_record_may_translate_it(world, mineros):
    for persona in ("mineros_officer", "member", "usw_admin", "outsider"):
        with pytest.raises(PermissionDenied):
            save_translation(world[persona], mineros, "description", "en", ENGLISH)
    assert not Translation.objects.exists()
    assert not AuditEntry.objects.filter(
        action="multilingual.translation_saved"
    ).exists()


@pytest.mark.parametrize(
    ("field", "language", "text"),
    [
        ("name", "en", ENGLISH),  # not a translatable field
        ("description", "es", ENGLISH),  # the language it was written in
        ("description", "xx", ENGLISH),  # not a language offered
        ("description", "en", "  "),  # empty
    ],
)
def test_a_translation_that_makes_no_sense_is_refused(
    world, mineros, field, language, text
):
    with pytest.raises(ValidationError):
        save_translation(world["mineros_staff"], mineros, field, language, text)
    assert not Translation.objects.exists()


def test_language_names_read_inside_a_sentence():
    with translation.override("en"):
        assert language_name("es") == "Spanish"
    with translation.override("es"):
        assert language_name("en") == "inglés"
    with translation.override("fr"):
        assert language_name("es") == "espagnol"


def _render(template: str, **context) -> str:
    request = RequestFactory().get("/organisations/los-mineros/")
    return Template("{% load multilingual %}" + template).render(
        Context({"request": request, **context})
    )


def test_the_tag_shows_the_readers_language_and_the_original(world, mineros):
    _translate(world)
    with translation.override("en"):
        html = _render("{% multilingual org 'description' %}", org=mineros)
    assert ENGLISH in html and ORIGINAL in html
    assert "Translated into English from Spanish" in html
    assert 'lang="en"' in html and 'lang="es"' in html
    # No translation form without the right to translate.
    assert "multilingual/translations" not in html and "Save translation" not in html


def test_the_tag_offers_the_form_to_who_may_translate(mineros):
    with translation.override("en"):
        html = _render(
            "{% multilingual org 'description' may_translate=True %}", org=mineros
        )
    assert ORIGINAL in html
    assert "No English translation yet — shown in Spanish." in html
    assert "Save translation" in html
    assert f'name="object_id" value="{mineros.pk}"' in html


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_the_form_posts_ids_as_plain_numbers_in_every_language(world, language):
    """An id is written for the server, not for the reader: 12345, never 12,345 /
    12.345 / 12 345 (which the server would not find)."""
    union = world.mineros
    union.pk = 12345
    union.slug = "mineros-12345"
    union.save()
    with translation.override(language):
        html = _render(
            "{% multilingual org 'description' may_translate=True %}", org=union
        )
    assert 'name="object_id" value="12345"' in html


def test_the_title_tag_gives_only_the_text(world, mineros):
    _translate(world)
    with translation.override("en"):
        assert _render("{% translated org 'description' %}", org=mineros) == ENGLISH
    with translation.override("fr"):
        assert _render("{% translated org 'description' %}", org=mineros) == ORIGINAL


def test_a_reader_of_the_original_is_told_its_language(mineros):
    with translation.override("es"):
        html = _render("{% multilingual org 'description' %}", org=mineros)
    assert "Written in" not in html or "Escrito" in html
    assert "translation yet" not in html and "no-translation" not in html


@pytest.mark.parametrize(
    ("language", "says"),
    [
        ("en", "No English translation yet — shown in Spanish."),
        ("fr", "Pas encore de traduction en français — affiché en espagnol."),
    ],
)
def test_the_tag_says_when_her_language_has_no_translation(mineros, language, says):
    """Said in the reader's language, the language names too."""
    with translation.override(language):
        html = _render("{% multilingual org 'description' %}", org=mineros)
    assert says in html
    assert (
        f'class="small text-body-secondary mb-2 no-translation" lang="{language}"'
        in html
    )
    # Who may not translate is not offered the form.
    assert "Add a translation" not in html


def test_the_add_translation_form_is_a_tap_away_for_who_may_translate(mineros):
    with translation.override("fr"):
        html = _render(
            "{% multilingual org 'description' may_translate=True %}", org=mineros
        )
    anchor = f"tr-description-{mineros.pk}"
    assert f'href="#{anchor}"' in html and f'id="{anchor}"' in html
    # The reader's language is the one the form offers first.
    assert '<option value="fr" selected>' in html


def test_a_machine_draft_is_marked_until_approved(world, mineros):
    from alianza.multilingual.actions import approve_translation

    draft = Translation.objects.create(
        content_type_id=_content_type(mineros), object_id=str(mineros.pk),
        field="description", language="en", text=ENGLISH, machine=True,
    )  # fmt: skip
    with translation.override("en"):
        html = _render("{% multilingual org 'description' %}", org=mineros)
        note = _render("{% translation_note org 'description' %}", org=mineros)
    assert ENGLISH in html and "Machine translation — not yet reviewed" in html
    assert "Machine translation — not yet reviewed" in note
    assert "Approve this translation" not in html
    mineros.__dict__.pop("_translations_cache", None)
    with translation.override("en"):
        html = _render(
            "{% multilingual org 'description' may_translate=True %}", org=mineros
        )
    assert "Approve this translation" in html
    approve_translation(world["mineros_staff"], draft)
    mineros.__dict__.pop("_translations_cache", None)
    with translation.override("en"):
        html = _render("{% multilingual org 'description' %}", org=mineros)
    assert ENGLISH in html and "Machine translation" not in html
    assert "Translated by Sofía Staff (Los Mineros)" in html


def _content_type(record) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(type(record)).pk
