"""Who may use the pages and endpoints of councils: its rows of the authorisation matrix."""

import pytest
from django.urls import reverse

from alianza.bodies.models import Seat
from alianza.councils.models import (
    ActionItem,
    Council,
    CouncilDocument,
    CouncilPost,
    CouncilUnit,
    DelegateRegistration,
)
from tests import matrix_records as rec
from tests.matrix import (
    MANAGERS,
    PERSONAS,
    REDIRECT,
    REFUSED,
    Row,
    allow,
    expect,
    matrix_tests,
    run_page,
)

# How far each persona reaches into the matrix's council (founded by USW staff: USW's
# Local 915 is its member unit; Sección 65 is proposed, not yet a member):
#: the staff of the coordinating unions take part: read all, write;
TAKES_PART = MANAGERS
#: a member of Local 915 reads what is not confidential;
READERS = {"usw_member"}
#: officers of other units (District 12, the union at large, Sección 65 not yet
#: joined) see that it exists, its units and whom to ask;
DIRECTORY = {"usw_officer", "observer", "mineros_officer"}
#: to the others it does not exist.
OUTSIDE = {"outsider", "member", "mineros_observer"}
#: Those for whom the council's content does not exist (404).
NO_CONTENT = OUTSIDE | DIRECTORY


def _exists(model, **lookup) -> None:
    assert model.objects.filter(**lookup).exists(), (model.__name__, lookup)


def _council_row(name: str, may: set[str], answer, also=None, **row):
    """A page of the council's content: ``may`` get ``answer``, its readers who may
    not do this 403, those who do not read it 404 (``also``: exceptions)."""
    answers = {**allow(may, answer), **dict.fromkeys(NO_CONTENT, 404), **(also or {})}
    return Row(
        lambda w: reverse(name, args=[rec.the_council(w).space.slug]), answers, **row
    )


def _delegate(w):
    """USW staff's delegate seat on the council: every coordinator may give her an
    action item (her own union's people are not the other union's to choose)."""
    person = w["usw_staff"].person
    Seat.objects.get_or_create(
        body=rec.the_council(w).body,
        holder=person,
        defaults={"kind": Seat.Kind.MEMBER, "representing": w.usw},
    )
    return person


def _meeting_url(w, name: str) -> str:
    cm = rec.the_council_meeting(w)
    return reverse(name, args=[cm.council.space.slug, cm.pk])


def _proposed_not_joined(w, unit) -> None:
    council = rec.the_council(w)
    assert council.space.proposals.filter(unit=unit, status="pending").exists()
    assert not CouncilUnit.objects.filter(council=council, unit=unit).exists()


PAGES: dict[str, Row] = {
    "councils:councils": Row(lambda w: reverse("councils:councils"), expect(200)),
    "councils:found": Row(
        lambda w: reverse("councils:found", args=[w.grupo.slug]),
        allow(MANAGERS, REDIRECT),
        method="post",
        check=lambda w: _exists(Council, employer=w.grupo),
    ),
    # The directory page for the officers of other units; nothing for the others.
    "councils:council": Row(
        lambda w: reverse("councils:council", args=[rec.the_council(w).space.slug]),
        {**expect(200), **dict.fromkeys(OUTSIDE, 404)},
    ),
    "councils:meeting_new": _council_row("councils:meeting_new", TAKES_PART, 200),
    "councils:meeting": Row(
        lambda w: _meeting_url(w, "councils:meeting"),
        {**allow(TAKES_PART | READERS, 200), **dict.fromkeys(NO_CONTENT, 404)},
    ),
    "councils:register": Row(
        lambda w: _meeting_url(w, "councils:register"),
        {**allow(TAKES_PART, REDIRECT), **dict.fromkeys(NO_CONTENT, 404)},
        method="post",
        data=lambda w: {"arrives_on": "2027-07-14", "departs_on": "2027-07-16"},
        check=lambda w: _exists(
            DelegateRegistration, council_meeting=rec.the_council_meeting(w)
        ),
    ),
    # A USW document: USW's staff put it before the council; Los Mineros' staff
    # cannot read it and are refused.
    "councils:document_add": _council_row(
        "councils:document_add",
        {"usw_staff", "usw_admin"},
        REDIRECT,
        method="post",
        data=lambda w: {"document": rec.the_usw_document(w).pk, "confidential": "on"},
        check=lambda w: _exists(
            CouncilDocument, council=rec.the_council(w), confidential=True
        ),
        also={"mineros_staff": REFUSED},
    ),
    "councils:post_add": _council_row(
        "councils:post_add",
        TAKES_PART,
        REDIRECT,
        method="post",
        data=lambda w: {
            "kind": "strike",
            "title": "Huelga",
            "body": "Sigue.",
            "language": "es",
        },
        check=lambda w: _exists(
            CouncilPost, council=rec.the_council(w), title="Huelga"
        ),
    ),
    "councils:item_add": _council_row(
        "councils:item_add",
        TAKES_PART,
        REDIRECT,
        method="post",
        data=lambda w: {
            "title": "Letter",
            "owner": _delegate(w).pk,
            "due_on": "2026-12-01",
        },
        check=lambda w: _exists(
            ActionItem, council=rec.the_council(w), title="Letter", owner=_delegate(w)
        ),
    ),
    "councils:unit_add": _council_row(
        "councils:unit_add",
        MANAGERS,
        REDIRECT,
        method="post",
        data=lambda w: {"unit": w.section201.pk},
        # A proposal, waiting for the other coordinating union: not a member yet.
        check=lambda w: _proposed_not_joined(w, w.section201),
    ),
    "councils:item_status": Row(
        lambda w: reverse("councils:item_status", args=[rec.the_action_item(w).pk]),
        # The owner (usw_officer) and the coordinators' staff; its readers are
        # refused; to those who do not read the council the item does not exist.
        {
            **allow(MANAGERS | {"usw_officer"}, REDIRECT),
            **dict.fromkeys(NO_CONTENT - {"usw_officer"}, 404),
        },
        method="post",
        data=lambda w: {"status": "done"},
        check=lambda w: _exists(ActionItem, title="Solidarity letter", status="done"),
    ),
    "councils:calendar_links": Row(
        lambda w: reverse("councils:calendar_links"), expect(200)
    ),
    # Calendar feeds are opened by calendar programs: the secret in the address is
    # the only credential, whoever asks.
    "councils:my_calendar": Row(
        lambda w: reverse("councils:my_calendar", args=[rec.the_calendar_secret(w)]),
        expect(200, anonymous=200),
    ),
    "councils:council_calendar": Row(
        lambda w: reverse(
            "councils:council_calendar",
            # A reader's feed: the member of Local 915 (an officer of another
            # unit has no feed of the council: its meetings are not hers to read).
            args=[
                rec.the_calendar_secret_of(w, "usw_member"),
                rec.the_council(w).space.slug,
            ],
        ),
        expect(200, anonymous=200),
    ),
}

API: dict[str, Row] = {}

test_page, test_api, test_every_route_has_a_row = matrix_tests("councils", PAGES, API)


# The other direction: a USW local proposed for the council ----------------------------
# Above, a Los Mineros section is proposed; here a USW local. Either union's
# staff may propose a unit, and it waits for the other coordinating union either way;
# everyone else is refused, nothing changed.

MIRROR_PAGES: dict[str, Row] = {
    "councils:unit_add (a USW local)": _council_row(
        "councils:unit_add",
        MANAGERS,
        REDIRECT,
        method="post",
        data=lambda w: {"unit": rec.the_usw_local(w).pk},
        check=lambda w: _proposed_not_joined(w, rec.the_usw_local(w)),
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MIRROR_PAGES))
def test_mirror_page(client, matrix_world, name, persona):
    run_page(client, matrix_world, MIRROR_PAGES[name], persona)
