"""Who may use the pages and endpoints of documents: its rows of the authorisation matrix."""

import pytest
from django.urls import reverse

from tests import matrix_records as rec
from tests.matrix import (
    LEADERS,
    PERSONAS,
    REDIRECT,
    USW_LEADERS,
    Row,
    allow,
    expect,
    matrix_tests,
    run_page,
)


def _the_document(w):
    """One Los Mineros document (``the_document`` uploads a new one each time)."""
    from alianza.documents.models import Document

    return Document.objects.filter(organisation=w.mineros).first() or (
        rec.the_document(w)
    )


def _audience_is(document, audience: str) -> None:
    assert document.audience == audience, document.audience


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
    # Who may see it: its uploader and Los Mineros' managers (here the staffer who
    # uploaded it) choose; the officer reads it but may not change it.
    "documents:audience": Row(
        lambda w: reverse("documents:audience", args=[_the_document(w).pk]),
        {**allow({"mineros_staff"}, REDIRECT, no=404), "mineros_officer": 403},
        method="post",
        data=lambda w: {"audience": "union"},
        check=lambda w: _audience_is(_the_document(w), "union"),
    ),
    "documents:download": Row(
        lambda w: reverse("documents:download", args=[rec.the_document(w).pk]),
        allow({"mineros_officer", "mineros_staff"}, 200, no=404),
    ),
}

API: dict[str, Row] = {}

test_page, test_api, test_every_route_has_a_row = matrix_tests("documents", PAGES, API)


# The other direction: a USW document, read by the USW's leaders alone.
MIRROR_PAGES: dict[str, Row] = {
    "documents:document (a USW document)": Row(
        lambda w: reverse("documents:document", args=[rec.the_usw_document(w).pk]),
        allow(USW_LEADERS, 200, no=404),
    ),
    "documents:download (a USW document)": Row(
        lambda w: reverse("documents:download", args=[rec.the_usw_document(w).pk]),
        allow(USW_LEADERS, 200, no=404),
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MIRROR_PAGES))
def test_mirror_page(client, matrix_world, name, persona):
    run_page(client, matrix_world, MIRROR_PAGES[name], persona)
