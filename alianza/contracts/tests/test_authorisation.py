"""Who may use the pages and endpoints of contracts: its rows of the authorisation matrix."""

import pytest
from django.urls import reverse

from alianza.contracts.models import (
    Agreement,
    BargainingRound,
    Clause,
    Proposal,
    WageRate,
)
from tests import matrix_records as rec
from tests.matrix import (
    LEADERS,
    MINEROS_LEADERS,
    PERSONAS,
    REDIRECT,
    Row,
    allow,
    expect,
    matrix_tests,
    run_page,
)


def _exists(model, **lookup) -> None:
    assert model.objects.filter(**lookup).exists(), (model.__name__, lookup)


PAGES: dict[str, Row] = {
    "contracts:library": Row(lambda w: reverse("contracts:library"), expect(200)),
    "contracts:agreement_new": Row(
        lambda w: reverse("contracts:agreement_new"), allow(LEADERS, 200)
    ),
    # A Los Mineros agreement: its leaders read and keep it; nobody else until shared
    # (to them it does not exist: 404).
    "contracts:agreement": Row(
        lambda w: reverse("contracts:agreement", args=[rec.the_agreement(w).pk]),
        allow({"mineros_officer", "mineros_staff"}, 200, no=404),
    ),
    "contracts:progress": Row(
        lambda w: reverse("contracts:progress", args=[rec.the_agreement(w).pk]),
        allow({"mineros_officer", "mineros_staff"}, 200, no=404),
    ),
    "contracts:download": Row(
        lambda w: reverse("contracts:download", args=[rec.the_agreement(w).pk]),
        allow({"mineros_officer", "mineros_staff"}, 200, no=404),
    ),
    "contracts:wage_add": Row(
        lambda w: reverse("contracts:wage_add", args=[rec.the_agreement(w).pk]),
        allow({"mineros_officer", "mineros_staff"}, REDIRECT, no=404),
        method="post",
        data=lambda w: {
            "classification": "Operador",
            "amount": "780",
            "currency": "MXN",
            "per": "day",
            "hours": "8",
            "effective_on": "2025-01-15",
        },
        check=lambda w: _exists(
            WageRate, agreement=rec.the_agreement(w), classification="Operador"
        ),
    ),  # fmt: skip,
    "contracts:round_new": Row(
        lambda w: reverse("contracts:round_new", args=[rec.the_agreement(w).pk]),
        allow({"mineros_officer", "mineros_staff"}, REDIRECT, no=404),
        method="post",
        data=lambda w: {"title": "Revisión 2027"},
        check=lambda w: _exists(
            BargainingRound, agreement=rec.the_agreement(w), title="Revisión 2027"
        ),
    ),
    "contracts:clause_topic": Row(
        lambda w: reverse(
            "contracts:clause_topic", args=[rec.the_agreement(w).clauses.first().pk]
        ),
        allow({"mineros_officer", "mineros_staff"}, REDIRECT, no=404),
        method="post",
        data=lambda w: {"topic": "wages"},
        check=lambda w: _exists(
            Clause,
            pk=rec.the_agreement(w).clauses.first().pk,
            topic="wages",
            topic_corrected_by__isnull=False,
        ),
    ),
    "contracts:search": Row(
        lambda w: reverse("contracts:search") + "?q=salario", expect(200)
    ),
    "contracts:compare": Row(lambda w: reverse("contracts:compare"), expect(200)),
    "contracts:rates": Row(lambda w: reverse("contracts:rates"), expect(200)),
    # A USW round: USW leaders follow and keep it; Los Mineros once it is shared
    # (until then, to them it does not exist: 404).
    "contracts:round": Row(
        lambda w: reverse("contracts:round", args=[rec.the_round(w).pk]),
        allow(LEADERS - {"mineros_officer", "mineros_staff"}, 200, no=404),
    ),
    "contracts:proposal_add": Row(
        lambda w: reverse("contracts:proposal_add", args=[rec.the_round(w).pk]),
        allow(LEADERS - {"mineros_officer", "mineros_staff"}, REDIRECT, no=404),
        method="post",
        data=lambda w: {
            "side": "union",
            "article": "Article 2",
            "summary": "4%",
            "effect": "gain",
        },
        check=lambda w: _exists(
            Proposal, round=rec.the_round(w), article="Article 2", summary="4%"
        ),
    ),  # fmt: skip,
    "contracts:proposal_status": Row(
        lambda w: reverse(
            "contracts:proposal_status", args=[rec.the_round(w).proposals.first().pk]
        ),
        allow(LEADERS - {"mineros_officer", "mineros_staff"}, REDIRECT, no=404),
        method="post",
        data=lambda w: {"status": "withdrawn"},
        check=lambda w: _exists(
            Proposal,
            pk=rec.the_round(w).proposals.first().pk,
            status="withdrawn",
            events__status="withdrawn",
        ),
    ),
    "contracts:expiries": Row(lambda w: reverse("contracts:expiries"), expect(200)),
    "contracts:calendar": Row(
        lambda w: reverse("contracts:calendar", args=[rec.the_calendar_secret(w)]),
        expect(200, anonymous=200),
    ),
}

API: dict[str, Row] = {
    "GET /api/v1/agreements": Row(
        lambda w: "/api/v1/agreements", expect(200, anonymous=401)
    ),
    "POST /api/v1/agreements": Row(
        lambda w: "/api/v1/agreements",
        allow(
            {"usw_officer", "observer", "usw_staff", "usw_admin"}, 201, anonymous=401
        ),
        method="post",
        data=lambda w: {
            "organisation": "usw",
            "employer": "asarco",
            "title": "Ray",
            "language": "en",
            "country": "US",
            "text": "ARTICLE 1 – WAGES\n1.1 The rate.",
        },
        check=lambda w: _exists(
            Agreement, organisation=w.usw, title="Ray", clauses__isnull=False
        ),
    ),  # fmt: skip,
    "GET /api/v1/agreements/search": Row(
        lambda w: "/api/v1/agreements/search?q=salario", expect(200, anonymous=401)
    ),
    "GET /api/v1/agreements/{agreement_id}": Row(
        lambda w: f"/api/v1/agreements/{rec.the_agreement(w).pk}",
        allow({"mineros_officer", "mineros_staff"}, 200, no=404, anonymous=401),
    ),
    "GET /api/v1/bargaining-rounds/{round_id}": Row(
        lambda w: f"/api/v1/bargaining-rounds/{rec.the_round(w).pk}",
        allow(
            LEADERS - {"mineros_officer", "mineros_staff"}, 200, no=404, anonymous=401
        ),
    ),
}

test_page, test_api, test_every_route_has_a_row = matrix_tests("contracts", PAGES, API)


# The other direction: the USW's agreement (the round's) kept by the USW's leaders,
# and a Los Mineros round followed by Los Mineros' leaders; to the other union they
# do not exist, and nothing of them changes.

USW_LEADING = LEADERS - MINEROS_LEADERS


def _usw_agreement(w):
    return rec.the_round(w).agreement


MIRROR_PAGES: dict[str, Row] = {
    "contracts:agreement (the USW's)": Row(
        lambda w: reverse("contracts:agreement", args=[_usw_agreement(w).pk]),
        allow(USW_LEADING, 200, no=404),
    ),
    "contracts:progress (the USW's agreement)": Row(
        lambda w: reverse("contracts:progress", args=[_usw_agreement(w).pk]),
        allow(USW_LEADING, 200, no=404),
    ),
    "contracts:download (the USW's agreement)": Row(
        lambda w: reverse("contracts:download", args=[_usw_agreement(w).pk]),
        allow(USW_LEADING, 200, no=404),
    ),
    "contracts:wage_add (the USW's agreement)": Row(
        lambda w: reverse("contracts:wage_add", args=[_usw_agreement(w).pk]),
        allow(USW_LEADING, REDIRECT, no=404),
        method="post",
        data=lambda w: {
            "classification": "Operator",
            "amount": "31",
            "currency": "USD",
            "per": "hour",
            "hours": "8",
            "effective_on": "2025-01-15",
        },
        check=lambda w: _exists(
            WageRate, agreement=_usw_agreement(w), classification="Operator"
        ),
    ),  # fmt: skip
    "contracts:clause_topic (the USW's agreement)": Row(
        lambda w: reverse(
            "contracts:clause_topic", args=[_usw_agreement(w).clauses.first().pk]
        ),
        allow(USW_LEADING, REDIRECT, no=404),
        method="post",
        data=lambda w: {"topic": "wages"},
        check=lambda w: _exists(
            Clause,
            pk=_usw_agreement(w).clauses.first().pk,
            topic="wages",
            topic_corrected_by__isnull=False,
        ),
    ),  # fmt: skip
    "contracts:round (Los Mineros')": Row(
        lambda w: reverse("contracts:round", args=[rec.the_mineros_round(w).pk]),
        allow(MINEROS_LEADERS, 200, no=404),
    ),
    "contracts:proposal_add (Los Mineros' round)": Row(
        lambda w: reverse("contracts:proposal_add", args=[rec.the_mineros_round(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT, no=404),
        method="post",
        data=lambda w: {
            "side": "union",
            "article": "Cláusula 2",
            "summary": "8%",
            "effect": "gain",
        },
        check=lambda w: _exists(
            Proposal, round=rec.the_mineros_round(w), article="Cláusula 2"
        ),
    ),  # fmt: skip
    "contracts:proposal_status (Los Mineros' round)": Row(
        lambda w: reverse(
            "contracts:proposal_status",
            args=[rec.the_mineros_round(w).proposals.first().pk],
        ),
        allow(MINEROS_LEADERS, REDIRECT, no=404),
        method="post",
        data=lambda w: {"status": "withdrawn"},
        check=lambda w: _exists(
            Proposal,
            pk=rec.the_mineros_round(w).proposals.first().pk,
            status="withdrawn",
        ),
    ),  # fmt: skip
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MIRROR_PAGES))
def test_mirror_page(client, matrix_world, name, persona):
    run_page(client, matrix_world, MIRROR_PAGES[name], persona)
