"""Members answer events (I will go, maybe, I cannot go) for the event's next date;
the organising union's leaders see the counts and who answered; an annual event
is answered year by year."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from alianza.audit.models import AuditEntry
from alianza.solidarity import actions
from alianza.solidarity.models import Rsvp


@pytest.fixture
def commemoration(world):
    """Pasta de Conchos, every 19 February, organised by Los Mineros."""
    return actions.create_event(
        world["mineros_staff"], world.mineros, kind="commemoration",
        title="Pasta de Conchos", starts_on=date(2006, 2, 19), country="MX",
        annual=True, language="es",
    )  # fmt: skip


def test_she_answers_the_next_date_and_may_change_her_mind(world, commemoration):
    today = date(2027, 1, 10)
    member = world["member"]
    rsvp = actions.answer_event(member, commemoration, "maybe", today=today)
    assert rsvp.occurs_on == date(2027, 2, 19)
    actions.answer_event(member, commemoration, "yes", today=today)
    (only,) = Rsvp.objects.filter(event=commemoration, person=member.person)
    assert only.answer == "yes"
    # The next year is another answer.
    actions.answer_event(member, commemoration, "no", today=date(2027, 3, 1))
    assert Rsvp.objects.filter(person=member.person).count() == 2
    entry = AuditEntry.objects.filter(action="solidarity.event_answered").last()
    assert entry.organisation == world.mineros


def test_a_wrong_answer_or_a_past_event_is_refused(world):
    past = actions.create_event(
        world["usw_staff"], world.usw, kind="rally", title="Rally",
        starts_on=timezone.localdate() - timedelta(days=3), country="US",
    )  # fmt: skip
    with pytest.raises(ValidationError):
        actions.answer_event(world["usw_member"], past, "yes")
    upcoming = actions.create_event(
        world["usw_staff"], world.usw, kind="rally", title="Rally",
        starts_on=timezone.localdate() + timedelta(days=3), country="US",
    )  # fmt: skip
    with pytest.raises(ValidationError):
        actions.answer_event(world["usw_member"], upcoming, "perhaps")
    assert not Rsvp.objects.exists()


def test_someone_with_no_record_answers_nothing(world, commemoration):
    from conftest import make_user

    stranger = make_user("nobody@example.test", "Nadie", [])
    stranger.person.delete()
    stranger.refresh_from_db()
    with pytest.raises(PermissionDenied):
        actions.answer_event(stranger, commemoration, "yes")


def test_organisers_see_counts_and_names_others_do_not(client, world, commemoration):
    today = timezone.localdate()
    for user, answer in [
        (world["member"], "yes"), (world["usw_member"], "yes"),
        (world["mineros_observer"], "no"),
    ]:  # fmt: skip
        actions.answer_event(user, commemoration, answer, today=today)
    client.force_login(world["mineros_officer"])
    page = client.get(reverse("solidarity:events")).content.decode()
    assert 'class="small mb-2 rsvp-counts"' in page
    names = client.get(reverse("solidarity:event_answers", args=[commemoration.pk]))
    assert "Mario Miembro" in names.content.decode()
    assert "Uriel Member" in names.content.decode()
    # The USW's officer, and the member herself, see no list and no counts.
    for persona in ("usw_officer", "member"):
        client.force_login(world[persona])
        page = client.get(reverse("solidarity:events")).content.decode()
        assert "rsvp-counts" not in page
        answer = client.get(
            reverse("solidarity:event_answers", args=[commemoration.pk])
        )
        assert answer.status_code == 404


def test_the_member_answers_from_the_calendar_and_sees_it_at_home(
    client, world, commemoration
):
    client.force_login(world["member"])
    client.post(reverse("solidarity:event_answer", args=[commemoration.pk]),
                {"answer": "yes"})  # fmt: skip
    rsvp = Rsvp.objects.get(person=world["member"].person)
    assert rsvp.answer == "yes"
    home = client.get(reverse("dashboard"))
    assert commemoration in home.context["coming_events"]
    assert home.context["my_answers"][commemoration.pk] == rsvp
    page = client.get(reverse("solidarity:events")).content.decode()
    assert 'value="yes" aria-pressed="true"' in page
