"""Who may use each page and endpoint of solidarity: its rows of the authorisation matrix.

Every route the app declares needs a row here (``test_every_route_has_a_row``); the
answers, the personas and the engine are in ``tests/matrix.py``.
"""

from django.urls import reverse

from tests import matrix_records as rec
from tests.matrix import (
    LEADERS,
    MINEROS_LEADERS,
    REDIRECT,
    USW_LEADERS,
    Row,
    allow,
    expect,
    matrix_tests,
)

PAGES: dict[str, Row] = {
    "solidarity:hub": Row(lambda w: reverse("solidarity:hub"), expect(200)),
    "solidarity:campaign_new": Row(
        lambda w: reverse("solidarity:campaign_new"), allow(LEADERS, 200)
    ),
    "solidarity:campaign": Row(
        lambda w: reverse("solidarity:campaign", args=[rec.the_campaign(w).pk]),
        allow(MINEROS_LEADERS, 200),
    ),
    "solidarity:campaign_timeline": Row(
        lambda w: reverse(
            "solidarity:campaign_timeline", args=[rec.the_campaign(w).pk]
        ),
        allow(MINEROS_LEADERS, REDIRECT),
        method="post",
        data=lambda w: {"kind": "rally", "happened_on": "2026-01-05", "title": "Mitin"},
    ),
    "solidarity:campaign_status": Row(
        lambda w: reverse("solidarity:campaign_status", args=[rec.the_campaign(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT),
        method="post",
        data=lambda w: {"status": "won"},
    ),
    "solidarity:campaign_team": Row(
        lambda w: reverse("solidarity:campaign_team", args=[rec.the_campaign(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT),
        method="post",
        data=lambda w: {"person": w["member"].person.pk},
    ),
    "solidarity:strike_new": Row(
        lambda w: reverse("solidarity:strike_new", args=[rec.the_campaign(w).pk]),
        allow(MINEROS_LEADERS, 200),
    ),
    "solidarity:strike": Row(
        lambda w: reverse("solidarity:strike", args=[rec.the_strike(w).pk]),
        allow(MINEROS_LEADERS, 200),
    ),
    "solidarity:target_new": Row(
        lambda w: reverse("solidarity:target_new", args=[rec.the_campaign(w).pk]),
        allow(MINEROS_LEADERS, 200),
    ),
    # Everyone who sees the campaign sees the pipeline; only its team (here the
    # staffer who created it) sees the contacts and changes the figures.
    "solidarity:target": Row(
        lambda w: reverse("solidarity:target", args=[rec.the_target(w).pk]),
        allow(MINEROS_LEADERS, 200),
    ),
    "solidarity:target_support": Row(
        lambda w: reverse("solidarity:target_support", args=[rec.the_target(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"covered_workers": 100, "supporters": 31},
    ),
    "solidarity:target_election": Row(
        lambda w: reverse("solidarity:target_election", args=[rec.the_target(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"election": str(rec.the_representation_vote(w).pk)},
    ),
    "solidarity:target_stage": Row(
        lambda w: reverse("solidarity:target_stage", args=[rec.the_target(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"stage": "contacts"},
    ),
    "solidarity:target_contact": Row(
        lambda w: reverse("solidarity:target_contact", args=[rec.the_target(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"name": "Trabajadora", "phone": "+52 1"},
    ),
    "solidarity:events": Row(lambda w: reverse("solidarity:events"), expect(200)),
    "solidarity:event_new": Row(
        lambda w: reverse("solidarity:event_new"), allow(LEADERS, 200)
    ),
    "solidarity:event_delegation": Row(
        lambda w: reverse("solidarity:event_delegation", args=[rec.the_event(w).pk]),
        allow(LEADERS, REDIRECT),
        method="post",
        data=lambda w: {"organisation": w.usw.pk, "people": 4},
    ),
    "solidarity:events_calendar": Row(
        lambda w: reverse(
            "solidarity:events_calendar", args=[rec.the_calendar_secret(w)]
        ),
        expect(200, anonymous=200),
    ),
    "solidarity:request_new": Row(
        lambda w: reverse("solidarity:request_new"), allow(LEADERS, 200)
    ),
    # Published, asking the USW: both unions' leaders read it; members do not.
    "solidarity:request": Row(
        lambda w: reverse("solidarity:request", args=[rec.the_request(w).pk]),
        allow(LEADERS, 200),
    ),
    "solidarity:request_vet": Row(
        lambda w: reverse("solidarity:request_vet", args=[rec.the_request(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
    ),
    "solidarity:request_publish": Row(
        lambda w: reverse("solidarity:request_publish", args=[rec.the_request(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT),
        method="post",
    ),
    "solidarity:request_close": Row(
        lambda w: reverse("solidarity:request_close", args=[rec.the_request(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT),
        method="post",
    ),
    "solidarity:request_pledge": Row(
        lambda w: reverse("solidarity:request_pledge", args=[rec.the_request(w).pk]),
        allow(USW_LEADERS, REDIRECT),
        method="post",
        data=lambda w: {
            "organisation": w.usw.pk,
            "kind": "rally",
            "description": "Rally",
        },
    ),
    "solidarity:pledge_done": Row(
        lambda w: reverse("solidarity:pledge_done", args=[rec.the_pledge(w).pk]),
        allow(USW_LEADERS, REDIRECT),
        method="post",
    ),
    "solidarity:letter_new": Row(
        lambda w: reverse("solidarity:letter_new"), allow(LEADERS, 200)
    ),
    # A draft: its union's leaders and its co-signer (the USW officer) read it.
    "solidarity:letter": Row(
        lambda w: reverse("solidarity:letter", args=[rec.the_letter(w).pk]),
        allow(MINEROS_LEADERS | {"usw_officer"}, 200),
    ),
    "solidarity:letter_pdf": Row(
        lambda w: reverse("solidarity:letter_pdf", args=[rec.the_letter(w).pk]),
        allow(MINEROS_LEADERS | {"usw_officer"}, 200),
    ),
    "solidarity:letter_signatory": Row(
        lambda w: reverse("solidarity:letter_signatory", args=[rec.the_letter(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT),
        method="post",
        data=lambda w: {"person": w["observer"].person.pk, "organisation": w.usw.pk},
    ),
    "solidarity:letter_confirm": Row(
        lambda w: reverse(
            "solidarity:letter_confirm", args=[rec.the_letter(w).signatures.first().pk]
        ),
        allow({"usw_officer"}, REDIRECT),
        method="post",
    ),
    "solidarity:letter_publish": Row(
        lambda w: reverse("solidarity:letter_publish", args=[rec.the_letter(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT),
        method="post",
    ),
    "solidarity:letter_public": Row(
        lambda w: reverse(
            "solidarity:letter_public", args=[rec.the_public_letter(w).slug]
        ),
        expect(200, anonymous=200),
    ),
}

API: dict[str, Row] = {
    "GET /api/v1/solidarity/campaigns": Row(
        lambda w: "/api/v1/solidarity/campaigns", expect(200, anonymous=401)
    ),
    "GET /api/v1/solidarity/requests": Row(
        lambda w: "/api/v1/solidarity/requests", expect(200, anonymous=401)
    ),
    "GET /api/v1/solidarity/requests/{request_id}": Row(
        lambda w: f"/api/v1/solidarity/requests/{rec.the_request(w).pk}",
        allow(LEADERS, 200, no=404, anonymous=401),
    ),
    "POST /api/v1/solidarity/requests/{request_id}/pledges": Row(
        lambda w: f"/api/v1/solidarity/requests/{rec.the_request(w).pk}/pledges",
        {
            **allow(USW_LEADERS, 201, no=404, anonymous=401),
            "mineros_officer": 403,
            "mineros_staff": 403,
        },
        method="post",
        data=lambda w: {
            "organisation": "usw",
            "kind": "statement",
            "description": "We stand",
        },
    ),
    "GET /api/v1/solidarity/alerts/{alert_id}/progress": Row(
        lambda w: f"/api/v1/solidarity/alerts/{rec.the_alert(w).pk}/progress",
        allow(MINEROS_LEADERS, 200, anonymous=401),
    ),
}

test_page, test_api, test_every_route_has_a_row = matrix_tests("solidarity", PAGES, API)
