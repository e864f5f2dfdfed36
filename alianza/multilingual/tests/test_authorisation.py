"""Who may use the pages and endpoints of multilingual: its rows of the authorisation matrix."""

import pytest
from django.urls import reverse

from tests import matrix_records as rec
from tests.matrix import (
    MINEROS_LEADERS,
    OUTSIDE_SPACES,
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


def _withdrawn(w) -> None:
    from alianza.multilingual.models import PastTranslation, Translation

    assert not Translation.objects.filter(field="title", language="en").exists()
    assert PastTranslation.objects.get(field="title").was_withdrawn


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
        # Whoever takes part in the council reads who translated what; the member
        # and the outsider, who do not, do not learn that the post exists.
        expect(200, **dict.fromkeys(OUTSIDE_SPACES, 404)),
    ),
    "multilingual:reject": Row(
        lambda w: reverse(
            "multilingual:reject", args=[_usw_translation_of_a_mineros_post(w).pk]
        ),
        # Los Mineros' leaders reject it; USW (who wrote it) is refused.
        {**allow(MINEROS_LEADERS, REDIRECT), **dict.fromkeys(OUTSIDE_SPACES, 404)},
        method="post",
        check=_withdrawn,
    ),
}

API: dict[str, Row] = {}

test_page, test_api, test_every_route_has_a_row = matrix_tests(
    "multilingual", PAGES, API
)


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
    "multilingual:reject (Los Mineros' translation of a USW post)": Row(
        lambda w: reverse(
            "multilingual:reject", args=[_mineros_translation_of_a_usw_post(w).pk]
        ),
        {**allow(USW_LEADERS, REDIRECT), **dict.fromkeys(OUTSIDE_SPACES, 404)},
        method="post",
        check=_spanish_withdrawn,
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
