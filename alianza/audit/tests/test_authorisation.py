"""Who may use each page and endpoint of audit: its rows of the authorisation matrix.

Every route the app declares needs a row here (``test_every_route_has_a_row``); the
answers, the personas and the engine are in ``tests/matrix.py``.
"""

from django.urls import reverse

from tests.matrix import (
    Row,
    allow,
    matrix_tests,
)

PAGES: dict[str, Row] = {
    "audit:log": Row(
        lambda w: reverse("audit:log"), allow({"mineros_staff", "usw_admin"}, 200)
    ),
}

API: dict[str, Row] = {}

test_page, test_api, test_every_route_has_a_row = matrix_tests("audit", PAGES, API)
