"""Who may use the pages and endpoints of documents: its rows of the authorisation matrix."""

from django.urls import reverse

from tests import matrix_records as rec
from tests.matrix import (
    LEADERS,
    Row,
    allow,
    expect,
    matrix_tests,
)

PAGES: dict[str, Row] = {
    "documents:documents": Row(lambda w: reverse("documents:documents"), expect(200)),
    "documents:document_new": Row(
        lambda w: reverse("documents:document_new"), allow(LEADERS, 200)
    ),
    # A Los Mineros document: its leaders read it; for anyone else it does not exist
    # (404) until it is shared.
    "documents:document": Row(
        lambda w: reverse("documents:document", args=[rec.the_document(w).pk]),
        allow({"mineros_officer", "mineros_staff"}, 200, no=404),
    ),
    "documents:download": Row(
        lambda w: reverse("documents:download", args=[rec.the_document(w).pk]),
        allow({"mineros_officer", "mineros_staff"}, 200, no=404),
    ),
}

API: dict[str, Row] = {}

test_page, test_api, test_every_route_has_a_row = matrix_tests("documents", PAGES, API)
