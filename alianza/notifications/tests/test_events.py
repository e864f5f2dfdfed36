"""Each event tells whoever must act next (the oracle is the rule, written here from
the roles, not from the code that finds the recipients)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from alianza.bodies.models import Seat
from alianza.councils import actions as councils
from alianza.governance.actions import schedule_meeting
from alianza.multilingual import actions as multilingual
from alianza.multilingual.actions import save_translation
from alianza.notifications.models import Kind, Notification
from alianza.solidarity import actions as solidarity
from alianza.spaces.proposals import accept


def _told(kind):
    return set(
        Notification.objects.filter(kind=kind).values_list("recipient", flat=True)
    )


def _persons(world, *names):
    return {world[name].person.pk for name in names}


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run an action as a request does: its notifications follow the commit."""

    def call(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return call


@pytest.fixture
def published(world, run):
    req = solidarity.draft_request(  # an author never vets her own request
        world["mineros_officer"], world.mineros, title="Solidaridad con Cananea",
        body="Apoyen la huelga.", language="es", audiences=[world.usw],
        deadline=timezone.localdate() + timedelta(days=20),
    )  # fmt: skip
    solidarity.vet_request(world["mineros_staff"], req)
    save_translation(
        world["mineros_staff"], req, "title", "en", "Solidarity with Cananea"
    )
    save_translation(world["mineros_staff"], req, "body", "en", "Support the strike.")
    return run(solidarity.publish_request, world["mineros_officer"], req)


def test_a_published_request_tells_the_leaders_of_the_unions_asked(world, published):
    # Asked: the USW. Its leaders (administrator, staff, officers) answer; its members
    # and every person of Los Mineros do not.
    assert _told(Kind.REQUEST_PUBLISHED) == _persons(
        world, "usw_admin", "usw_staff", "usw_officer", "observer"
    )


def test_a_pledge_tells_the_leaders_of_the_requesting_union(world, published, run):
    run(solidarity.pledge, world["usw_officer"], published, organisation=world.usw,
        unit=world.district12,
        kind="rally", description="Rally at Hayden")  # fmt: skip
    assert _told(Kind.PLEDGE_RECORDED) == _persons(
        world, "mineros_staff", "mineros_officer"
    )


def test_a_signatory_added_is_asked_to_sign(world, run):
    letter = solidarity.draft_letter(world["usw_staff"], world.usw, title="Letter",
                                     body="Text", language="en")  # fmt: skip
    run(solidarity.add_signatory, world["usw_staff"], letter,
        person=world["usw_officer"].person, organisation=world.usw)  # fmt: skip
    assert _told(Kind.SIGNATORY_ADDED) == _persons(world, "usw_officer")


@pytest.fixture
def council(world):
    founded = councils.found_council(world["mineros_staff"], world.grupo)
    for proposal in founded.space.proposals.filter(status="pending"):
        accept(world["usw_staff"], proposal)
    for name, union in (("usw_officer", world.usw), ("mineros_officer", world.mineros)):
        Seat.objects.create(body=founded.body, kind="member",
                            holder=world[name].person, representing=union)  # fmt: skip
    return founded


def test_council_news_tells_the_councils_delegates_but_its_author(world, council, run):
    run(councils.post_news, world["usw_officer"], council, kind="bargaining",
        title="ASARCO offer", body="Read it.", language="en")  # fmt: skip
    delegates = set(council.body.seats.values_list("holder", flat=True))
    assert _told(Kind.COUNCIL_NEWS) == delegates - _persons(world, "usw_officer")
    assert _told(Kind.COUNCIL_NEWS) == _persons(world, "mineros_officer")


def test_an_action_item_tells_its_owner(world, council, run):
    run(councils.add_action_item, world["usw_staff"], council, title="Call Hayden",
        owner=world["mineros_officer"].person,
        due_on=timezone.localdate() + timedelta(days=3))  # fmt: skip
    assert _told(Kind.ACTION_ASSIGNED) == _persons(world, "mineros_officer")


def test_a_meeting_scheduled_tells_the_bodys_seat_holders(world, run):
    run(schedule_meeting, world["mineros_staff"], world.nec, title="Sesión",
        starts_at=timezone.now() + timedelta(days=5), mode="in_person",
        place="CDMX", language="es")  # fmt: skip
    holders = set(world.nec.seats.values_list("holder", flat=True))
    assert len(holders) == 4  # three members and the USW's observer
    assert _told(Kind.MEETING_SCHEDULED) == holders


def test_machine_drafts_tell_the_leaders_of_the_union_they_were_made_for(
    world, run, monkeypatch
):
    from alianza.multilingual import machine

    monkeypatch.setattr(machine, "is_configured", lambda: True)
    monkeypatch.setattr(machine, "translate", lambda text, a, b, g: f"[{b}] {text}")
    req = solidarity.draft_request(world["usw_staff"], world.usw, title="Hayden",
                                   body="Support.", language="en")  # fmt: skip
    run(multilingual.draft_translations, world["usw_staff"], req, "title")
    # Made for the USW (the union she acted for): its other leaders review them.
    assert _told(Kind.DRAFTS_TO_REVIEW) == _persons(
        world, "usw_admin", "usw_officer", "observer"
    )


def test_a_council_meeting_scheduled_tells_its_delegates(world, council, run):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    starts = datetime(2027, 7, 15, 9, tzinfo=ZoneInfo("America/Phoenix"))
    run(councils.schedule_meeting, world["usw_staff"], council, starts_at=starts,
        ends_at=starts.replace(hour=16), country="US", host_unit=world.local,
        time_zone="America/Phoenix")  # fmt: skip
    delegates = set(council.body.seats.values_list("holder", flat=True))
    assert delegates == _persons(world, "usw_officer", "mineros_officer")
    assert _told(Kind.MEETING_SCHEDULED) == delegates
    told = Notification.objects.get(
        kind=Kind.MEETING_SCHEDULED, recipient=world["mineros_officer"].person
    )
    assert "/councils/" in told.path
