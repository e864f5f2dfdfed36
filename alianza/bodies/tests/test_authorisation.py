"""Who may use the pages and endpoints of bodies: its rows of the authorisation matrix."""

import pytest
from django.urls import reverse

from alianza.audit.models import AuditEntry
from alianza.bodies.models import Body
from tests import joint_body as jb
from tests import matrix_records as rec
from tests.matrix import (
    LEADERS,
    LOGIN,
    MANAGERS,
    MINEROS,
    NOT_MINEROS,
    OUTSIDE_SPACES,
    PERSONAS,
    REDIRECT,
    REFUSED,
    USW,
    Row,
    allow,
    expect,
    matrix_tests,
    run_api,
    run_page,
)

#: Those who may not see Los Mineros' executive committee: for them it does not exist.
UNSEEN = NOT_MINEROS


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
            "mineros_observer": 403,
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


# A joint body: each union keeps its own delegation ----------------------------------
# Rows on the Joint Commission's body (tests/joint_body.py), in both directions: the
# staff of either union manage the body, but change only their own union's seats.
# A refused write is checked to have changed nothing.

USW_MANAGERS = {"usw_staff", "usw_admin"}
#: Those who do not take part in the Joint Commission: its body does not exist for them.
OUTSIDE_COMMISSION = OUTSIDE_SPACES


def allow_joint(personas: set[str], yes):
    return {**allow(personas, yes), **dict.fromkeys(OUTSIDE_COMMISSION, 404)}


def _seat(w, union: str, which: int = 1):
    return jb.joint_body(w).seats_of(union)[which]


def _joint_seat_add(union: str) -> Row:
    title = f"Adviser ({union})"
    return Row(
        lambda w: reverse("bodies:seat_add", args=[jb.joint_body(w).body.pk]),
        allow_joint(USW_MANAGERS if union == "usw" else {"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {
            "kind": "observer",
            "representing": (w.usw if union == "usw" else w.mineros).pk,
            "title": title,
        },
        check=lambda w: _assert(w.commission_body.seats.filter(title=title).exists()),
    )


def _joint_seat_rights(union: str) -> Row:
    return Row(
        lambda w: reverse("bodies:seat_rights", args=[_seat(w, union).pk]),
        allow_joint(USW_MANAGERS if union == "usw" else {"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"can_speak": "on"},  # the vote taken away
        check=lambda w: _assert(
            not w.commission_body.seats.get(pk=_seat(w, union).pk).can_vote
        ),
    )


def _joint_seat_vacate(union: str) -> Row:
    return Row(
        lambda w: reverse("bodies:seat_rights", args=[_seat(w, union).pk]),
        allow_joint(USW_MANAGERS if union == "usw" else {"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"vacate": "1"},
        check=lambda w: _assert(
            w.commission_body.seats.get(pk=_seat(w, union).pk).holder_id is None
        ),
    )


JOINT_PAGES: dict[str, Row] = {
    "bodies:body (the joint body)": Row(
        lambda w: reverse("bodies:body", args=[jb.joint_body(w).body.pk]),
        allow_joint(LEADERS, 200),
    ),
    "bodies:seat_add (a USW seat)": _joint_seat_add("usw"),
    "bodies:seat_add (a Los Mineros seat)": _joint_seat_add("mineros"),
    "bodies:seat_rights (a USW seat's vote)": _joint_seat_rights("usw"),
    "bodies:seat_rights (a Los Mineros seat's vote)": _joint_seat_rights("mineros"),
    "bodies:seat_rights (vacating a USW seat)": _joint_seat_vacate("usw"),
    "bodies:seat_rights (vacating a Los Mineros seat)": _joint_seat_vacate("mineros"),
}


def _joint_api_seat(union: str) -> Row:
    title = f"API adviser ({union})"
    return Row(
        lambda w: f"/api/v1/bodies/{jb.joint_body(w).body.pk}/seats",
        allow_joint(
            USW_MANAGERS if union == "usw" else {"mineros_staff"}, 201
        ) | {"anonymous": 401},
        method="post",
        data=lambda w: {
            "kind": "observer",
            "representing": "usw" if union == "usw" else "los-mineros",
            "title": title,
        },
        check=lambda w: _assert(w.commission_body.seats.filter(title=title).exists()),
    )  # fmt: skip


JOINT_API: dict[str, Row] = {
    "POST /api/v1/bodies/{body_id}/seats (a USW seat)": _joint_api_seat("usw"),
    "POST /api/v1/bodies/{body_id}/seats (a Los Mineros seat)": _joint_api_seat(
        "mineros"
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(JOINT_PAGES))
def test_joint_body_page(client, matrix_world, name, persona):
    jb.run_joint_row(client, matrix_world, JOINT_PAGES[name], persona)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(JOINT_API))
def test_joint_body_api(client, matrix_world, name, persona):
    key = name.split(" (")[0]
    jb.run_joint_row(client, matrix_world, JOINT_API[name], persona, api_name=key)


# The other direction: the USW's own board, observed by Los Mineros ------------------
# The mirror of Los Mineros' executive committee above: the IEB is the USW's; its
# members see it, and so does the Los Mineros member who holds its observer seat
# (who leads nothing and changes nothing); for everyone else it does not exist. Only
# the USW's managers change its seats, and never give the observer a vote.

IEB_SEEN = USW | {"mineros_observer"}
USW_MANAGERS_OF_IEB = {"usw_staff", "usw_admin"}


def allow_ieb(personas: set[str], yes, anonymous=LOGIN):
    unseen = set(PERSONAS) - IEB_SEEN - {"anonymous"}
    return {**allow(personas, yes, anonymous=anonymous), **dict.fromkeys(unseen, 404)}


def _ieb_observer_seat(w):
    return w.ieb.seats.get(kind="observer")


IEB_PAGES: dict[str, Row] = {
    "bodies:body (the IEB)": Row(
        lambda w: reverse("bodies:body", args=[w.ieb.pk]), allow_ieb(IEB_SEEN, 200)
    ),
    "bodies:body_rules (the IEB)": Row(
        lambda w: reverse("bodies:body_rules", args=[w.ieb.pk]),
        allow_ieb(USW_MANAGERS_OF_IEB, 200),
    ),
    "bodies:seat_add (the IEB)": Row(
        lambda w: reverse("bodies:seat_add", args=[w.ieb.pk]),
        allow_ieb(USW_MANAGERS_OF_IEB, REDIRECT),
        method="post",
        data=lambda w: {"kind": "member", "representing": w.usw.pk, "title": "VP"},
        check=lambda w: _assert(w.ieb.seats.filter(title="VP").exists()),
    ),
    "bodies:seat_rights (the Los Mineros observer's, no more speaking)": Row(
        lambda w: reverse("bodies:seat_rights", args=[_ieb_observer_seat(w).pk]),
        allow_ieb(USW_MANAGERS_OF_IEB, REDIRECT),
        method="post",
        data=lambda w: {},
        check=lambda w: _assert(not _ieb_observer_seat(w).can_speak),
    ),
    # An observer speaks and never votes: even the USW's managers are refused.
    "bodies:seat_rights (a vote for the Los Mineros observer)": Row(
        lambda w: reverse("bodies:seat_rights", args=[_ieb_observer_seat(w).pk]),
        allow_ieb(USW_MANAGERS_OF_IEB, REFUSED),
        method="post",
        data=lambda w: {"can_speak": "on", "can_vote": "on"},
    ),
}

IEB_API: dict[str, Row] = {
    "GET /api/v1/bodies/{body_id} (the IEB)": Row(
        lambda w: f"/api/v1/bodies/{w.ieb.pk}", allow_ieb(IEB_SEEN, 200, anonymous=401)
    ),
    "POST /api/v1/bodies/{body_id}/seats (the IEB)": Row(
        lambda w: f"/api/v1/bodies/{w.ieb.pk}/seats",
        allow_ieb(USW_MANAGERS_OF_IEB, 201, anonymous=401),
        method="post",
        data=lambda w: {"kind": "member", "representing": "usw", "title": "API VP"},
        check=lambda w: _assert(w.ieb.seats.filter(title="API VP").exists()),
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(IEB_PAGES))
def test_ieb_page(client, matrix_world, name, persona):
    run_page(client, matrix_world, IEB_PAGES[name], persona)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(IEB_API))
def test_ieb_api(client, matrix_world, name, persona):
    run_api(client, matrix_world, name.split(" (")[0], IEB_API[name], persona)
