"""Who may use each page and endpoint of bodies: its rows of the authorisation matrix.

Every route the app declares needs a row here (``test_every_route_has_a_row``); the
answers, the personas and the engine are in ``tests/matrix.py``.
"""

from django.urls import reverse

from tests import matrix_records as rec
from tests.matrix import (
    MANAGERS,
    MINEROS,
    REDIRECT,
    Row,
    allow,
    expect,
    matrix_tests,
)

PAGES: dict[str, Row] = {
    "bodies:bodies": Row(lambda w: reverse("bodies:bodies"), expect(200)),
    "bodies:body_new": Row(
        lambda w: reverse("bodies:body_new") + f"?space={w.commission.slug}",
        allow(MANAGERS, 200),
    ),
    "bodies:body": Row(
        lambda w: reverse("bodies:body", args=[w.nec.pk]),
        allow(MINEROS | {"observer"}, 200),
    ),
    "bodies:seat_add": Row(
        lambda w: reverse("bodies:seat_add", args=[w.nec.pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {
            "kind": "member",
            "representing": w.mineros.pk,
            "title": "Vocal",
        },
    ),
    "bodies:seat_rights": Row(
        lambda w: reverse("bodies:seat_rights", args=[rec.the_observer_seat(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"can_speak": "on"},
    ),
    "bodies:body_rules": Row(
        lambda w: reverse("bodies:body_rules", args=[w.nec.pk]),
        allow({"mineros_staff"}, 200),
    ),
}

API: dict[str, Row] = {
    "GET /api/v1/bodies": Row(lambda w: "/api/v1/bodies", expect(200, anonymous=401)),
    "POST /api/v1/bodies": Row(
        lambda w: "/api/v1/bodies",
        allow({"mineros_staff"}, 201, anonymous=401),
        method="post",
        data=lambda w: {
            "name": "Consejo de Sección 65",
            "kind": "council",
            "language": "es",
            "organisation": "los-mineros",
        },
    ),
    "GET /api/v1/bodies/{body_id}": Row(
        lambda w: f"/api/v1/bodies/{w.nec.pk}",
        allow(MINEROS | {"observer"}, 200, no=404, anonymous=401),
    ),
    "POST /api/v1/bodies/{body_id}/seats": Row(
        lambda w: f"/api/v1/bodies/{w.nec.pk}/seats",
        {
            **allow({"mineros_staff"}, 201, no=404, anonymous=401),
            "member": 403,
            "mineros_officer": 403,
            "observer": 403,
        },
        method="post",
        data=lambda w: {
            "kind": "observer",
            "representing": "usw",
            "title": "Second observer",
        },
    ),
}

test_page, test_api, test_every_route_has_a_row = matrix_tests("bodies", PAGES, API)
