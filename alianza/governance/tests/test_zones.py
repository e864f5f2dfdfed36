"""A meeting is held on its place's clock: it is shown there, named, and on the
reader's clock when hers shows another time; its start is typed on its clock."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from alianza.accounts.models import User
from alianza.governance import actions
from alianza.governance.models import Meeting

NY = ZoneInfo("America/New_York")


def reads(user: User, zone: str, language: str = "en") -> User:
    User.objects.filter(pk=user.pk).update(time_zone=zone, language=language)
    user.refresh_from_db()
    return user


@pytest.fixture
def board_meeting(world):
    """The USW board's 09:00 meeting in Pittsburgh, on 6 October 2026 (summer time)."""
    world.usw.time_zone = "America/New_York"
    world.usw.save()
    world.ieb.refresh_from_db()
    return actions.schedule_meeting(
        world["usw_staff"], world.ieb, title="Regular meeting of the board",
        starts_at=datetime(2026, 10, 6, 9, tzinfo=NY), mode="in_person",
        place="Pittsburgh, Pennsylvania", language="en",
    )  # fmt: skip


def test_the_board_meets_on_its_unions_clock(world, board_meeting):
    assert board_meeting.time_zone == ""  # none of its own: its body's, its union's
    assert board_meeting.zone == NY
    world.ieb.time_zone = "America/Toronto"
    world.ieb.save()
    board_meeting.refresh_from_db()
    assert board_meeting.zone.key == "America/Toronto"


def test_a_usw_reader_sees_nine_oclock_pittsburgh_time(client, world, board_meeting):
    client.force_login(reads(world["usw_staff"], "America/New_York"))
    page = client.get(board_meeting.get_absolute_url()).content.decode()
    assert "Oct. 6, 2026, 9 a.m., United States (New York) Time" in page
    assert "your time" not in page


def test_a_los_mineros_reader_sees_it_with_the_mexico_city_time(
    client, world, board_meeting
):
    """The Los Mineros observer on the USW board reads it in Mexico City."""
    from alianza.bodies.models import Seat

    Seat.objects.create(
        body=world.ieb, kind="observer", holder=world["mineros_staff"].person,
        representing=world.mineros, **Seat.rights_for("observer"),
    )  # fmt: skip
    client.force_login(reads(world["mineros_staff"], "America/Mexico_City"))
    page = client.get(board_meeting.get_absolute_url()).content.decode()
    assert (
        "Oct. 6, 2026, 9 a.m., United States (New York) Time — "
        "7 a.m. your time (Mexico (Mexico City) Time)"
    ) in page


def test_a_reader_without_a_zone_reads_the_servers_clock(client, world, board_meeting):
    """Accounts made before zones keep the server's clock (Mexico City)."""
    client.force_login(reads(world["usw_staff"], ""))
    page = client.get(board_meeting.get_absolute_url()).content.decode()
    assert "7 a.m. your time (Mexico (Mexico City) Time)" in page


def test_the_outsider_and_the_other_union_do_not_see_the_board_meeting(
    client, world, board_meeting
):
    for name in ("outsider", "member"):
        client.force_login(reads(world[name], "America/Mexico_City"))
        assert client.get(board_meeting.get_absolute_url()).status_code == 404


@pytest.fixture
def toronto(world):
    """A USW board that meets in Toronto, and its secretary, who is in Mexico City
    this week (her own clock says so)."""
    world.ieb.time_zone = "America/Toronto"
    world.ieb.save()
    return reads(world["usw_staff"], "America/Mexico_City")


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("2027-01-14T10:00", datetime(2027, 1, 14, 15, tzinfo=UTC), "10 a.m."),
        ("2026-07-14T10:00", datetime(2026, 7, 14, 14, tzinfo=UTC), "10 a.m."),
        # The hour that happens twice: the first, summer-time, one.
        ("2026-11-01T01:30", datetime(2026, 11, 1, 5, 30, tzinfo=UTC), "1:30 a.m."),
    ],
)
def test_the_toronto_secretarys_ten_oclock_is_ten_in_toronto(
    client, world, toronto, typed, stored, shown
):
    client.force_login(toronto)
    url = reverse("governance:meeting_new") + f"?body={world.ieb.pk}"
    form = client.get(url).content.decode()
    assert "Usual zone: Canada (Toronto) Time" in form  # the form says whose clock
    response = client.post(url, {
        "title": "Board meeting", "starts_at": typed, "mode": "in_person",
        "place": "Toronto, Ontario", "time_zone": "", "language": "en",
    })  # fmt: skip
    assert response.status_code == 302
    meeting = Meeting.objects.get(title="Board meeting")
    assert meeting.starts_at == stored
    assert meeting.time_zone == "America/Toronto"
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert f"{shown}, Canada (Toronto) Time" in page
    assert "your time (Mexico (Mexico City) Time)" in page


def test_another_zone_may_be_chosen_for_a_meeting_held_elsewhere(
    client, world, toronto
):
    client.force_login(toronto)
    url = reverse("governance:meeting_new") + f"?body={world.ieb.pk}"
    client.post(url, {
        "title": "Board meeting in Trail", "starts_at": "2027-01-14T10:00",
        "mode": "in_person", "place": "Trail, British Columbia",
        "time_zone": "America/Vancouver", "language": "en",
    })  # fmt: skip
    meeting = Meeting.objects.get(title="Board meeting in Trail")
    assert meeting.starts_at == datetime(2027, 1, 14, 18, tzinfo=UTC)
    assert meeting.zone.key == "America/Vancouver"


def test_the_hour_the_clocks_skip_is_refused_and_nothing_is_saved(
    client, world, toronto
):
    client.force_login(toronto)
    url = reverse("governance:meeting_new") + f"?body={world.ieb.pk}"
    response = client.post(url, {
        "title": "Board meeting", "starts_at": "2027-03-14T02:30", "mode": "in_person",
        "place": "Toronto", "time_zone": "", "language": "en",
    })  # fmt: skip
    assert response.status_code == 200
    assert "The clocks skip this time in Canada (Toronto) Time" in (
        response.content.decode()
    )
    assert not Meeting.objects.filter(title="Board meeting").exists()


def test_the_other_union_cannot_schedule_the_board_s_meeting(client, world, toronto):
    client.force_login(reads(world["mineros_staff"], "America/Mexico_City"))
    url = reverse("governance:meeting_new") + f"?body={world.ieb.pk}"
    response = client.post(url, {
        "title": "Board meeting", "starts_at": "2027-01-14T10:00", "mode": "in_person",
        "place": "Toronto", "time_zone": "", "language": "en",
    })  # fmt: skip
    assert response.status_code in (403, 404)
    assert not Meeting.objects.filter(title="Board meeting").exists()


def test_an_unknown_zone_is_refused_by_the_action(world):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        actions.schedule_meeting(
            world["usw_staff"], world.ieb, title="x", starts_at=datetime.now(UTC),
            mode="online", place="", language="en", time_zone="Mars/Olympus",
        )  # fmt: skip


def test_the_api_names_the_meetings_zone(client, world, board_meeting):
    from alianza.accounts.actions import create_token

    token = create_token(world["usw_staff"], "zones")[1]
    response = client.get(
        f"/api/v1/meetings/{board_meeting.pk}",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.json()["time_zone"] == "America/New_York"


def test_the_agenda_plans_its_items_on_the_meetings_clock(client, world, board_meeting):
    for title, minutes in (("Roll call", 15), ("Report of the observer", 20)):
        actions.add_agenda_item(
            world["usw_staff"], board_meeting, title=title, minutes=minutes
        )
    client.force_login(reads(world["usw_admin"], "America/Mexico_City"))
    page = client.get(board_meeting.get_absolute_url()).content.decode()
    assert "planned times on the meeting's clock: United States (New York) Time" in page
    assert ">9 a.m.</time> · +0 min · 15 min" in page
    assert ">9:15 a.m.</time> · +15 min · 20 min" in page


def test_the_minutes_say_when_it_met_on_its_places_clock(world, board_meeting):
    from django.utils import timezone

    from alianza.governance.selectors import assemble

    with timezone.override(ZoneInfo("America/Mexico_City")):  # the secretary's
        draft = assemble(board_meeting)
    assert "met on Oct. 6, 2026, 9 a.m., United States (New York) Time" in draft
