"""Who may use the pages and endpoints of spaces: its rows of the authorisation matrix."""

import pytest
from django.urls import reverse

from alianza.spaces.models import Proposal, Share
from tests import matrix_records as rec
from tests.matrix import (
    LEADERS,
    MANAGERS,
    OUTSIDE_SPACES,
    PERSONAS,
    REDIRECT,
    Row,
    allow,
    expect,
    matrix_tests,
    run_api,
    run_page,
)

#: Those who take part in no joint space are not told that a space exists (404).
UNSEEN = dict.fromkeys(OUTSIDE_SPACES, 404)


def _assert(condition: bool) -> None:
    assert condition


PAGES: dict[str, Row] = {
    "spaces:share": Row(
        lambda w: reverse("spaces:share", args=[rec.the_content_type(w.nec), w.nec.pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"space": w.alliance.pk},
        check=lambda w: _assert(
            Share.objects.active().of(w.nec).filter(space=w.alliance).exists()
        ),
    ),
    "spaces:spaces": Row(lambda w: reverse("spaces:spaces"), expect(200)),
    "spaces:space": Row(
        lambda w: reverse("spaces:space", args=[w.commission.slug]),
        allow(LEADERS, 200, no=404),
    ),
    "spaces:participant_add": Row(
        lambda w: reverse("spaces:participant_add", args=[w.alliance.slug]),
        allow(MANAGERS, REDIRECT) | UNSEEN,
        method="post",
        data=lambda w: {"organisation": w.unite.pk, "role": "participant"},
        # A proposal, waiting for the other coordinating union: Unite is not in yet.
        check=lambda w: _assert(
            w.alliance.proposals.filter(organisation=w.unite, status="pending").exists()
            and not w.alliance.participants.filter(organisation=w.unite).exists()
        ),
    ),
    # USW proposed (the_proposal): Los Mineros' staff answer it; USW has answered;
    # officers and the observer take part but do not act for their union.
    "spaces:proposal_accept": Row(
        lambda w: reverse("spaces:proposal_accept", args=[rec.the_proposal(w).pk]),
        allow({"mineros_staff"}, REDIRECT) | UNSEEN,
        method="post",
        check=lambda w: _assert(
            w.commission.participants.filter(organisation=w.unite).exists()
            and Proposal.objects.get(organisation=w.unite).is_accepted
        ),
    ),
    "spaces:proposal_reject": Row(
        lambda w: reverse("spaces:proposal_reject", args=[rec.the_proposal(w).pk]),
        allow({"mineros_staff"}, REDIRECT) | UNSEEN,
        method="post",
        check=lambda w: _assert(
            not w.commission.participants.filter(organisation=w.unite).exists()
            and Proposal.objects.get(organisation=w.unite).is_rejected
        ),
    ),
    "spaces:withdraw": Row(
        lambda w: reverse("spaces:withdraw", args=[rec.the_share(w).pk]),
        allow({"mineros_staff"}, REDIRECT) | UNSEEN,
        method="post",
        check=lambda w: _assert(
            not Share.objects.active().of(w.nec).filter(space=w.alliance).exists()
        ),
    ),
}

API: dict[str, Row] = {
    "GET /api/v1/spaces": Row(lambda w: "/api/v1/spaces", expect(200, anonymous=401)),
    "GET /api/v1/spaces/{slug}": Row(
        lambda w: f"/api/v1/spaces/{w.commission.slug}",
        allow(LEADERS, 200, no=404, anonymous=401),
    ),
}

API |= {
    "GET /api/v1/spaces/{slug}/proposals": Row(
        lambda w: f"/api/v1/spaces/{rec.the_proposal(w).space.slug}/proposals",
        allow(LEADERS, 200, no=404, anonymous=401),
    ),
    "POST /api/v1/spaces/proposals/{proposal_id}/accept": Row(
        lambda w: f"/api/v1/spaces/proposals/{rec.the_proposal(w).pk}/accept",
        allow({"mineros_staff"}, 200, anonymous=401) | UNSEEN,
        method="post",
        check=lambda w: _assert(
            w.commission.participants.filter(organisation=w.unite).exists()
        ),
    ),
    "POST /api/v1/spaces/proposals/{proposal_id}/reject": Row(
        lambda w: f"/api/v1/spaces/proposals/{rec.the_proposal(w).pk}/reject",
        allow({"mineros_staff"}, 200, anonymous=401) | UNSEEN,
        method="post",
        check=lambda w: _assert(
            Proposal.objects.get(organisation=w.unite).is_rejected
            and not w.commission.participants.filter(organisation=w.unite).exists()
        ),
    ),
}

test_page, test_api, test_every_route_has_a_row = matrix_tests("spaces", PAGES, API)


# The other direction: what the USW owns or must answer ------------------------------
# Los Mineros proposed (the_mineros_proposal): the USW's staff answer it; the USW
# shared its board: only its staff withdraw it. Every refusal leaves all as it was.

USW_MANAGERS = {"usw_staff", "usw_admin"}


def _unite_in_alliance(w) -> bool:
    return w.alliance.participants.filter(organisation=w.unite).exists()


MIRROR_PAGES: dict[str, Row] = {
    "spaces:proposal_accept (Los Mineros' proposal)": Row(
        lambda w: reverse(
            "spaces:proposal_accept", args=[rec.the_mineros_proposal(w).pk]
        ),
        allow(USW_MANAGERS, REDIRECT) | UNSEEN,
        method="post",
        check=lambda w: _assert(
            _unite_in_alliance(w) and rec.the_mineros_proposal(w).is_accepted
        ),
    ),
    "spaces:proposal_reject (Los Mineros' proposal)": Row(
        lambda w: reverse(
            "spaces:proposal_reject", args=[rec.the_mineros_proposal(w).pk]
        ),
        allow(USW_MANAGERS, REDIRECT) | UNSEEN,
        method="post",
        check=lambda w: _assert(
            not _unite_in_alliance(w) and rec.the_mineros_proposal(w).is_rejected
        ),
    ),
    "spaces:withdraw (the USW's share)": Row(
        lambda w: reverse("spaces:withdraw", args=[rec.the_usw_share(w).pk]),
        allow(USW_MANAGERS, REDIRECT) | UNSEEN,
        method="post",
        check=lambda w: _assert(
            not Share.objects.active().of(w.ieb).filter(space=w.alliance).exists()
        ),
    ),
    "spaces:share (the USW's board)": Row(
        lambda w: reverse("spaces:share", args=[rec.the_content_type(w.ieb), w.ieb.pk]),
        allow(USW_MANAGERS, REDIRECT),
        method="post",
        data=lambda w: {"space": w.alliance.pk},
        check=lambda w: _assert(
            Share.objects.active().of(w.ieb).filter(space=w.alliance).exists()
        ),
    ),
}

MIRROR_API: dict[str, Row] = {
    "POST /api/v1/spaces/proposals/{proposal_id}/accept (Los Mineros')": Row(
        lambda w: f"/api/v1/spaces/proposals/{rec.the_mineros_proposal(w).pk}/accept",
        allow(USW_MANAGERS, 200, anonymous=401) | UNSEEN,
        method="post",
        check=lambda w: _assert(_unite_in_alliance(w)),
    ),
    "POST /api/v1/spaces/proposals/{proposal_id}/reject (Los Mineros')": Row(
        lambda w: f"/api/v1/spaces/proposals/{rec.the_mineros_proposal(w).pk}/reject",
        allow(USW_MANAGERS, 200, anonymous=401) | UNSEEN,
        method="post",
        check=lambda w: _assert(
            rec.the_mineros_proposal(w).is_rejected and not _unite_in_alliance(w)
        ),
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MIRROR_PAGES))
def test_mirror_page(client, matrix_world, name, persona):
    run_page(client, matrix_world, MIRROR_PAGES[name], persona)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MIRROR_API))
def test_mirror_api(client, matrix_world, name, persona):
    run_api(client, matrix_world, name.split(" (")[0], MIRROR_API[name], persona)
