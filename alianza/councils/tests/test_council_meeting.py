"""One council meeting: the meeting of the council's body, planned on the host's
clock with its agenda in the working languages, delegates registering with their
travel needs, in the calendar feed at the right hour; and who reaches a council."""

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from alianza.bodies.models import Seat
from alianza.councils import actions
from alianza.councils.models import CouncilMeeting, CouncilPost, DelegateRegistration
from alianza.councils.selectors import Access, access_to
from alianza.governance.models import Meeting
from alianza.multilingual.text import render_for
from alianza.orgs.models import Membership, Unit
from alianza.orgs.roles import Role
from alianza.spaces.proposals import accept
from conftest import make_user

PHOENIX = ZoneInfo("America/Phoenix")
#: Arizona keeps Mountain Standard Time all year: UTC−7, no daylight saving.
ARIZONA_OFFSET_HOURS = 7

AGENDA: list[dict[str, Any]] = [
    {"titles": {"en": "Welcome and roll call", "es": "Bienvenida y lista",
                "fr": "Accueil et appel"}, "minutes": 20},
    {"titles": {"en": "Bargaining at ASARCO", "es": "Negociación en ASARCO",
                "fr": "Négociation chez ASARCO"}, "minutes": 60},
]  # fmt: skip


@pytest.fixture
def council(world):
    """Founded by USW; Los Mineros accepts Sección 65 joining: Local 915 and Sección
    65 are its member units."""
    founded = actions.found_council(world["usw_staff"], world.grupo)
    for proposal in founded.space.proposals.filter(status="pending"):
        accept(world["mineros_staff"], proposal)
    mail.outbox.clear()
    return founded


@pytest.fixture
def other_local_officer(world):
    """A USW officer of a local that is not a member of the council."""
    other = Unit.objects.create(
        organisation=world.usw, kind="local", number="999", name="Local 999",
        country="US", parent=world.district12,
    )  # fmt: skip
    return make_user("o999@usw.test", "Otis Other", [(world.usw, Role.OFFICER, other)])


def plan(world, council, actor="mineros_officer", **extra) -> CouncilMeeting:
    starts = datetime(2027, 7, 15, 9, tzinfo=PHOENIX)
    data = {
        "starts_at": starts, "ends_at": starts + timedelta(hours=7), "country": "US",
        "host_unit": world.local, "place": "Kearny, Arizona",
        "time_zone": "America/Phoenix", "language": "en", "agenda": AGENDA,
        "titles": {"en": "Meeting at Kearny", "es": "Reunión en Kearny",
                   "fr": "Réunion à Kearny"},
        "interpretation": ["en-es", "en-fr", "es-fr"],
    }  # fmt: skip
    return actions.schedule_meeting(world[actor], council, **{**data, **extra})


# --- One record ----------------------------------------------------------------------


def test_the_council_meeting_is_the_meeting_of_its_body(world, council):
    cm = plan(world, council)
    (meeting,) = Meeting.objects.filter(body=council.body)
    assert cm.meeting == meeting
    # Date, venue, zone and agenda live on the one record only.
    names = {f.name for f in CouncilMeeting._meta.get_fields()}
    assert not names & {"starts_at", "ends_at", "place", "time_zone", "agenda"}
    assert cm.starts_at == meeting.starts_at == datetime(2027, 7, 15, 16, tzinfo=UTC)
    assert meeting.time_zone == "America/Phoenix" and cm.zone == PHOENIX
    titles = [item.title for item in meeting.agenda.order_by("position")]
    assert titles == [a["titles"]["en"] for a in AGENDA]
    for language in ("es", "fr"):
        assert [
            render_for(item, "title", language).text
            for item in meeting.agenda.order_by("position")
        ] == [a["titles"][language] for a in AGENDA]
    assert render_for(meeting, "title", "fr").text == "Réunion à Kearny"
    assert cm.interpretation == ["en-es", "en-fr", "es-fr"]


def test_it_appears_on_its_bodys_page(client, world, council):
    cm = plan(world, council)
    world["usw_staff"].language = "es"
    world["usw_staff"].save()
    client.force_login(world["usw_staff"])
    page = client.get(council.body.get_absolute_url()).content.decode()
    assert cm.meeting.get_absolute_url() in page and "Reunión en Kearny" in page


def test_the_hosts_zone_is_validated(world, council):
    with pytest.raises(ValidationError):
        plan(world, council, time_zone="Arizona/Kearny")
    with pytest.raises(ValidationError):
        plan(world, council, interpretation=["en-xx"])
    assert not Meeting.objects.filter(body=council.body).exists()


def test_the_rotation_proposes_the_next_meeting_filled_in(client, world, council):
    plan(world, council)  # the US turn: Local 915 hosted
    client.force_login(world["mineros_officer"])
    form = client.get(
        reverse("councils:meeting_new", args=[council.space.slug])
    ).context["form"]
    assert form.initial["country"] == "MX"
    assert form.initial["host_unit"] == world.section65.pk


# --- The calendar feed at the right hour ----------------------------------------------


def test_the_feed_puts_9_in_phoenix_at_16_utc_in_july(client, world, council):
    plan(world, council)
    secret = actions.new_calendar_secret(world["member"])  # reads Spanish
    body = client.get(
        reverse("councils:council_calendar", args=[secret, council.space.slug])
    ).content
    (event,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    expected = datetime(2027, 7, 15, 9 + ARIZONA_OFFSET_HOURS, tzinfo=UTC)
    assert "DTSTART:20270715T160000Z" in body.decode()
    assert event.decoded("DTSTART") == expected
    # No summer time: a January meeting at 9:00 is at 16:00 UTC too (Denver's, on
    # the same mountain clock but with daylight saving, would move in July).
    winter = datetime(2027, 1, 14, 9, tzinfo=PHOENIX).astimezone(UTC)
    assert winter.hour == 9 + ARIZONA_OFFSET_HOURS
    assert (
        datetime(2027, 7, 15, 9, tzinfo=ZoneInfo("America/Denver")).astimezone(UTC).hour
        == 9 + ARIZONA_OFFSET_HOURS - 1
    )
    description = str(event["DESCRIPTION"])
    assert "Negociación en ASARCO" in description and "Reunión en Kearny" in str(
        event["SUMMARY"]
    )


# --- Registration ---------------------------------------------------------------------


def test_a_delegate_registers_with_her_travel_needs(world, council):
    cm = plan(world, council)
    Seat.objects.create(
        body=council.body, kind="member", holder=world["mineros_officer"].person,
        representing=world.mineros,
    )  # fmt: skip
    registration = actions.register_delegate(
        world["mineros_officer"], cm, arrives_on=date(2027, 7, 14),
        departs_on=date(2027, 7, 16), visa_letter=True, dietary="vegetariano",
        access="",
    )  # fmt: skip
    assert registration.person == world["mineros_officer"].person
    # Again: the registration is updated, not doubled.
    actions.register_delegate(
        world["mineros_officer"], cm, arrives_on=date(2027, 7, 13),
        departs_on=date(2027, 7, 16), visa_letter=True,
    )  # fmt: skip
    (only,) = DelegateRegistration.objects.filter(council_meeting=cm)
    assert only.arrives_on == date(2027, 7, 13) and only.visa_letter
    with pytest.raises(ValidationError):
        actions.register_delegate(
            world["mineros_officer"], cm, arrives_on=date(2027, 7, 16),
            departs_on=date(2027, 7, 14),
        )  # fmt: skip
    # A member reads the meeting; she does not register as a delegate.
    for name in ("member", "usw_officer", "outsider"):
        with pytest.raises(PermissionDenied):
            actions.register_delegate(world[name], cm)
    assert DelegateRegistration.objects.count() == 1


# --- Who reaches the council: both unions ----------------------------------------------

#: persona → (level, reads a post, reads a confidential post, writes)
EXPECTED = {
    "mineros_officer": (Access.TAKES_PART, True, True, True),  # member section
    "usw_staff": (Access.TAKES_PART, True, True, True),  # coordinating union
    "member": (Access.READER, True, False, False),  # member of Sección 65
    "usw_member": (Access.READER, True, False, False),  # member of Local 915
    "usw_officer": (Access.DIRECTORY, False, False, False),  # District 12
    "other_local_officer": (Access.DIRECTORY, False, False, False),  # Local 999
    "mineros_observer": (Access.NONE, False, False, False),  # no unit
    "outsider": (Access.NONE, False, False, False),
}


@pytest.mark.parametrize("persona", sorted(EXPECTED))
def test_access_matrix(client, world, council, other_local_officer, persona):
    user = other_local_officer if persona == "other_local_officer" else world[persona]
    level, reads, reads_confidential, writes = EXPECTED[persona]
    open_post = actions.post_news(
        world["mineros_officer"], council, kind="bargaining", title="Abierta",
        body="Para todos.", language="es",
    )  # fmt: skip
    secret_post = actions.post_news(
        world["mineros_officer"], council, kind="bargaining", title="Reservada",
        body="Solo delegados.", language="es", confidential=True,
    )  # fmt: skip
    assert access_to(user, council) == level
    assert user.has_perm("councils.view_councilpost", open_post) == reads
    assert user.has_perm("councils.view_councilpost", secret_post) == reads_confidential
    assert user.has_perm("councils.write_council", council) == writes
    client.force_login(user)
    response = client.get(council.get_absolute_url())
    if level == Access.NONE:
        assert response.status_code == 404
        return
    page = response.content.decode()
    assert response.status_code == 200
    # Every level that sees the council sees its member units.
    assert "Sección 65" in page and "Local 915" in page
    assert ("Abierta" in page) == reads
    assert ("Reservada" in page) == reads_confidential
    if level == Access.DIRECTORY:
        # Whom to ask: the officers of the member units.
        assert "Óscar Oficial" in page
    if not writes:
        with pytest.raises(PermissionDenied):
            actions.schedule_meeting(
                user, council, starts_at=datetime(2027, 1, 1, tzinfo=UTC),
                ends_at=datetime(2027, 1, 2, tzinfo=UTC), country="US",
            )  # fmt: skip


def test_a_confidential_meeting_is_for_those_who_take_part(client, world, council):
    cm = plan(world, council, confidential=True)
    client.force_login(world["member"])
    assert client.get(cm.get_absolute_url()).status_code == 404
    client.force_login(world["mineros_officer"])
    assert client.get(cm.get_absolute_url()).status_code == 200
    secret = actions.new_calendar_secret(world["member"])
    feed = client.get(reverse("councils:my_calendar", args=[secret])).content
    assert icalendar.Calendar.from_ical(feed).walk("VEVENT") == []


def test_items_go_to_any_officer_of_a_member_unit(world, council):
    """USW's staff cannot see Los Mineros' people, but may give the officer of a
    member section an item; not a member nobody there works with."""
    item = actions.add_action_item(
        world["usw_staff"], council, title="Carta", owner=world["mineros_officer"].person,
        due_on=date(2027, 7, 1),
    )  # fmt: skip
    assert item.owner == world["mineros_officer"].person
    with pytest.raises(ValidationError):
        actions.add_action_item(
            world["usw_staff"], council, title="x", owner=world.rank_and_file,
            due_on=date(2027, 7, 1),
        )  # fmt: skip
    # An officer whose office ended is no longer offered.
    Membership.objects.filter(person=world["mineros_officer"].person).update(
        ended_on=date(2026, 1, 1)
    )
    with pytest.raises(ValidationError):
        actions.add_action_item(
            world["usw_staff"], council, title="y",
            owner=world["mineros_officer"].person, due_on=date(2027, 7, 1),
        )  # fmt: skip
    assert CouncilPost.objects.count() == 0


def test_the_body_and_its_meeting_are_not_for_officers_of_other_units(
    client, world, council, other_local_officer
):
    """The council's body page and the meeting's own page (agenda, motions) are the
    council's content: an officer of a local outside it does not reach them."""
    cm = plan(world, council)
    for user, status in (
        (other_local_officer, 404),
        (world["usw_officer"], 404),
        (world["usw_staff"], 200),  # coordinating union's staff
    ):
        client.force_login(user)
        assert client.get(council.body.get_absolute_url()).status_code == status
        assert client.get(cm.meeting.get_absolute_url()).status_code == status
