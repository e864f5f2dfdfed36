"""A member's home: the meeting in session where she sits calls her in, and the
votes she is on the roll for are listed with their dates and, while open, a link
to vote. Nobody else's."""

from django.urls import reverse

from alianza.bodies.models import Seat
from alianza.elections.models import Election, Voter
from alianza.elections.tests.helpers import new_election
from alianza.governance import actions as governance
from alianza.orgs.models import ContactChannel


def test_a_meeting_in_session_calls_in_those_who_sit_there(client, world):
    from django.utils import timezone

    Seat.objects.create(
        body=world.nec, kind="member", holder=world["member"].person,
        representing=world.mineros,
    )  # fmt: skip
    meeting = governance.schedule_meeting(
        world["mineros_staff"], world.nec, title="Sesión", starts_at=timezone.now(),
        mode="hybrid", place="CDMX", language="es",
    )  # fmt: skip
    client.force_login(world["member"])
    assert client.get(reverse("dashboard")).context["in_session"] == []
    governance.set_meeting_status(world["mineros_staff"], meeting, "open")
    home = client.get(reverse("dashboard"))
    assert home.context["in_session"] == [meeting]
    assert meeting.get_absolute_url() in home.content.decode()
    # A member of the same section without a seat is not called in.
    client.force_login(world["mineros_observer"])
    assert client.get(reverse("dashboard")).context["in_session"] == []


def test_the_votes_she_is_on_the_roll_for(client, world):
    election = new_election(world, voters=2)
    member = world["member"]
    ContactChannel.objects.create(
        person=member.person, kind="phone", value="645 100 2000"
    )
    # Her line: found by her number written in international form on the roll.
    Voter.objects.create(election=election, name="Mario Miembro", phone="+526451002000")
    # Another worker's line, with another union member's e-mail.
    Voter.objects.create(
        election=election, name="Olga", email=world["mineros_observer"].email
    )
    client.force_login(member)
    # A vote still in preparation is not announced yet.
    assert client.get(reverse("dashboard")).context["my_votes"] == []
    Election.objects.filter(pk=election.pk).update(status=Election.Status.OPEN)
    home = client.get(reverse("dashboard"))
    (line,) = home.context["my_votes"]
    assert line.name == "Mario Miembro"
    assert reverse("elections:booth", args=[election.uid]) in home.content.decode()
    # The USW member is on no roll of Los Mineros: nothing shown.
    client.force_login(world["usw_member"])
    assert client.get(reverse("dashboard")).context["my_votes"] == []
    # The observer's line is found by her login address, case aside.
    Voter.objects.filter(name="Olga").update(
        email=world["mineros_observer"].email.upper()
    )
    client.force_login(world["mineros_observer"])
    assert [v.name for v in client.get(reverse("dashboard")).context["my_votes"]] == [
        "Olga"
    ]
