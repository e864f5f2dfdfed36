"""Who may use the pages and endpoints of multilingual: its rows of the authorisation matrix."""

from django.urls import reverse

from tests import matrix_records as rec
from tests.matrix import (
    MINEROS_LEADERS,
    OUTSIDE_SPACES,
    REDIRECT,
    Row,
    allow,
    expect,
    matrix_tests,
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
