"""Who may use the pages and endpoints of multilingual: its rows of the authorisation matrix."""

import pytest
from django.urls import reverse

from tests import matrix_records as rec
from tests.matrix import (
    MANAGERS,
    MINEROS_LEADERS,
    NOT_MINEROS,
    PERSONAS,
    REDIRECT,
    USW_LEADERS,
    Row,
    allow,
    expect,
    matrix_tests,
    run_page,
)


def _assert(condition: bool) -> None:
    assert condition


def _usw_translation_of_a_mineros_post(w):
    """The attack: USW staff's English translation of a Los Mineros council post."""
    from alianza.councils.actions import post_news
    from alianza.multilingual.actions import save_translation
    from alianza.multilingual.models import Translation

    existing = Translation.objects.filter(field="title", language="en").first()
    if existing is not None:
        return existing
    post = post_news(
        w["mineros_staff"], rec.the_council(w), kind="strike",
        title="La huelga de Cananea sigue", body="La huelga continúa.", language="es",
    )  # fmt: skip
    return save_translation(
        w["usw_staff"], post, "title", "en", "Los Mineros call off the Cananea strike"
    )


@pytest.fixture(autouse=True)
def _translation_server(server):
    """The unions' translation server (a stand-in) is set up for every row."""
    return server


def _machine_draft(body_of: str, language: str):
    """A machine's draft of a board's description, not yet reviewed."""

    def draft(w):
        from alianza.multilingual.models import Translation

        body = getattr(w, body_of)
        translation, _new = Translation.objects.get_or_create(
            content_type_id=rec.the_content_type(body),
            object_id=str(body.pk),
            field="description",
            language=language,
            defaults={
                "text": "Borrador de la máquina / machine draft",
                "machine": True,
            },
        )
        return translation

    return draft


def _approved(body_of: str, language: str):
    def check(w) -> None:
        assert not _machine_draft(body_of, language)(w).machine

    return check


def _drafted(w) -> None:
    drafts = w.nec.translations_for("description")
    assert sorted(drafts) == ["en", "fr"]
    assert all(d.machine for d in drafts.values())


def _a_term(w):
    from alianza.multilingual.models import GlossaryTerm

    return GlossaryTerm.objects.get(en="grievance")


def _term_corrected(w) -> None:
    assert _a_term(w).note == "Under the collective agreement."


def _term_added(w) -> None:
    from alianza.multilingual.models import GlossaryTerm

    term = GlossaryTerm.objects.get(en="shift")
    assert (term.es, term.fr) == ("turno", "quart de travail")


def _withdrawn(w) -> None:
    from alianza.multilingual.models import PastTranslation, Translation

    assert not Translation.objects.filter(field="title", language="en").exists()
    assert PastTranslation.objects.get(field="title").was_withdrawn


#: Who reads the matrix council's exchange: the staff of its coordinating unions
#: (they take part) and the member of its member local; to the officers of other
#: units and everyone else its posts do not exist.
COUNCIL_READERS = MANAGERS | {"usw_member"}
NOT_COUNCIL_READERS = set(PERSONAS) - {"anonymous"} - COUNCIL_READERS

PAGES: dict[str, Row] = {
    "multilingual:save": Row(
        lambda w: reverse("multilingual:save"),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {
            "content_type": rec.the_content_type(w.nec),
            "object_id": w.nec.pk,
            "field": "description",
            "language": "en",
            "text": "The union's governing body.",
        },
        check=lambda w: _assert(
            w.nec.translations_for("description")["en"].text
            == "The union's governing body."
        ),
    ),
    "multilingual:history": Row(
        lambda w: reverse(
            "multilingual:history",
            args=[
                _usw_translation_of_a_mineros_post(w).content_type_id,
                _usw_translation_of_a_mineros_post(w).object_id,
            ],
        ),
        # Whoever reads the council reads who translated what; those who do not
        # read it do not learn that the post exists.
        expect(200, **dict.fromkeys(NOT_COUNCIL_READERS, 404)),
    ),
    "multilingual:reject": Row(
        lambda w: reverse(
            "multilingual:reject", args=[_usw_translation_of_a_mineros_post(w).pk]
        ),
        # Los Mineros' leaders who read the council reject it; USW (who wrote it)
        # is refused.
        {
            **allow(MINEROS_LEADERS & COUNCIL_READERS, REDIRECT),
            **dict.fromkeys(NOT_COUNCIL_READERS, 404),
        },
        method="post",
        check=_withdrawn,
    ),
    "multilingual:draft": Row(
        lambda w: reverse("multilingual:draft"),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {
            "content_type": rec.the_content_type(w.nec),
            "object_id": w.nec.pk,
            "field": "description",
        },
        check=_drafted,
    ),
    "multilingual:approve": Row(
        lambda w: reverse(
            "multilingual:approve", args=[_machine_draft("nec", "en")(w).pk]
        ),
        # Who may translate Los Mineros' committee approves; those who read its page
        # (its members, the USW's observer who sits on it) may not; for the others
        # the committee's translations do not exist.
        {
            **allow({"mineros_staff"}, REDIRECT),
            **dict.fromkeys(NOT_MINEROS, 404),
        },
        method="post",
        check=_approved("nec", "en"),
    ),
    "multilingual:glossary": Row(
        lambda w: reverse("multilingual:glossary"), expect(200)
    ),
    "multilingual:glossary_term": Row(
        lambda w: reverse("multilingual:glossary_term", args=[_a_term(w).pk]),
        allow(MANAGERS, REDIRECT),
        method="post",
        data=lambda w: {
            "en": "grievance",
            "es": "queja",
            "fr": "grief",
            "note": "Under the collective agreement.",
        },
        check=_term_corrected,
    ),
}

API: dict[str, Row] = {}

test_page, test_api, test_every_route_has_a_row = matrix_tests(
    "multilingual", PAGES, API
)


#: Those for whom the USW's board does not exist (Los Mineros' observer sits on it).
NOT_USW = {"outsider", "member", "mineros_officer", "mineros_staff"}

# The other direction: Los Mineros' translation of a USW post -------------------------
# The USW's leaders reject it; Los Mineros (who wrote it) are refused. A translation of
# the USW's own board is written by those who may change the board, the USW's staff.


def _mineros_translation_of_a_usw_post(w):
    from alianza.councils.actions import post_news
    from alianza.multilingual.actions import save_translation
    from alianza.multilingual.models import Translation

    existing = Translation.objects.filter(field="title", language="es").first()
    if existing is not None:
        return existing
    post = post_news(
        w["usw_staff"], rec.the_council(w), kind="strike",
        title="The Hayden strike goes on", body="It goes on.", language="en",
    )  # fmt: skip
    return save_translation(
        w["mineros_staff"], post, "title", "es", "USW levanta la huelga de Hayden"
    )


def _spanish_withdrawn(w) -> None:
    from alianza.multilingual.models import PastTranslation, Translation

    assert not Translation.objects.filter(field="title", language="es").exists()
    assert PastTranslation.objects.get(field="title", language="es").was_withdrawn


MIRROR_PAGES: dict[str, Row] = {
    "multilingual:glossary (adding a term)": Row(
        lambda w: reverse("multilingual:glossary"),
        allow(MANAGERS, REDIRECT),
        method="post",
        data=lambda w: {"en": "shift", "es": "turno", "fr": "quart de travail"},
        check=_term_added,
    ),
    "multilingual:reject (Los Mineros' translation of a USW post)": Row(
        lambda w: reverse(
            "multilingual:reject", args=[_mineros_translation_of_a_usw_post(w).pk]
        ),
        {
            **allow(USW_LEADERS & COUNCIL_READERS, REDIRECT),
            **dict.fromkeys(NOT_COUNCIL_READERS, 404),
        },
        method="post",
        check=_spanish_withdrawn,
    ),
    "multilingual:approve (a draft of the USW's board)": Row(
        lambda w: reverse(
            "multilingual:approve", args=[_machine_draft("ieb", "es")(w).pk]
        ),
        {
            **allow({"usw_staff", "usw_admin"}, REDIRECT),
            **dict.fromkeys(NOT_USW, 404),
        },
        method="post",
        check=_approved("ieb", "es"),
    ),
    "multilingual:save (the USW's board)": Row(
        lambda w: reverse("multilingual:save"),
        allow({"usw_staff", "usw_admin"}, REDIRECT),
        method="post",
        data=lambda w: {
            "content_type": rec.the_content_type(w.ieb),
            "object_id": w.ieb.pk,
            "field": "description",
            "language": "es",
            "text": "El órgano de gobierno del sindicato.",
        },
        check=lambda w: _assert(
            w.ieb.translations_for("description")["es"].text
            == "El órgano de gobierno del sindicato."
        ),
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MIRROR_PAGES))
def test_mirror_page(client, matrix_world, name, persona):
    run_page(client, matrix_world, MIRROR_PAGES[name], persona)


# Translating the council's exchange, both ways: whoever takes part in the council
# translates any post, the other union's too; the translation says who wrote it and
# for which union (so that the post's union may reject it, above). Its readers who
# do not take part, and those outside it, are refused, nothing saved.


def _translator(w):
    """The persona who saved the translation (the matrix signs her in just before)."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.exclude(last_login=None).latest("last_login")


def _a_post(union: str):
    def post(w):
        from alianza.councils.actions import post_news
        from alianza.councils.models import CouncilPost

        staff = w["usw_staff" if union == "usw" else "mineros_staff"]
        found = CouncilPost.objects.filter(author=staff).first()
        language = "en" if union == "usw" else "es"
        return found or post_news(
            staff, rec.the_council(w), kind="strike", title=f"Post ({union})",
            body="…", language=language,
        )  # fmt: skip

    return post


def _translated_by_the_poster(union: str, language: str):
    def check(w) -> None:
        from alianza.multilingual.models import Translation

        post = _a_post(union)(w)
        translation = Translation.objects.get(
            object_id=str(post.pk), field="title", language=language
        )
        assert translation.translated_by == _translator(w)
        assert translation.text == "Traducción / translation"

    return check


def _translate(union: str, language: str) -> Row:
    return Row(
        lambda w: reverse("multilingual:save"),
        # Those who take part in the council: the matrix's coordinating staff.
        allow(MANAGERS, REDIRECT),
        method="post",
        data=lambda w: {
            "content_type": rec.the_content_type(_a_post(union)(w)),
            "object_id": _a_post(union)(w).pk,
            "field": "title",
            "language": language,
            "text": "Traducción / translation",
        },
        check=_translated_by_the_poster(union, language),
    )


SHARED_PAGES: dict[str, Row] = {
    "multilingual:save (a Los Mineros council post, into English)": _translate(
        "mineros", "en"
    ),
    "multilingual:save (a USW council post, into Spanish)": _translate("usw", "es"),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(SHARED_PAGES))
def test_shared_page(client, matrix_world, name, persona):
    run_page(client, matrix_world, SHARED_PAGES[name], persona)
