"""Who may use the pages and endpoints of bodies: its rows of the authorisation matrix."""

from django.urls import reverse

from alianza.audit.models import AuditEntry
from alianza.bodies.models import Body
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

#: Those who may not see Los Mineros' executive committee: for them it does not exist.
UNSEEN = {"outsider", "usw_officer", "usw_staff", "usw_admin"}


def allow_seen(personas: set[str], yes):
    """``yes`` for ``personas``; 403 for the others who see the committee, 404 for
    those who do not (what a person may not see answers 404)."""
    return {**allow(personas, yes), **dict.fromkeys(UNSEEN, 404)}


def _assert(fact) -> None:
    assert fact


PAGES: dict[str, Row] = {
    "bodies:bodies": Row(lambda w: reverse("bodies:bodies"), expect(200)),
    "bodies:body_new": Row(
        lambda w: reverse("bodies:body_new") + f"?space={w.commission.slug}",
        allow(MANAGERS, 200),
    ),
    "bodies:body": Row(
        lambda w: reverse("bodies:body", args=[w.nec.pk]),
        allow_seen(MINEROS | {"observer"}, 200),
    ),
    "bodies:seat_add": Row(
        lambda w: reverse("bodies:seat_add", args=[w.nec.pk]),
        allow_seen({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {
            "kind": "member",
            "representing": w.mineros.pk,
            "title": "Vocal",
        },
        check=lambda w: _assert(w.nec.seats.filter(title="Vocal").exists()),
    ),
    "bodies:seat_rights": Row(
        lambda w: reverse("bodies:seat_rights", args=[rec.the_observer_seat(w).pk]),
        allow_seen({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"can_speak": "on"},
        # The observer keeps the right to speak, never to vote: the change is logged.
        check=lambda w: _assert(
            AuditEntry.objects.filter(
                action="bodies.seat_changed", target_id=str(rec.the_observer_seat(w).pk)
            ).exists()
        ),
    ),
    "bodies:body_rules": Row(
        lambda w: reverse("bodies:body_rules", args=[w.nec.pk]),
        allow_seen({"mineros_staff"}, 200),
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
        check=lambda w: _assert(
            Body.objects.filter(name="Consejo de Sección 65").exists()
        ),
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
        check=lambda w: _assert(
            w.nec.seats.filter(title="Second observer", kind="observer").exists()
        ),
    ),
}

test_page, test_api, test_every_route_has_a_row = matrix_tests("bodies", PAGES, API)
