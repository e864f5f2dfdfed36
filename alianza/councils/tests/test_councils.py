from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from alianza.audit.models import AuditEntry
from alianza.councils import actions
from alianza.councils.selectors import candidate_units, rotation
from alianza.employers.models import Employer
from alianza.orgs.models import Organisation, Unit
from alianza.spaces.proposals import accept

MX = ZoneInfo("America/Mexico_City")


@pytest.fixture
def council(world):
    """Founded by Los Mineros; USW accepts its Local 915 joining."""
    founded = actions.found_council(world["mineros_staff"], world.grupo)
    for proposal in founded.space.proposals.filter(status="pending"):
        accept(world["usw_staff"], proposal)
    mail.outbox.clear()
    return founded


def test_founding_brings_the_unions_and_their_locals_together(world):
    council = actions.found_council(world["mineros_staff"], world.grupo)
    assert {p.organisation.short_name for p in council.space.participants.all()} == {
        "USW",
        "Los Mineros",
    }
    # The founding union's section joins with it; USW's local is proposed to USW.
    assert {m.unit.name for m in council.member_units.all()} == {"Sección 65"}
    proposal = council.space.proposals.get()
    assert proposal.unit == world.local and proposal.is_pending
    # USW's administrator and staff are told, in English, with a link.
    assert {m.to[0] for m in mail.outbox} == {"admin@usw.test", "staff@usw.test"}
    assert "/spaces/" in mail.outbox[0].body and "Local 915" in mail.outbox[0].body
    accept(world["usw_staff"], proposal)
    assert {m.unit.name for m in council.member_units.all()} == {
        "Local 915",
        "Sección 65",
    }
    assert council.body.kind == "council" and council.body.space == council.space
    assert AuditEntry.objects.get(action="councils.founded").space == council.space


def test_a_council_is_founded_once_at_the_head_of_the_family(world, council):
    with pytest.raises(ValidationError):
        actions.found_council(world["usw_staff"], world.grupo)
    with pytest.raises(ValidationError):
        actions.found_council(world["usw_staff"], world.asarco)


def test_only_where_the_workers_are_shared(world):
    lonely = Employer.objects.create(slug="solo", name="Solo SA", country="MX")
    with pytest.raises(ValidationError):
        actions.found_council(world["mineros_staff"], lonely)


def test_only_staff_of_a_union_present_found_it(world):
    with pytest.raises(PermissionDenied):
        actions.found_council(world["usw_officer"], world.grupo)


def test_meetings_rotate_through_the_countries(world, council):
    turn = rotation(council)
    assert turn.countries == ["MX", "US"] and turn.next_country == "MX"
    assert turn.next_host == world.section65
    start = datetime(2026, 4, 20, 10, tzinfo=MX)
    actions.schedule_meeting(
        world["mineros_staff"], council, starts_at=start, ends_at=start + timedelta(hours=6),
        country="MX", host_unit=world.section65, place="Cananea, Sonora",
    )  # fmt: skip
    turn = rotation(council)
    assert turn.next_country == "US" and turn.next_host == world.local
    assert [m.country for m in turn.history] == ["MX"]


def test_a_host_from_elsewhere_is_refused(world, council):
    start = datetime(2026, 5, 1, 10, tzinfo=MX)
    with pytest.raises(ValidationError):
        actions.schedule_meeting(
            world["usw_staff"], council, starts_at=start, ends_at=start + timedelta(hours=2),
            country="MX", host_unit=world.local,
        )  # fmt: skip
    with pytest.raises(ValidationError):
        actions.schedule_meeting(
            world["usw_staff"], council, starts_at=start, ends_at=start, country="US"
        )


def test_calendar_feed_is_read_by_a_calendar_parser(client, world, council):
    start = datetime(2026, 8, 6, 9, tzinfo=MX)
    meeting = actions.schedule_meeting(
        world["mineros_staff"], council, starts_at=start, ends_at=start + timedelta(hours=8),
        country="MX", host_unit=world.section65, place="Cananea; Sonora, México",
    )  # fmt: skip
    # The officer of a member section reads the council's meetings.
    secret = actions.new_calendar_secret(world["mineros_officer"])
    response = client.get(
        reverse("councils:council_calendar", args=[secret, council.space.slug])
    )
    assert response["Content-Type"].startswith("text/calendar")
    parsed = icalendar.Calendar.from_ical(response.content)
    (event,) = parsed.walk("VEVENT")
    assert str(event["UID"]) == meeting.uid
    assert event.decoded("DTSTART") == start
    # In the subscriber's language (the officer reads Spanish).
    assert str(event["LOCATION"]) == "Cananea; Sonora, México, México"
    assert "Sección 65" in str(event["DESCRIPTION"])
    mine = client.get(reverse("councils:my_calendar", args=[secret]))
    assert len(icalendar.Calendar.from_ical(mine.content).walk("VEVENT")) == 1


def test_renewing_the_calendar_addresses_is_audited(world):
    from alianza.audit.models import AuditEntry

    first = actions.new_calendar_secret(world["usw_officer"])
    second = actions.new_calendar_secret(world["usw_officer"])
    assert first != second
    entries = AuditEntry.objects.filter(action="councils.calendar_secret_renewed")
    assert [e.actor for e in entries] == [world["usw_officer"]] * 2


def test_calendar_addresses_are_secret(client, world, council):
    assert (
        client.get(reverse("councils:my_calendar", args=["guess"])).status_code == 404
    )
    # A member of no member unit: the council's meetings are not hers to read.
    outsider = actions.new_calendar_secret(world["mineros_observer"])
    url = reverse("councils:council_calendar", args=[outsider, council.space.slug])
    assert client.get(url).status_code == 404
    old = actions.new_calendar_secret(world["usw_officer"])
    actions.new_calendar_secret(world["usw_officer"])
    assert client.get(reverse("councils:my_calendar", args=[old])).status_code == 404


def test_common_employers_page_proposes_then_links_the_council(client, world):
    world["usw_staff"].language = "en"
    world["usw_staff"].save()
    client.force_login(world["usw_staff"])
    page = client.get(reverse("employers:common")).content.decode()
    assert "Found the council" in page
    response = client.post(reverse("councils:found", args=["grupo-mexico"]))
    assert response.status_code == 302
    page = client.get(reverse("employers:common")).content.decode()
    assert "Grupo México Council" in page and "Found the council" not in page


def test_council_page_in_spanish(client, world, council):
    client.force_login(world["mineros_officer"])
    page = client.get(
        reverse("councils:council", args=[council.space.slug])
    ).content.decode()
    assert '<html lang="es">' in page
    assert "Sección 65" in page and "Local 915" in page


def test_member_units_are_units(world, council):
    assert all(isinstance(m.unit, Unit) for m in council.member_units.all())


def test_news_in_one_language_read_in_another(client, world, council):
    from alianza.councils.models import CouncilPost
    from alianza.multilingual.actions import save_translation

    post = actions.post_news(
        world["mineros_officer"], council, kind="strike", title="La huelga sigue",
        body="Los compañeros de Cananea siguen en huelga.", language="es",
    )  # fmt: skip
    # Anyone taking part may translate the exchange for the others (USW's staff).
    save_translation(
        world["usw_staff"], post, "body", "en", "The Cananea strike goes on."
    )
    save_translation(world["usw_staff"], post, "title", "en", "The strike goes on")
    # A member of a member local reads it in her language.
    world["usw_member"].language = "en"
    world["usw_member"].save()
    client.force_login(world["usw_member"])
    page = client.get(
        reverse("councils:council", args=[council.space.slug])
    ).content.decode()
    assert "The strike goes on" in page and "The Cananea strike goes on." in page
    assert (
        "Los compañeros de Cananea siguen en huelga." in page
    )  # the original, a click away
    # Members read; they do not post. An officer of another unit does not either.
    for name in ("member", "usw_officer"):
        with pytest.raises(PermissionDenied):
            actions.post_news(
                world[name], council, kind="strike", title="x", body="y", language="es"
            )
    assert CouncilPost.objects.count() == 1


def test_action_items_and_reminders(
    world, council, mailoutbox, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    # USW staff cannot hand work to a Mineros member they cannot see, who is
    # neither a delegate nor an officer of a member unit...
    with pytest.raises(ValidationError):
        actions.add_action_item(
            world["usw_staff"], council, title="x", owner=world.rank_and_file,
            due_on=timezone.localdate(),
        )  # fmt: skip
    # ...but any officer of a member unit may own an item, whichever union's.
    item = actions.add_action_item(
        world["mineros_staff"], council, title="Send the solidarity letter",
        owner=world["mineros_officer"].person, due_on=timezone.localdate() + timedelta(days=2),
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        actions.set_action_status(world["observer"], item, "done")
    assert actions.send_reminders() == 1
    assert mailoutbox[0].to == ["officer@mineros.test"]
    # In the owner's language: the Los Mineros officer reads Spanish.
    assert item.owner.preferred_language == "es"
    assert mailoutbox[0].subject == "Recordatorio: Send the solidarity letter"
    # Once a day at most.
    assert actions.send_reminders() == 0
    actions.set_action_status(world["mineros_officer"], item, "done")
    item.refresh_from_db()
    assert item.status == "done"


def test_reminders_reach_an_owner_known_only_by_their_sign_in(
    world, council, mailoutbox
):
    from django.utils import timezone

    owner = world["usw_officer"].person
    owner.contacts.all().delete()
    actions.add_action_item(
        world["usw_staff"], council, title="Call District 12", owner=owner,
        due_on=timezone.localdate(),
    )  # fmt: skip
    assert actions.send_reminders() == 1
    assert mailoutbox[0].to == ["officer@usw.test"]


def test_a_unit_joins_the_council_and_its_union_takes_part(client, world, council):
    offered = set(candidate_units(council))
    assert world.section201 in offered and world.section65 not in offered
    client.force_login(world["mineros_staff"])
    url = reverse("councils:unit_add", args=[council.space.slug])
    response = client.post(url, {"unit": world.section201.pk}, follow=True)
    assert world.section201.name in response.content.decode()
    # Proposed by Los Mineros; it joins when USW accepts.
    assert not council.member_units.filter(unit=world.section201).exists()
    accept(world["usw_staff"], council.space.proposals.get(unit=world.section201))
    assert council.member_units.filter(unit=world.section201).exists()
    joined = AuditEntry.objects.filter(action="councils.unit_joined")
    assert [
        e.data["union"] for e in joined if e.data.get("unit") == world.section201.pk
    ] == [world.usw.pk]
    # A union neither taking part nor present at the employer is not offered.
    unite = Organisation.objects.create(slug="far", name="Far Away", short_name="Far")
    branch = Unit.objects.create(organisation=unite, name="Branch 1", country="GB")
    with pytest.raises(ValidationError):
        actions.add_member_unit(world["mineros_staff"], council, branch)
    client.post(url, {"unit": branch.pk})
    assert not council.member_units.filter(unit=branch).exists()
    assert not council.space.participants.filter(organisation=unite).exists()


def test_only_the_councils_coordinators_add_units(client, world, council):
    with pytest.raises(PermissionDenied):
        actions.add_member_unit(world["mineros_officer"], council, world.section201)
    client.force_login(world["mineros_officer"])
    url = reverse("councils:unit_add", args=[council.space.slug])
    assert client.post(url, {"unit": world.section201.pk}).status_code == 403
