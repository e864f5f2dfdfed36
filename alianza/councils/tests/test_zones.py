"""A council meeting is on its host's clock: typed there, shown there and on the
reader's, and sent to calendars in UTC with the host's clock in its description."""

from datetime import UTC, datetime

import icalendar
import pytest
from django.core import mail
from django.urls import reverse

from alianza.accounts.models import User
from alianza.councils import actions
from alianza.councils.models import CouncilMeeting
from alianza.spaces.proposals import accept


@pytest.fixture
def council(world):
    """Founded by Los Mineros; USW accepts its Local 915 joining. Section 65 is in
    Cananea, Sonora, which keeps no summer time."""
    world.section65.place = "Cananea, Sonora"
    world.section65.save()
    founded = actions.found_council(world["mineros_staff"], world.grupo)
    for proposal in founded.space.proposals.filter(status="pending"):
        accept(world["usw_staff"], proposal)
    mail.outbox.clear()
    return founded


def reads(user: User, zone: str) -> User:
    User.objects.filter(pk=user.pk).update(time_zone=zone, language="en")
    user.refresh_from_db()
    return user


def schedule(client, world, council, **extra) -> CouncilMeeting:
    client.force_login(reads(world["mineros_staff"], "America/Mexico_City"))
    response = client.post(
        reverse("councils:meeting_new", args=[council.space.slug]),
        {
            "starts_at": "2026-08-06T09:00", "ends_at": "2026-08-06T17:00",
            "country": "MX", "host_unit": world.section65.pk, "place": "Cananea",
            "time_zone": "", **extra,
        },
    )  # fmt: skip
    assert response.status_code == 302
    return council.meetings.get()


def test_the_times_are_typed_on_the_hosts_clock(client, world, council):
    meeting = schedule(client, world, council)
    # 09:00 in Sonora (UTC-7 all year), though the secretary's clock is Mexico City's.
    assert meeting.starts_at == datetime(2026, 8, 6, 16, tzinfo=UTC)
    assert meeting.ends_at == datetime(2026, 8, 7, 0, tzinfo=UTC)
    assert meeting.time_zone == "America/Hermosillo"


def test_a_zone_chosen_in_the_form_wins_over_the_hosts(client, world, council):
    meeting = schedule(client, world, council, time_zone="America/Mexico_City")
    assert meeting.starts_at == datetime(2026, 8, 6, 15, tzinfo=UTC)


def test_the_council_page_shows_the_hosts_clock_and_the_readers(client, world, council):
    schedule(client, world, council)
    client.force_login(reads(world["usw_member"], "America/New_York"))
    page = client.get(council.get_absolute_url()).content.decode()
    assert (
        "08/06/2026 9 a.m., Mexico (Hermosillo) Time — "
        "noon your time (United States (New York) Time)"
    ) in page


def test_the_calendar_feed_is_in_utc_with_the_hosts_clock_named(client, world, council):
    schedule(client, world, council)
    secret = actions.new_calendar_secret(world["usw_member"])
    response = client.get(
        reverse("councils:council_calendar", args=[secret, council.space.slug])
    )
    assert "DTSTART:20260806T160000Z" in response.content.decode()
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2026, 8, 6, 16, tzinfo=UTC)
    assert "Starts Aug. 6, 2026, 9 a.m., Mexico (Hermosillo) Time." in str(
        event["DESCRIPTION"]
    )


def test_the_outsider_cannot_schedule_a_meeting(client, world, council):
    client.force_login(reads(world["outsider"], "America/Toronto"))
    response = client.post(
        reverse("councils:meeting_new", args=[council.space.slug]),
        {"starts_at": "2026-08-06T09:00", "ends_at": "2026-08-06T17:00",
         "country": "MX", "time_zone": ""},
    )  # fmt: skip
    assert response.status_code == 404
    assert not council.meetings.exists()
