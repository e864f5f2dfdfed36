"""The alliance's glossary: seeded with the reviewed terms, kept by the unions'
administrators and staff (audited), applied to drafts, and read by searches."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from alianza.audit.models import AuditEntry
from alianza.multilingual.actions import delete_glossary_term, save_glossary_term
from alianza.multilingual.machine import Term, protect, restore
from alianza.multilingual.models import GlossaryTerm
from alianza.multilingual.selectors import glossary_equivalents, glossary_terms_for
from conftest import client_for


@pytest.mark.django_db
def test_the_reviewed_terms_are_there():
    assert GlossaryTerm.objects.count() >= 20
    term = GlossaryTerm.objects.get(en="collective agreement")
    assert (term.es, term.fr) == ("contrato colectivo", "convention collective")
    assert GlossaryTerm.objects.get(en="local union").es == "sección"
    assert GlossaryTerm.objects.get(en="steward").fr == "délégué syndical"
    assert GlossaryTerm.objects.get(en="bargaining unit").fr == "unité de négociation"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("queja", {"grievance", "queja", "grief"}),
        ("GRIEVANCE", {"grievance", "queja", "grief"}),
        ("greve", {"strike", "huelga", "grève"}),
        (
            "  contrato   colectivo ",
            {"collective agreement", "contrato colectivo", "convention collective"},
        ),
        ("antigüedad", {"seniority", "antigüedad", "ancienneté"}),
        ("wage theft", set()),
        ("", set()),
    ],
)
def test_glossary_equivalents(word, expected):
    assert glossary_equivalents(word) == expected


@pytest.mark.django_db
def test_terms_from_one_language_to_another():
    pairs = {(t.source, t.target) for t in glossary_terms_for("es", "fr")}
    assert ("sección", "section locale") in pairs and ("queja", "grief") in pairs
    assert glossary_terms_for("es", "de") == []


def test_protecting_the_longest_term_first_whole_words_only():
    terms = [
        Term("collective agreement", "contrato colectivo"),
        Term("collective bargaining", "negociación colectiva"),
        Term("strike", "huelga"),
    ]
    text, targets = protect(
        "Collective bargaining under the collective agreement; strikers strike.", terms
    )
    assert "collective" not in text.lower() and "strikers" in text
    assert restore(text, targets) == (
        "Negociación colectiva under the contrato colectivo; strikers huelga."
    )
    # A placeholder the server spaced out is still found.
    assert restore("[[ G0 ]]", ["queja"]) == "queja"


def test_administrators_and_staff_keep_the_glossary_audited(world):
    term = save_glossary_term(
        world["mineros_staff"], None, en="shift", es="turno", fr="quart de travail"
    )
    entry = AuditEntry.objects.get(action="multilingual.glossary_term_saved")
    assert entry.organisation == world.mineros and entry.data["before"] is None
    save_glossary_term(
        world["usw_admin"],
        term,
        en="shift",
        es="turno",
        fr="quart",
        note="Work period.",
    )
    term.refresh_from_db()
    assert term.fr == "quart" and term.updated_for == world.usw
    latest = (
        AuditEntry.objects.filter(action="multilingual.glossary_term_saved")
        .order_by("id")
        .last()
    )
    assert latest.data["before"]["fr"] == "quart de travail"
    assert latest.organisation == world.usw
    delete_glossary_term(world["usw_staff"], term)
    assert not GlossaryTerm.objects.filter(en="shift").exists()
    assert (
        AuditEntry.objects.get(action="multilingual.glossary_term_deleted").data["es"]
        == "turno"
    )


@pytest.mark.parametrize(
    "persona", ["mineros_officer", "usw_officer", "observer", "member", "outsider"]
)
def test_officers_members_and_the_outsider_may_not_change_it(world, persona):
    term = GlossaryTerm.objects.get(en="grievance")
    with pytest.raises(PermissionDenied):
        save_glossary_term(
            world[persona], term, en="grievance", es="agravio", fr="plainte"
        )
    with pytest.raises(PermissionDenied):
        delete_glossary_term(world[persona], term)
    term.refresh_from_db()
    assert term.es == "queja"


def test_a_term_needs_its_three_languages_and_is_not_doubled(world):
    with pytest.raises(ValidationError) as refused:
        save_glossary_term(world["usw_staff"], None, en="shift", es="", fr="quart")
    assert "es" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        save_glossary_term(world["usw_staff"], None, en="Grievance", es="q", fr="g")
    assert "en" in refused.value.message_dict
    assert not GlossaryTerm.objects.filter(en__in=["shift", "Grievance"]).exists()


def test_the_page_lists_the_terms_and_offers_the_form_to_its_keepers(world, client):
    url = reverse("multilingual:glossary")
    page = client_for(client, world["member"]).get(url)
    assert "contrato colectivo" in page.content.decode()
    assert b'name="note"' not in page.content
    client.force_login(world["usw_staff"])
    page = client.get(url)
    assert b'name="note"' in page.content
    assert (
        reverse(
            "multilingual:glossary_term",
            args=[GlossaryTerm.objects.get(en="strike").pk],
        ).encode()
        in page.content
    )


def test_a_refused_term_shows_the_form_again(world, client):
    url = reverse("multilingual:glossary")
    page = client_for(client, world["usw_staff"]).post(
        url, {"en": "strike", "es": "x", "fr": "y"}
    )
    assert (
        page.status_code == 200
        and GlossaryTerm.objects.filter(en="strike").count() == 1
    )
