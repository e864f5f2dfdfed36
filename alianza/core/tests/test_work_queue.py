"""What waits for each person on her home and at /queue/: the oracle is the rule
(who must act next), written from the personas' roles; nothing of another union's
private records appears."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from alianza.alerts.models import Alert, Delivery
from alianza.bodies.models import Seat
from alianza.core.queue import Kind, work_queue
from alianza.governance.models import Meeting
from alianza.multilingual.actions import save_translation
from alianza.orgs.selectors import standing
from alianza.solidarity import actions as solidarity
from alianza.solidarity.models import Signature, SolidarityRequest

#: Whom each union's records wait for, from the personas' roles (conftest.py).
LEADERS = {
    "usw": {"usw_admin", "usw_staff", "usw_officer", "observer"},
    "mineros": {"mineros_staff", "mineros_officer"},
}
MANAGERS = {"usw": {"usw_admin", "usw_staff"}, "mineros": {"mineros_staff"}}
PERSONAS = [
    "outsider", "member", "mineros_observer", "mineros_officer", "mineros_staff",
    "usw_member", "observer", "usw_officer", "usw_staff", "usw_admin",
]  # fmt: skip


def _request(world, org, author, title, asked, publish):
    # Drafted by the union's officer; its staff (``author``) vets it: an author
    # never vets her own request.
    req = solidarity.draft_request(
        world[f"{org}_officer"], getattr(world, org), title=title, body="Body",
        language="en",
        audiences=[getattr(world, a) for a in asked],
        deadline=timezone.localdate() + timedelta(days=10),
    )  # fmt: skip
    if publish:
        solidarity.vet_request(world[author], req)
        for language in ("es", "fr"):
            save_translation(
                world[author], req, "title", language, f"{title} [{language}]"
            )
            save_translation(world[author], req, "body", language, "…")
        solidarity.publish_request(world[author], req)
    return req


@pytest.fixture
def records(world):
    """Records of both unions, each waiting for someone."""
    r = {}
    r["usw_asks_mineros"] = _request(
        world, "usw", "usw_staff", "USW asks", ["mineros"], True
    )
    r["mineros_asks_usw"] = _request(
        world, "mineros", "mineros_staff", "Mineros asks", ["usw"], True
    )
    r["usw_draft"] = _request(world, "usw", "usw_staff", "USW private draft", [], False)
    r["mineros_draft"] = _request(
        world, "mineros", "mineros_staff", "Mineros private draft", [], False
    )
    for org, staff, signer in (("usw", "usw_staff", "usw_officer"),
                               ("mineros", "mineros_staff", "mineros_officer")):  # fmt: skip
        letter = solidarity.draft_letter(world[staff], getattr(world, org),
                                         title=f"{org} letter", body="T", language="en")  # fmt: skip
        solidarity.add_signatory(world[staff], letter, person=world[signer].person,
                                 organisation=getattr(world, org))  # fmt: skip
        r[f"{org}_letter"] = letter
    r["nec_meeting"] = Meeting.objects.create(
        body=world.nec, title="Sesión del CEN", language="es",
        starts_at=timezone.now() + timedelta(days=7), mode="in_person", place="CDMX",
    )  # fmt: skip
    r["past_meeting"] = Meeting.objects.create(
        body=world.nec, title="Sesión pasada", language="es",
        starts_at=timezone.now() - timedelta(days=7), mode="in_person", place="CDMX",
    )  # fmt: skip
    alert = Alert.objects.create(
        organisation=world.usw, title="Rally tonight", body="Come.", language="en",
        created_by=world["usw_staff"], status=Alert.Status.SENT, sent_at=timezone.now(),
    )  # fmt: skip
    Delivery.objects.create(
        alert=alert, person=world["usw_member"].person, language="en"
    )
    r["alert"] = alert
    return r


def _expected(world, records, name):
    """The rule: a signatory signs; an asked union's leaders answer a published
    request; a union's administrators and staff vet its drafts; a seat holder is
    called to her body's coming meetings; a recipient acknowledges an alert."""
    person = world[name].person
    want = set()
    for org in ("usw", "mineros"):
        letter = records[f"{org}_letter"]
        if Signature.objects.filter(letter=letter, person=person).exists():
            want.add((Kind.SIGN, letter.get_absolute_url()))
    for key, asked in (("usw_asks_mineros", "mineros"), ("mineros_asks_usw", "usw")):
        if name in LEADERS[asked]:
            want.add((Kind.PLEDGE, records[key].get_absolute_url()))
    for org in ("usw", "mineros"):
        if name in MANAGERS[org]:
            want.add((Kind.VET, records[f"{org}_draft"].get_absolute_url()))
    if name == "observer":  # the USW officer seated on the CEN as observer
        want.add((Kind.MEETING, records["nec_meeting"].get_absolute_url()))
    if name == "usw_member":
        want.add((Kind.ALERT, reverse("alerts:mine")))
    return want


@pytest.mark.parametrize("name", PERSONAS)
def test_each_person_sees_what_waits_for_her_and_nothing_else(world, records, name):
    queue = work_queue(standing(world[name]))
    assert {(i.kind, i.url) for i in queue.items} == _expected(world, records, name)


def test_an_answered_request_no_longer_waits(world, records):
    solidarity.pledge(world["usw_officer"], records["mineros_asks_usw"],
                      organisation=world.usw, unit=world.district12,
                      kind="rally", description="Rally")  # fmt: skip
    for name in LEADERS["usw"]:
        kinds = {i.kind for i in work_queue(standing(world[name])).items}
        assert Kind.PLEDGE not in kinds


def test_titles_are_in_her_language_and_items_come_by_due_date(world, records):
    with translation.override("fr"):
        items = work_queue(standing(world["mineros_officer"])).items
    assert [i.kind for i in items] == [Kind.PLEDGE, Kind.SIGN]  # a deadline first
    assert items[0].title == "USW asks [fr]"


def test_the_queue_is_read_in_a_bounded_number_of_queries(
    world, records, django_assert_max_num_queries
):
    staff = world["usw_staff"]
    st = standing(staff)

    def more(n):
        for i in range(n):
            _request(world, "usw", "usw_staff", f"Draft {i}", [], False)
            _request(world, "mineros", "mineros_staff", f"Asks {i}", ["usw"], True)
            letter = solidarity.draft_letter(staff, world.usw, title=f"L{i}", body="T",
                                             language="en")  # fmt: skip
            solidarity.add_signatory(staff, letter, person=staff.person,
                                     organisation=world.usw)  # fmt: skip

    more(1)
    work_queue(st)  # content types cached, as in a running server
    with django_assert_max_num_queries(20) as few:
        before = work_queue(st).count
    more(8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert work_queue(st).count == before + 24


@pytest.mark.parametrize(
    "name, sees, never",
    [
        ("usw_staff", "Mineros asks", "Mineros private draft"),
        ("mineros_staff", "USW asks", "USW private draft"),
    ],
)
def test_the_home_and_the_queue_page_show_it(client, world, records, name, sees, never):
    user = world[name]
    user.language = "en"
    user.save()
    client.force_login(user)
    for url in (reverse("dashboard"), reverse("queue")):
        page = client.get(url).content.decode()
        assert "Waiting for you" in page and sees in page
        assert never not in page


def test_an_empty_queue_says_so(client, world):
    user = world["usw_member"]
    user.language = "en"
    user.save()
    client.force_login(user)
    assert "Nothing waits for you." in client.get(reverse("dashboard")).content.decode()
    assert "Nothing waits for you" in client.get(reverse("queue")).content.decode()


def test_a_seat_holder_sees_her_bodys_coming_meeting(world, records):
    Seat.objects.create(body=world.ieb, kind="member", holder=world["usw_staff"].person,
                        representing=world.usw)  # fmt: skip
    meeting = Meeting.objects.create(
        body=world.ieb, title="IEB", language="en", mode="in_person", place="Pittsburgh",
        starts_at=timezone.now() + timedelta(days=2),
    )  # fmt: skip
    items = work_queue(standing(world["usw_staff"])).items
    assert (Kind.MEETING, meeting.get_absolute_url()) in {
        (i.kind, i.url) for i in items
    }
    assert SolidarityRequest.objects.count() == 4


def test_the_api_gives_the_same_queue(client, world, records):
    user = world["mineros_officer"]
    client.force_login(user)
    answer = client.get("/api/v1/queue", HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 200
    got = [(row["kind"], row["url"]) for row in answer.json()]
    assert got == [(i.kind, i.url) for i in work_queue(standing(user)).items]
    assert {k for k, _url in got} == {Kind.PLEDGE, Kind.SIGN}
