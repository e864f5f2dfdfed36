"""Who may use the pages and endpoints of core: its rows of the authorisation matrix."""

from django.urls import reverse

from tests.matrix import (
    Row,
    expect,
    matrix_tests,
)

PAGES: dict[str, Row] = {
    "dashboard": Row(lambda w: reverse("dashboard"), expect(200)),
    # Her own queue: every signed-in person has one (empty when nothing waits).
    "queue": Row(lambda w: reverse("queue"), expect(200)),
    "healthz": Row(lambda w: reverse("healthz"), expect(200, anonymous=200)),
    # What a phone needs to install the app: public, nobody's data.
    "manifest": Row(lambda w: reverse("manifest"), expect(200, anonymous=200)),
    "service_worker": Row(
        lambda w: reverse("service_worker"), expect(200, anonymous=200)
    ),
}

API: dict[str, Row] = {
    "GET /api/v1/openapi.json": Row(
        lambda w: "/api/v1/openapi.json", expect(200, anonymous=200)
    ),
    # Her own queue: every signed-in person has one.
    "GET /api/v1/queue": Row(lambda w: "/api/v1/queue", expect(200, anonymous=401)),
    "GET /api/v1/docs": Row(lambda w: "/api/v1/docs", expect(200, anonymous=200)),
}

test_page, test_api, test_every_route_has_a_row = matrix_tests("core", PAGES, API)
