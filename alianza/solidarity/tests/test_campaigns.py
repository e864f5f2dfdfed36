from datetime import date

import icalendar
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from alianza.audit.models import AuditEntry
from alianza.councils.actions import new_calendar_secret
from alianza.solidarity import actions
from alianza.solidarity.selectors import visible_campaigns
from alianza.spaces.actions import share_record


@pytest.fixture
def campaign(world):
    return actions.create_campaign(
        world["mineros_staff"], world.mineros, kind="strike_support",
        title="Huelga de Cananea", summary="Desde 2007.", language="es",
        worksite=world.cananea, started_on=date(2007, 7, 30),
    )  # fmt: skip


@pytest.fixture
def organizing(world):
    campaign = actions.create_campaign(
        world["mineros_staff"], world.mineros, kind="organizing",
        title="Organizar Buenavista", language="es",
    )  # fmt: skip
    return actions.add_target(
        world["mineros_staff"], campaign, worksite=world.cananea, covered_workers=1000
    )


def test_a_campaign_belongs_to_its_union(world, campaign):
    assert campaign.employer == world.grupo  # taken from the target worksite
    assert AuditEntry.objects.get(
        action="solidarity.campaign_created"
    ).organisation == (world.mineros)
    for name in ("mineros_staff", "mineros_officer"):
        assert campaign in visible_campaigns(world[name])
    for name in ("usw_staff", "observer", "member", "outsider"):
        assert campaign not in visible_campaigns(world[name])
    with pytest.raises(PermissionDenied):
        actions.create_campaign(
            world["member"], world.mineros, kind="policy", title="x"
        )
    with pytest.raises(PermissionDenied):
        actions.create_campaign(
            world["usw_staff"], world.mineros, kind="policy", title="x"
        )


def test_sharing_into_the_alliance_shows_it_to_the_other_union(client, world, campaign):
    share_record(world["mineros_staff"], campaign, world.alliance)
    assert campaign in visible_campaigns(world["usw_officer"])
    client.force_login(world["usw_officer"])
    page = client.get(campaign.get_absolute_url()).content.decode()
    assert "Solidarity Alliance" in page  # the "who can see this" card names it
    # The USW records its own support action, not one of Los Mineros.
    entry = actions.add_timeline_entry(
        world["usw_officer"], campaign, kind="rally", happened_on=date(2026, 1, 5),
        title="Rally at the Hayden smelter", organisation=world.usw,
    )  # fmt: skip
    assert entry.organisation == world.usw
    with pytest.raises(PermissionDenied, match="Record only what your own union did"):
        actions.add_timeline_entry(
            world["usw_officer"], campaign, kind="rally", happened_on=date(2026, 1, 5),
            title="x", organisation=world.mineros,
        )  # fmt: skip


def test_a_strike_runs_and_gathers_support(client, world, campaign):
    strike = actions.register_strike(
        world["mineros_staff"], campaign, worksite=world.cananea, unit=world.section65,
        started_on=date(2007, 7, 30), demands="Seguridad e higiene.",
    )  # fmt: skip
    assert strike.duration_text(date(2024, 8, 15)) == "17 years"
    assert strike.duration_text(date(2008, 1, 1)) == "5 months"
    assert strike.duration_text(date(2007, 8, 1)) == "2 days"
    actions.add_timeline_entry(
        world["mineros_officer"], campaign, kind="donation", happened_on=date(2026, 1, 2),
        title="Despensas", strike=strike,
    )  # fmt: skip
    with pytest.raises(ValidationError):
        actions.register_strike(
            world["mineros_staff"], campaign, worksite=world.cananea,
            unit=world.section65, started_on=date(2999, 1, 1), demands="x",
        )  # fmt: skip
    client.force_login(world["mineros_officer"])
    page = client.get(strike.get_absolute_url()).content.decode()
    assert "Despensas" in page and "años" in page  # the officer reads Spanish


def test_the_30_percent_rule_is_computed_and_explained(world, organizing):
    staff = world["mineros_staff"]
    assert "No support figures yet" in organizing.support_explanation()
    actions.move_stage(staff, organizing, "contacts")
    actions.move_stage(staff, organizing, "committee")
    with pytest.raises(ValidationError, match="Move one stage at a time"):
        actions.move_stage(staff, organizing, "approval_vote")
    actions.record_support(staff, organizing, covered_workers=1000, supporters=299)
    assert organizing.support_explanation() == (
        "299 of 1,000 covered workers signed: 30% needed — not reached yet."
    )
    with pytest.raises(ValidationError, match="30%"):
        actions.move_stage(staff, organizing, "certificate")
    actions.record_support(staff, organizing, covered_workers=1000, supporters=312)
    assert organizing.support_explanation() == (
        "312 of 1,000 covered workers signed: 30% needed — reached."
    )
    actions.move_stage(staff, organizing, "certificate")
    assert organizing.stage == "certificate"
    assert organizing.representation_election is None
    with pytest.raises(ValidationError):
        actions.record_support(staff, organizing, covered_workers=10, supporters=11)


def test_organizing_contacts_only_for_the_team(client, world, organizing):
    actions.add_contact(world["mineros_staff"], organizing, name="Juana Obrera")
    # The officer leads the union and sees the pipeline, but is not on the team.
    with pytest.raises(PermissionDenied, match="organizing team"):
        actions.add_contact(world["mineros_officer"], organizing, name="x")
    client.force_login(world["mineros_officer"])
    page = client.get(organizing.get_absolute_url()).content.decode()
    assert "Juana Obrera" not in page
    actions.add_team_member(
        world["mineros_staff"], organizing.campaign, world["mineros_officer"].person
    )
    page = client.get(organizing.get_absolute_url()).content.decode()
    assert "Juana Obrera" in page
    # The audit log names nobody.
    entry = AuditEntry.objects.get(action="solidarity.contact_added")
    assert "Juana" not in str(entry.data)


def test_events_calendar_repeats_commemorations_every_year(client, world):
    event = actions.create_event(
        world["mineros_staff"], world.mineros, kind="commemoration",
        title="Pasta de Conchos", starts_on=date(2006, 2, 19), country="MX",
        place="San Juan de Sabinas", annual=True, language="es",
    )  # fmt: skip
    assert event.next_date(date(2026, 3, 1)) == date(2027, 2, 19)
    assert event.next_date(date(2026, 1, 1)) == date(2026, 2, 19)
    actions.add_delegation(
        world["usw_officer"], event, organisation=world.usw, unit=world.district12,
        people=6,
    )  # fmt: skip
    with pytest.raises(PermissionDenied, match="announce its delegation"):
        actions.add_delegation(world["usw_officer"], event, organisation=world.mineros)
    client.force_login(world["member"])
    page = client.get(reverse("solidarity:events")).content.decode()
    assert "Pasta de Conchos" in page and "District 12" in page
    secret = new_calendar_secret(world["member"])
    feed = client.get(reverse("solidarity:events_calendar", args=[secret]))
    calendar = icalendar.Calendar.from_ical(feed.content)
    (vevent,) = [c for c in calendar.walk("VEVENT")]
    assert str(vevent["SUMMARY"]) == "Pasta de Conchos"
    assert vevent["RRULE"]["FREQ"] == ["YEARLY"]  # type: ignore[index]
    assert vevent.decoded("DTSTART") == date(2006, 2, 19)
    assert (
        client.get(reverse("solidarity:events_calendar", args=["wrong"])).status_code
        == 404
    )


def test_hub_lists_what_each_persona_may_see(
    client, world, campaign, django_assert_max_num_queries
):
    client.force_login(world["mineros_officer"])
    with django_assert_max_num_queries(25):
        page = client.get(reverse("solidarity:hub")).content.decode()
    assert "Huelga de Cananea" in page
    client.force_login(world["usw_officer"])
    assert (
        "Huelga de Cananea"
        not in client.get(reverse("solidarity:hub")).content.decode()
    )


def test_the_published_support_vote_decides_the_certificate(world, organizing):
    from datetime import timedelta

    from django.utils import timezone

    from alianza.elections import actions as elections
    from alianza.elections.models import Election

    staff = world["mineros_staff"]
    vote = elections.create_election(
        staff, world.mineros, kind="representation", title="Apoyo", question="¿Apoya?",
        opens_at=timezone.now(), closes_at=timezone.now() + timedelta(days=2),
        language="es", covered_workers=1000,
    )  # fmt: skip
    strike = elections.create_election(
        staff, world.mineros, kind="strike", title="Huelga", question="¿Huelga?",
        opens_at=timezone.now(), closes_at=timezone.now() + timedelta(days=2), language="es",
    )  # fmt: skip
    with pytest.raises(ValidationError, match="representation certificate"):
        actions.link_election(staff, organizing, strike)
    with pytest.raises(PermissionDenied):
        actions.link_election(world["mineros_officer"], organizing, vote)
    actions.link_election(staff, organizing, vote)
    actions.record_support(staff, organizing, covered_workers=1000, supporters=100)
    assert not organizing.support_reached  # the team's own count, until the vote
    Election.objects.filter(pk=vote.pk).update(
        status="published", result={"counts": [[312, 40]], "counted": 352}
    )
    organizing.refresh_from_db()
    assert organizing.support_reached
    assert organizing.support_explanation() == (
        "Reached: 312 of the 1,000 covered workers supported the request; 300 (30%) were needed."
    )
