"""Who may use each page and endpoint of core: its rows of the authorisation matrix.

Every route the app declares needs a row here (``test_every_route_has_a_row``); the
answers, the personas and the engine are in ``tests/matrix.py``.
"""

from django.urls import reverse

from tests.matrix import (
    Row,
    expect,
    matrix_tests,
)

PAGES: dict[str, Row] = {
    "dashboard": Row(lambda w: reverse("dashboard"), expect(200)),
    "healthz": Row(lambda w: reverse("healthz"), expect(200, anonymous=200)),
}

API: dict[str, Row] = {
    "GET /api/v1/openapi.json": Row(
        lambda w: "/api/v1/openapi.json", expect(200, anonymous=200)
    ),
    "GET /api/v1/docs": Row(lambda w: "/api/v1/docs", expect(200, anonymous=200)),
}

test_page, test_api, test_every_route_has_a_row = matrix_tests("core", PAGES, API)
