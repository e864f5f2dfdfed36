"""The polling table's console: a worker found by her worker number or CURP, her
ID and status shown, her check-in (assisted by the person she chose, never an
official of the election), incidents with their time and author; who may see
who voted is the election's setting."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from alianza.audit.models import AuditEntry
from alianza.elections import actions, selectors
from alianza.elections.models import CheckIn, Election, Incident, Voter
from alianza.elections.selectors import WorkerStatus
from votecore import api as vc
from votecore import authority, credentials

from .helpers import new_election, people, ready_to_vote

CURP = "LOPJ900215HSRPRN09"
OTHERS = ("mineros_staff", "usw_staff", "observer", "member", "outsider")


def _english(*users):
    from alianza.accounts.models import User

    User.objects.filter(pk__in=[u.pk for u in users]).update(language="en")


def _table(world, voters=3, authority_code=""):
    """An open vote with an administrator and an observer at its table; the
    second line of the roll has a CURP."""
    election = new_election(world, voters=voters)
    admin, observer = people(world, 2, "official")
    staff = world["mineros_staff"]
    actions.assign_role(staff, election, admin, "administrator")
    actions.assign_role(staff, election, observer, "observer")
    parties = ready_to_vote(world, election, authority_code=authority_code)
    Voter.objects.filter(election=election, worker_number="W1").update(curp=CURP)
    _english(admin.user, observer.user)
    return election, admin.user, observer.user, parties


def _line(election, number):
    return election.voters.get(worker_number=number)


def test_the_console_finds_a_worker_by_number_or_curp_and_checks_her_in(client, world):
    election, admin, _observer, parties = _table(world)
    client.force_login(admin)
    page = reverse("elections:console", args=[election.uid])
    for query in ("W1", CURP.lower()):
        body = client.post(page, {"find": query}).content.decode()
        assert "Trabajador 1" in body and CURP in body and "W1" in body
        assert "Not yet voted" in body
        assert "Check her in" in body
    line = _line(election, "W1")
    # Neither her public credential nor her code is shown at the gate.
    assert line.credential not in body
    assert parties["secrets"][line.pk] not in body
    client.post(page, {"voter": line.pk}, follow=True)
    checked = CheckIn.objects.get(voter=line)
    assert checked.by == admin.person and not checked.is_assisted
    assert not any(
        "code" in f.name or "credential" in f.name for f in CheckIn._meta.fields
    )
    body = client.post(page, {"find": "W1"}).content.decode()
    assert "Checked in at" in body and "Check her in" not in body
    entry = AuditEntry.objects.get(action="elections.checked_in")
    assert entry.data["voter"] == line.pk and entry.data["assisted"] is False
    with pytest.raises(ValidationError, match="already checked in"):
        actions.check_in(admin, election, line)
    body = client.post(page, {"find": "NOBODY-9"}).content.decode()
    assert "No worker with this worker number or CURP" in body


def test_the_worker_s_status_at_the_table(world):
    code = credentials.new_secret()
    election, admin, _observer, parties = _table(world, voters=4, authority_code=code)
    context = vc.election_from(election.params, election.key)
    voted, replaced, waiting, excluded = (_line(election, f"W{n}") for n in range(4))
    Voter.objects.filter(pk=excluded.pk).update(excluded="confidence")
    actions.cast(election, vc.cast(context, parties["secrets"][voted.pk], [[1, 0]])[0])
    _new, public = credentials.generate(election.election_id, 1)[0]
    signed = authority.sign_replacement(
        election.election_id, election.key["fingerprint"], code,
        replaced.credential, public, "lost",
    )  # fmt: skip
    actions.replace_credential(parties["authority"], election, signed)
    provisional_public = credentials.generate(election.election_id, 1)[0][1]
    actions.issue_provisional(
        admin, election, name="Rosa Gómez", curp="GOMA800101MSRNRR05",
        reason="Hired last month", credential=provisional_public,
    )  # fmt: skip

    def status(query):
        return selectors.find_worker(election, query).statuses

    assert status("W0") == [WorkerStatus.VOTED]
    assert status("W1") == [WorkerStatus.CODE_REPLACED, WorkerStatus.NOT_YET]
    assert status("W2") == [WorkerStatus.NOT_YET]
    assert WorkerStatus.EXCLUDED in status("W3")
    assert status("goma800101msrnrr05") == [
        WorkerStatus.PROVISIONAL,
        WorkerStatus.NOT_YET,
    ]
    assert selectors.find_worker(election, "W9") is None
    with pytest.raises(ValidationError, match="excluded by law"):
        actions.check_in(admin, election, Voter.objects.get(pk=excluded.pk))


def test_assisted_voting_records_the_assistant_the_worker_chose(world):
    election, admin, observer, _parties = _table(world)
    line = _line(election, "W0")
    # The acting administrator, the observer, whatever the accents and case.
    for official, name in (
        (admin, admin.person.name),
        (admin, observer.person.name.upper()),
        (observer, f"  {observer.person.name} "),
    ):
        with pytest.raises(ValidationError, match="cannot be an administrator"):
            actions.check_in(
                official, election, line,
                assistant_name=name, assistant_statement="Ella lo pidió.",
            )  # fmt: skip
    with pytest.raises(ValidationError, match="statement"):
        actions.check_in(admin, election, line, assistant_name="Juana Pérez")
    assert not CheckIn.objects.exists()
    done = actions.check_in(
        observer, election, line, assistant_name="Juana  Pérez",
        assistant_statement="Pido que mi hija Juana me ayude a votar.",
    )  # fmt: skip
    assert done.is_assisted and done.assistant_name == "Juana Pérez"
    assert done.by == observer.person
    assert AuditEntry.objects.get(action="elections.checked_in").data["assisted"]


def test_assisted_voting_refused_on_the_page_when_the_assistant_is_the_administrator(
    client, world
):
    election, admin, _observer, _parties = _table(world)
    client.force_login(admin)
    page = reverse("elections:console", args=[election.uid])
    line = _line(election, "W0")
    answer = client.post(
        page,
        {"voter": line.pk, "assistant_name": admin.person.name,
         "assistant_statement": "Ella lo pidió."},
        follow=True,
    )  # fmt: skip
    assert "cannot be an administrator or observer" in answer.content.decode()
    assert not CheckIn.objects.filter(voter=line).exists()


def test_incidents_are_written_with_their_time_and_author(client, world):
    election, admin, observer, _parties = _table(world)
    Election.objects.filter(pk=election.pk).update(time_zone="America/Hermosillo")
    election.refresh_from_db()
    actions.record_incident(admin, election, "La urna llegó a las 6:10.")
    client.force_login(observer)
    page = reverse("elections:console", args=[election.uid])
    client.post(page, {"text": "Un supervisor se acercó a la fila."}, follow=True)
    first, second = Incident.objects.order_by("pk")
    assert (first.by, second.by) == (admin.person, observer.person)
    assert second.text == "Un supervisor se acercó a la fila."
    body = client.get(page).content.decode()
    assert first.at_in_words in body and second.at_in_words in body
    assert "Hermosillo" in first.at_in_words  # the zone is named
    assert admin.person.name in body and observer.person.name in body
    assert AuditEntry.objects.filter(action="elections.incident_recorded").count() == 2
    with pytest.raises(ValidationError, match="Write what happened"):
        actions.record_incident(admin, election, "  ")


def test_only_the_election_s_administrators_and_observers_keep_the_table(client, world):
    election, _admin, _observer, _parties = _table(world)
    line = _line(election, "W0")
    page = reverse("elections:console", args=[election.uid])
    # The union's own staffer runs the vote but does not keep its table; the
    # other union, the alliance's observer, a member and an outsider neither.
    for who in OTHERS:
        with pytest.raises(PermissionDenied):
            actions.check_in(world[who], election, line)
        with pytest.raises(PermissionDenied):
            actions.record_incident(world[who], election, "Nada.")
        client.force_login(world[who])
        assert client.get(page).status_code in (403, 404)
        assert client.post(page, {"voter": line.pk}).status_code in (403, 404)
    assert not CheckIn.objects.exists() and not Incident.objects.exists()


def test_who_voted_is_seen_as_the_election_s_setting_says(client, world):
    election, admin, observer, parties = _table(world)
    context = vc.election_from(election.params, election.key)
    line = _line(election, "W0")
    actions.cast(election, vc.cast(context, parties["secrets"][line.pk], [[1, 0]])[0])
    page = reverse("elections:console", args=[election.uid])
    staff = world["mineros_staff"]
    # By default: the administrators and observers, not the union's managers.
    assert staff.has_perm("elections.view_participation", election) is False
    with pytest.raises(PermissionDenied):
        actions.export_participation(staff, election)
    client.force_login(observer)
    assert "Voted" in client.post(page, {"find": "W0"}).content.decode()
    assert actions.export_participation(observer, election).rows[0][3] in ("yes", "no")
    # Administrators only: the observer keeps the table without seeing who voted.
    Election.objects.filter(pk=election.pk).update(
        participation_visible_to="administrators"
    )
    election.refresh_from_db()
    body = client.post(page, {"find": "W0"}).content.decode()
    assert "Trabajador 0" in body and "Voted" not in body and "Not yet" not in body
    with pytest.raises(PermissionDenied):
        actions.export_participation(observer, election)
    assert actions.export_participation(admin, election)
    # Managers too: the union's staffer may export it; the other union never.
    Election.objects.filter(pk=election.pk).update(participation_visible_to="managers")
    election.refresh_from_db()
    assert actions.export_participation(staff, election)
    for who in ("usw_staff", "outsider", "member"):
        with pytest.raises(PermissionDenied):
            actions.export_participation(world[who], election)


def _bearer(user) -> dict:
    from alianza.accounts.actions import create_token

    return {"authorization": f"Bearer {create_token(user, 'console')[1]}"}


def test_the_console_through_the_api(client, world):
    election, admin, _observer, _parties = _table(world)
    base = f"/api/v1/elections/{election.uid}"
    answer = client.post(
        f"{base}/check-ins",
        {"worker": CURP, "assistant_name": "Juana Pérez",
         "assistant_statement": "Ella me ayuda."},
        content_type="application/json", headers=_bearer(admin),
    )  # fmt: skip
    assert answer.status_code == 201 and answer.json()["assisted"] is True
    assert CheckIn.objects.get().voter == _line(election, "W1")
    refused = client.post(
        f"{base}/check-ins", {"worker": "W0", "assistant_name": admin.person.name,
                              "assistant_statement": "x"},
        content_type="application/json", headers=_bearer(admin),
    )  # fmt: skip
    assert refused.status_code == 422
    answer = client.post(
        f"{base}/incidents", {"text": "Llegó la prensa."},
        content_type="application/json", headers=_bearer(admin),
    )  # fmt: skip
    assert answer.status_code == 201
    for who in ("usw_staff", "outsider", "mineros_staff"):
        for path, data in (
            ("check-ins", {"worker": "W0"}),
            ("incidents", {"text": "x"}),
        ):
            answer = client.post(
                f"{base}/{path}", data, content_type="application/json",
                headers=_bearer(world[who]),
            )  # fmt: skip
            assert answer.status_code in (403, 404), (who, path)
    assert CheckIn.objects.count() == 1 and Incident.objects.count() == 1


def test_the_vote_s_page_links_the_console_and_names_who_sees_who_voted(client, world):
    election, admin, _observer, _parties = _table(world)
    Election.objects.filter(pk=election.pk).update(registry_number="CCT-1234")
    client.force_login(admin)
    body = client.get(election.get_absolute_url()).content.decode()
    assert reverse("elections:console", args=[election.uid]) in body
    assert "Registry number: CCT-1234." in body
    assert "list of who voted: the election&#x27;s administrators and observers" in body
    _english(world["mineros_staff"])
    client.force_login(world["mineros_staff"])
    body = client.get(election.get_absolute_url()).content.decode()
    assert reverse("elections:console", args=[election.uid]) not in body
