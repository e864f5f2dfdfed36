"""Who may use the pages and endpoints of multilingual: its rows of the authorisation matrix."""

from django.urls import reverse

from tests import matrix_records as rec
from tests.matrix import (
    REDIRECT,
    Row,
    allow,
    matrix_tests,
)


def _assert(condition: bool) -> None:
    assert condition


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
}

API: dict[str, Row] = {}

test_page, test_api, test_every_route_has_a_row = matrix_tests(
    "multilingual", PAGES, API
)
