"""Who may use each page and endpoint of governance: its rows of the authorisation matrix.

Every route the app declares needs a row here (``test_every_route_has_a_row``); the
answers, the personas and the engine are in ``tests/matrix.py``.
"""

from django.urls import reverse

from tests import matrix_records as rec
from tests.matrix import (
    MINEROS,
    REDIRECT,
    Row,
    allow,
    matrix_tests,
)

PAGES: dict[str, Row] = {
    "governance:meeting_new": Row(
        lambda w: reverse("governance:meeting_new") + f"?body={w.nec.pk}",
        allow({"mineros_staff"}, 200),
    ),
    "governance:meeting": Row(
        lambda w: reverse("governance:meeting", args=[rec.the_meeting(w).pk]),
        allow(MINEROS | {"observer"}, 200),
    ),
    "governance:live": Row(
        lambda w: reverse("governance:live", args=[rec.the_meeting(w).pk]),
        allow(MINEROS | {"observer"}, 200),
    ),
    "governance:projector": Row(
        lambda w: reverse("governance:projector", args=[rec.the_meeting(w).pk]),
        allow(MINEROS | {"observer"}, 200),
    ),
    "governance:meeting_status": Row(
        lambda w: reverse("governance:meeting_status", args=[rec.the_meeting(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"status": "open"},
    ),
    # Self check-in and the floor: only for those holding a seat (the observer does).
    "governance:check_in": Row(
        lambda w: reverse("governance:check_in", args=[rec.the_meeting(w).pk]),
        allow({"observer", "mineros_officer"}, REDIRECT),
        method="post",
    ),
    "governance:speak": Row(
        lambda w: reverse("governance:speak", args=[rec.the_meeting(w).pk]),
        allow({"observer", "mineros_officer"}, REDIRECT),
        method="post",
        data=lambda w: {"kind": "speak"},
    ),
    "governance:next_speaker": Row(
        lambda w: reverse("governance:next_speaker", args=[rec.the_meeting(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
    ),
    # Motions and named votes: voting members only; the observer is refused.
    "governance:motion_add": Row(
        lambda w: reverse("governance:motion_add", args=[rec.the_meeting(w).pk]),
        allow({"mineros_officer"}, REDIRECT),
        method="post",
        data=lambda w: {"text": "Enviar una delegación a Cananea.", "language": "es"},
    ),
    "governance:vote_open": Row(
        lambda w: reverse("governance:vote_open", args=[rec.the_motion(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"method": "roll_call", "threshold": "cast"},
    ),
    "governance:ballot": Row(
        lambda w: reverse("governance:ballot", args=[rec.the_vote(w).pk]),
        allow({"mineros_officer"}, REDIRECT),
        method="post",
        data=lambda w: {"choice": "yes"},
    ),
    "governance:hands": Row(
        lambda w: reverse("governance:hands", args=[rec.the_vote(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"yes": "2", "no": "0", "abstain": "0"},
    ),
    "governance:vote_close": Row(
        lambda w: reverse("governance:vote_close", args=[rec.the_vote(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
    ),
    "governance:speaking_limit": Row(
        lambda w: reverse("governance:speaking_limit", args=[rec.the_meeting(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"seconds": "120"},
    ),
    "governance:agenda_add": Row(
        lambda w: reverse("governance:agenda_add", args=[rec.the_meeting(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"title": "Asuntos generales", "minutes": "15"},
    ),
    "governance:agenda_current": Row(
        lambda w: reverse("governance:agenda_current", args=[rec.the_meeting(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"item": str(rec.the_agenda_item(w).pk)},
    ),
    # A proxy for someone else's seat: only the secretary records it.
    "governance:proxy_give": Row(
        lambda w: reverse("governance:proxy_give", args=[rec.the_meeting(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {
            "carrier": str(rec.the_officer_seat(w).pk),
            "giver": str(rec.the_absent_member(w).pk),
        },
    ),
    "governance:proxy_withdraw": Row(
        lambda w: reverse("governance:proxy_withdraw", args=[rec.the_proxy(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
    ),
    "governance:motion_support": Row(
        lambda w: reverse("governance:motion_support", args=[rec.the_motion(w).pk]),
        allow({"mineros_officer"}, REDIRECT),
        method="post",
    ),
    "governance:motion_amend": Row(
        lambda w: reverse("governance:motion_amend", args=[rec.the_motion(w).pk]),
        allow({"mineros_officer"}, REDIRECT),
        method="post",
        data=lambda w: {
            "line_from": "1",
            "line_to": "1",
            "text": "Apoyar a los cinco locales.",
            "language": "es",
        },
    ),
    "governance:motion_move": Row(
        lambda w: reverse("governance:motion_move", args=[rec.the_motion(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"status": "referred"},
    ),
    "governance:motion_forward": Row(
        lambda w: reverse(
            "governance:motion_forward", args=[rec.the_adopted_motion(w).pk]
        ),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
    ),
    "governance:follow_up_add": Row(
        lambda w: reverse(
            "governance:follow_up_add", args=[rec.the_adopted_motion(w).pk]
        ),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {
            "task": "Informar al CEN",
            "owner": str(w["mineros_officer"].person.pk),
            "due_on": "2026-12-20",
        },
    ),
    # Its owner (the officer) or the body's secretary reports progress.
    "governance:follow_up_update": Row(
        lambda w: reverse(
            "governance:follow_up_update", args=[rec.the_follow_up(w).pk]
        ),
        allow({"mineros_staff", "mineros_officer"}, REDIRECT),
        method="post",
        data=lambda w: {"status": "in_progress", "progress": "40", "note": ""},
    ),
    "governance:recommendations": Row(
        lambda w: reverse("governance:recommendations", args=[w.nec.pk]),
        allow(MINEROS | {"observer"}, 200),
    ),
    "governance:forwarding_decide": Row(
        lambda w: reverse(
            "governance:forwarding_decide", args=[rec.the_forwarding(w).pk]
        ),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"decision": "adopted", "decided_on": "2026-11-30", "note": ""},
    ),
    "governance:forwarding_agenda": Row(
        lambda w: reverse(
            "governance:forwarding_agenda", args=[rec.the_forwarding(w).pk]
        ),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"meeting": str(rec.the_meeting(w).pk)},
    ),
    "governance:minutes": Row(
        lambda w: reverse("governance:minutes", args=[rec.the_minutes(w).meeting_id]),
        allow(MINEROS | {"observer"}, 200),
    ),
    "governance:minutes_assemble": Row(
        lambda w: reverse("governance:minutes_assemble", args=[rec.the_meeting(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
    ),
    "governance:minutes_approve": Row(
        lambda w: reverse(
            "governance:minutes_approve", args=[rec.the_minutes(w).meeting_id]
        ),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"at": str(rec.the_meeting(w).pk)},
    ),
    "governance:minutes_pdf": Row(
        lambda w: reverse(
            "governance:minutes_pdf", args=[rec.the_minutes(w).meeting_id]
        ),
        allow(MINEROS | {"observer"}, 200),
    ),
}

API: dict[str, Row] = {
    "GET /api/v1/meetings/{meeting_id}": Row(
        lambda w: f"/api/v1/meetings/{rec.the_meeting(w).pk}",
        allow(MINEROS | {"observer"}, 200, no=404, anonymous=401),
    ),
    # Asking for the floor: only those holding a seat that speaks.
    "POST /api/v1/meetings/{meeting_id}/speakers": Row(
        lambda w: f"/api/v1/meetings/{rec.the_meeting(w).pk}/speakers",
        {
            **allow({"observer", "mineros_officer"}, 201, no=404, anonymous=401),
            "member": 403,
            "mineros_staff": 403,
        },
        method="post",
        data=lambda w: {"kind": "point_of_order"},
    ),
    "GET /api/v1/meetings/{meeting_id}/minutes": Row(
        lambda w: f"/api/v1/meetings/{rec.the_minutes(w).meeting_id}/minutes",
        allow(MINEROS | {"observer"}, 200, no=404, anonymous=401),
    ),
}

test_page, test_api, test_every_route_has_a_row = matrix_tests("governance", PAGES, API)
