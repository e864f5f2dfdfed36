"""notify: one notification per person, in her language, by the channels she chose
(at once, in a daily digest, or not at all), with absolute links."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from alianza.lib import sms
from alianza.lib.when import zone_of
from alianza.multilingual.actions import save_translation
from alianza.notifications import actions, messages
from alianza.notifications.models import Kind, Mode, Notification
from alianza.orgs.models import ContactChannel, Person
from alianza.orgs.selectors import usual_zone_of
from alianza.solidarity import actions as solidarity

from .conftest import reach

State = Notification.State


@pytest.fixture
def letter(world):
    made = solidarity.draft_letter(
        world["usw_staff"], world.usw, title="Solidarity with Cananea",
        body="We stand with Sección 65.", language="en",
    )  # fmt: skip
    save_translation(world["usw_staff"], made, "title", "es", "Solidaridad con Cananea")
    save_translation(world["usw_staff"], made, "title", "fr", "Solidarité avec Cananea")
    return made


def _people(world):
    """Three readers: Spanish (her account), French (no account), English."""
    french = Person.objects.create(name="Sylvie Gagnon", country="CA",
                                   preferred_language="fr")  # fmt: skip
    ContactChannel.objects.create(person=french, kind="email", value="s.g@usw.test")
    return {
        "es": world["mineros_officer"].person,
        "fr": french,
        "en": world["usw_officer"].person,
    }


def _expected(kind, language, **context):
    subject, body = messages.WORDS[kind]
    with translation.override(language):
        return str(subject) % context, str(body) % context


def test_each_person_reads_it_in_her_language_with_the_records_translation(
    world, letter, site
):
    people = _people(world)
    made = actions.record_and_send(
        people.values(), Kind.SIGNATORY_ADDED,
        {"union": world.usw, "title": letter}, letter.get_absolute_url(),
    )  # fmt: skip
    titles = {"es": "Solidaridad con Cananea", "fr": "Solidarité avec Cananea",
              "en": "Solidarity with Cananea"}  # fmt: skip
    assert {n.language for n in made} == {"es", "fr", "en"}
    for n in made:
        subject, body = _expected(Kind.SIGNATORY_ADDED, n.language,
                                  union=str(world.usw), title=titles[n.language])  # fmt: skip
        assert (n.subject, n.body) == (subject, body)
    sent = {m.to[0]: m for m in mail.outbox}
    assert set(sent) == {"officer@mineros.test", "s.g@usw.test", "officer@usw.test"}
    link = f"{site}{letter.get_absolute_url()}"
    assert all(m.body.endswith(link) for m in sent.values())
    assert "Solidarité avec Cananea" in sent["s.g@usw.test"].subject


def test_the_one_who_acted_is_not_told_of_her_own_act(world):
    made = actions.record_and_send(
        [world["usw_officer"].person, world["usw_staff"].person], Kind.COUNCIL_NEWS,
        {"council": "C", "title": "T"}, "/x/", by=world["usw_officer"],
    )  # fmt: skip
    assert [n.recipient for n in made] == [world["usw_staff"].person]


def test_off_sends_nothing_and_digest_waits_for_the_daily_one(world, site):
    officer = world["usw_officer"].person
    staff = world["usw_staff"].person
    reach(officer, email_notices=Mode.DIGEST)
    reach(staff, email_notices=Mode.OFF)
    for title in ("First", "Second"):
        actions.record_and_send([officer, staff], Kind.COUNCIL_NEWS,
                                {"council": "Council", "title": title}, "/c/")  # fmt: skip
    assert mail.outbox == []
    assert set(Notification.objects.filter(recipient=staff).values_list(
        "email_state", flat=True)) == {State.NONE}  # fmt: skip
    assert actions.send_digests() == 1
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == ["officer@usw.test"]
    first, second = ("Council: First", "Council: Second")
    assert digest.body.index(first) < digest.body.index(second)
    assert f"{site}/c/" in digest.body and f"{site}/queue/" in digest.body
    assert not Notification.objects.filter(recipient=officer,
                                           email_state=State.DIGEST).exists()  # fmt: skip
    assert actions.send_digests() == 0  # nothing sent twice


def test_a_stopped_channel_is_off_for_notifications_too(world):
    person = world.rank_and_file  # a phone, no e-mail
    made = actions.record_and_send([person], Kind.MEETING_SCHEDULED,
                                   {"body": "CEN", "title": "T", "when": "—"}, "/m/")  # fmt: skip
    assert Notification.objects.get(pk=made[0].pk).sms_state == State.SENT
    assert len(sms.outbox) == 1
    reach(person, no_sms=True)  # she answered STOP
    made = actions.record_and_send([person], Kind.MEETING_SCHEDULED,
                                   {"body": "CEN", "title": "T", "when": "—"}, "/m/")  # fmt: skip
    assert made[0].sms_state == State.NONE and made[0].channel == ""
    assert len(sms.outbox) == 1


def test_no_text_message_in_quiet_hours_it_goes_after(world, site):
    person = world.rank_and_file
    zone = zone_of(usual_zone_of(person))  # her zone: her unit's, union's, country's
    local_now = timezone.now().astimezone(zone)
    start = (local_now - timedelta(hours=1)).time().replace(second=0, microsecond=0)
    end = (local_now + timedelta(hours=1)).time().replace(second=0, microsecond=0)
    reach(person, quiet_from=start, quiet_until=end)
    made = actions.record_and_send([person], Kind.ACTION_ASSIGNED,
                                   {"council": "C", "title": "T", "due": "—"}, "/a/")  # fmt: skip
    assert sms.outbox == []
    assert Notification.objects.get(pk=made[0].pk).sms_state == State.QUEUED
    later = timezone.now() + timedelta(hours=3)
    assert actions.send_digests(now=later) == 1
    assert len(sms.outbox) == 1 and sms.outbox[0].body.endswith(f"{site}/a/")
    assert Notification.objects.get(pk=made[0].pk).sms_state == State.SENT


def test_nothing_is_recorded_when_the_action_fails(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        actions.notify([world["usw_officer"].person], Kind.COUNCIL_NEWS,
                       {"council": "C", "title": "T"}, "/c/")  # fmt: skip
    assert len(callbacks) == 1 and Notification.objects.count() == 1


def test_the_command_sends_the_digests(world):
    reach(world["usw_officer"].person, email_notices=Mode.DIGEST)
    actions.record_and_send([world["usw_officer"].person], Kind.COUNCIL_NEWS,
                            {"council": "C", "title": "T"}, "/c/")  # fmt: skip
    call_command("send_digests")
    assert [m.to for m in mail.outbox] == [["officer@usw.test"]]


def test_a_time_is_written_on_the_events_clock_its_zone_named(world):
    when = datetime(2027, 7, 14, 16, 0, tzinfo=ZoneInfo("UTC"))
    subject, body = messages.render(
        Kind.MEETING_SCHEDULED,
        {
            "body": "CEN",
            "title": "T",
            "when": when,
            "zone": ZoneInfo("America/Phoenix"),
        },
        "en",
    )
    assert "9" in body and "a.m." in body and "Phoenix" in body
    assert time(9, 0) == when.astimezone(ZoneInfo("America/Phoenix")).time()


def test_she_chooses_on_her_reach_page(client, world):
    from django.urls import reverse

    from alianza.alerts.models import Reach

    member = world["member"]
    client.force_login(member)
    page = client.get(reverse("alerts:reach")).content.decode()
    assert 'name="email_notices"' in page and 'name="sms_notices"' in page
    client.post(reverse("alerts:reach"), {"login_email": "on",
                "email_notices": Mode.DIGEST, "sms_notices": Mode.OFF})  # fmt: skip
    said = Reach.objects.get(person=member.person)
    assert (said.email_notices, said.sms_notices) == (Mode.DIGEST, Mode.OFF)
    answer = client.post(reverse("alerts:reach"), {"email_notices": "loud"})
    assert answer.status_code == 200  # refused, said in the form
    assert Reach.objects.get(person=member.person).email_notices == Mode.DIGEST
