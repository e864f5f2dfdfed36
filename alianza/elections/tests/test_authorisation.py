"""Who may use the pages and endpoints of elections: its rows of the authorisation matrix."""

import pytest
from django.urls import reverse

from tests import matrix_records as rec
from tests.matrix import (
    MINEROS,
    NOT_MINEROS,
    PERSONAS,
    REDIRECT,
    REFUSED,
    USW,
    Row,
    allow,
    expect,
    matrix_tests,
    run_api,
    run_page,
)

from .joint import held, joint_ballot, line_of

#: Those who may not see the matrix's election: no part in it, not of Los Mineros.
UNSEEN = NOT_MINEROS


def hidden(answers: dict) -> dict:
    """``answers``, with 404 for those who may not see the election."""
    return {**answers, **{p: 404 for p in UNSEEN}}


def ready_for_the_ceremony(w):
    """The matrix's election with all the trustees it needs (the observer alone),
    so that its administrator can begin the key ceremony."""
    from alianza.elections.models import Election

    election = rec.the_election(w)
    Election.objects.filter(pk=election.pk).update(trustee_count=1, threshold=1)
    return election


def with_a_polling_table(w):
    """The matrix's election with Los Mineros' staffer as its administrator."""
    from alianza.elections.models import Role

    election = rec.the_election(w)
    Role.objects.get_or_create(
        election=election, person=w["mineros_staff"].person, kind="administrator"
    )
    return election


def a_provisional_voter(w):
    from alianza.elections.models import ProvisionalVoter

    worker, _ = ProvisionalVoter.objects.get_or_create(
        election=with_a_polling_table(w), credential="cd" * 32,
        defaults={"name": "Rosa Gómez", "reason": "Hired last month"},
    )  # fmt: skip
    return worker


def no_answer_before_the_vote(w) -> None:
    worker = a_provisional_voter(w)
    worker.refresh_from_db()
    assert worker.administrator_accepts is None and not worker.is_decided


def decision_url(w) -> str:
    uid, pk = with_a_polling_table(w).uid, a_provisional_voter(w).pk
    return f"/api/v1/elections/{uid}/provisional/{pk}/decision"


def part_assigned(w) -> None:
    election = rec.the_election(w)
    person = w["mineros_officer"].person
    assert election.roles.filter(person=person, kind="auditor").exists()


def ceremony_begun(w) -> None:
    election = rec.the_election(w)
    election.refresh_from_db()
    assert election.is_in_key_ceremony and election.params is not None


def in_the_ceremony(w):
    """The matrix's election in its key ceremony: its one trustee is awaited."""
    from alianza.elections import actions

    election = ready_for_the_ceremony(w)
    election.refresh_from_db()
    if election.is_draft:
        actions.start_ceremony(election)
    return election


def meeting_ballot(w):
    """A secret ballot of the matrix's meeting, its committee's seats titled."""
    from alianza.bodies.models import Seat
    from alianza.elections.models import Election
    from alianza.governance import actions as gov

    election = Election.objects.filter(meeting_vote__isnull=False).first()
    if election is None:
        meeting = rec.the_meeting(w)
        motion = gov.submit_motion(
            w["mineros_officer"], meeting, text="Votar en secreto.", language="es"
        )
        vote = gov.open_vote(
            w["mineros_staff"], motion, method="secret", threshold="cast"
        )
        election = Election.objects.get(meeting_vote=vote)
        seats = w.nec.seats.filter(kind="member", holder__isnull=False).order_by("id")
        for n, seat in enumerate(seats):
            Seat.objects.filter(pk=seat.pk).update(title=f"Cargo {n}", order=n)
    return election


def officers_named(w) -> None:
    from alianza.elections.models import Election

    election = Election.objects.get(meeting_vote__isnull=False)
    assert election.roles.filter(kind="trustee").count() == 3
    assert election.roles.filter(kind="credential_authority").exists()


def trustees_reminded(w) -> None:
    from alianza.audit.models import AuditEntry

    assert AuditEntry.objects.filter(action="elections.trustees_reminded").exists()


def voter_corrected(w) -> None:
    voter = rec.the_voter(w)
    voter.refresh_from_db()
    assert (voter.weight, voter.curp) == (2, "GODE561231MGRRRN01")


def voter_removed(w) -> None:
    assert not rec.the_election(w).voters.filter(name="Minera de Taxco").exists()


PAGES: dict[str, Row] = {
    "elections:elections": Row(lambda w: reverse("elections:elections"), expect(200)),
    "elections:election_new": Row(
        lambda w: reverse("elections:election_new") + "?organisation=los-mineros",
        allow({"mineros_staff"}, 200),
    ),
    # A joint body's ballot is proposed by a coordinating union of its space; the
    # officers who see the body are refused, no one else learns of it.
    "elections:joint_ballot_new": Row(
        lambda w: reverse("elections:joint_ballot_new", args=[w.commission_body.pk]),
        {
            **allow({"usw_staff", "usw_admin", "mineros_staff"}, 200, no=404),
            **dict.fromkeys(["usw_officer", "observer", "mineros_officer"], 403),
        },
    ),
    # Members of the union and those with a part in the election (observer, member).
    "elections:election": Row(
        lambda w: reverse("elections:election", args=[rec.the_election(w).uid]),
        allow(MINEROS | {"observer"}, 200, no=404),
    ),
    "elections:role_add": Row(
        lambda w: reverse("elections:role_add", args=[rec.the_election(w).uid]),
        hidden(allow({"mineros_staff"}, REDIRECT)),
        method="post",
        data=lambda w: {
            "person": str(w["mineros_officer"].person.pk),
            "kind": "auditor",
        },
        check=part_assigned,
    ),
    "elections:step": Row(
        lambda w: reverse("elections:step", args=[ready_for_the_ceremony(w).uid]),
        hidden(allow({"mineros_staff"}, REDIRECT)),
        method="post",
        data=lambda w: {"do": "begin"},
        check=ceremony_begun,
    ),
    "elections:name_officers": Row(
        lambda w: reverse("elections:name_officers", args=[meeting_ballot(w).uid]),
        # The observer (USW's, on the committee) has no part in this ballot.
        {**hidden(allow({"mineros_staff"}, REDIRECT)), "observer": 404},
        method="post",
        check=officers_named,
    ),
    "elections:remind_trustees": Row(
        lambda w: reverse("elections:remind_trustees", args=[in_the_ceremony(w).uid]),
        hidden(allow({"mineros_staff"}, REDIRECT)),
        method="post",
        check=trustees_reminded,
    ),
    "elections:voters": Row(
        lambda w: reverse("elections:voters", args=[rec.the_election(w).uid]),
        hidden(allow({"mineros_staff"}, 200)),
    ),
    # Who voted: by default the election's administrators and observers (here
    # Los Mineros' staffer administers it), not every manager of the union.
    "elections:participation": Row(
        lambda w: reverse(
            "elections:participation", args=[with_a_polling_table(w).uid]
        ),
        hidden(allow({"mineros_staff"}, 200)),
    ),
    "elections:participation_xlsx": Row(
        lambda w: reverse(
            "elections:participation_xlsx", args=[with_a_polling_table(w).uid]
        ),
        hidden(allow({"mineros_staff"}, 200)),
    ),
    # The board and the result are public.
    "elections:notice": Row(
        lambda w: reverse("elections:notice", args=[rec.the_election(w).uid]),
        expect(200, anonymous=200),
    ),
    # The matrix's strike vote has no agreement to read.
    "elections:agreement": Row(
        lambda w: reverse("elections:agreement", args=[rec.the_election(w).uid]),
        expect(404, anonymous=404),
    ),
    "elections:board": Row(
        lambda w: reverse("elections:board", args=[rec.the_published(w).uid]),
        expect(200, anonymous=200),
    ),
    "elections:board_download": Row(
        lambda w: reverse("elections:board_download", args=[rec.the_published(w).uid]),
        expect(200, anonymous=200),
    ),
    "elections:certificate": Row(
        lambda w: reverse("elections:certificate", args=[rec.the_published(w).uid]),
        expect(200, anonymous=200),
    ),
    # The credential authority (the member, in this matrix) alone.
    "elections:authority": Row(
        lambda w: reverse("elections:authority", args=[rec.the_election(w).uid]),
        hidden(allow({"member"}, 200)),
    ),
    "elections:deliver": Row(
        lambda w: reverse("elections:deliver", args=[rec.the_election(w).uid]),
        hidden(allow({"member"}, 422)),
        method="post",
        data=lambda w: {"method": "email"},
    ),
    # The trustee (the observer, in this matrix) alone.
    "elections:trustee": Row(
        lambda w: reverse("elections:trustee", args=[rec.the_election(w).uid]),
        hidden(allow({"observer"}, 200)),
    ),
    # The booth is public; this vote is not open yet.
    "elections:booth": Row(
        lambda w: reverse("elections:booth", args=[rec.the_election(w).uid]),
        expect(409, anonymous=409),
    ),
    "elections:codes": Row(
        lambda w: reverse("elections:codes", args=[rec.the_election(w).uid]),
        hidden(allow({"member"}, 200)),
    ),
    # The polling table: its administrator (Los Mineros' staffer) and observers.
    "elections:console": Row(
        lambda w: reverse("elections:console", args=[with_a_polling_table(w).uid]),
        hidden(allow({"mineros_staff"}, 200)),
    ),
    "elections:polling_table": Row(
        lambda w: reverse(
            "elections:polling_table", args=[with_a_polling_table(w).uid]
        ),
        hidden(allow({"mineros_staff"}, 200)),
    ),
    # The draft is not open: the administrator's answer is heard and refused.
    "elections:provisional_decision": Row(
        lambda w: reverse(
            "elections:provisional_decision",
            args=[with_a_polling_table(w).uid, a_provisional_voter(w).pk],
        ),
        hidden(allow({"mineros_staff"}, REFUSED)),
        method="post",
        data=lambda w: {"accepted": "yes"},
        check=no_answer_before_the_vote,
    ),
    "elections:voter_correct": Row(
        lambda w: reverse(
            "elections:voter_correct",
            args=[rec.the_election(w).uid, rec.the_voter(w).pk],
        ),
        hidden(allow({"mineros_staff"}, REDIRECT)),
        method="post",
        # A vote in Mexico: the line needs a CURP for the correction to be saved.
        data=lambda w: {
            "name": "Minera de Taxco",
            "curp": "GODE561231MGRRRN01",
            "weight": "2",
        },
        check=voter_corrected,
    ),
    "elections:voter_remove": Row(
        lambda w: reverse(
            "elections:voter_remove",
            args=[rec.the_election(w).uid, rec.the_voter(w).pk],
        ),
        hidden(allow({"mineros_staff"}, REDIRECT)),
        method="post",
        check=voter_removed,
    ),
}

API: dict[str, Row] = {
    "GET /api/v1/elections/{uid}/ceremony": Row(
        lambda w: f"/api/v1/elections/{rec.the_election(w).uid}/ceremony",
        hidden(allow({"observer"}, 200, anonymous=401)),
    ),
    # The election is a draft: the trustee is heard, and told it is too early.
    "POST /api/v1/elections/{uid}/ceremony": Row(
        lambda w: f"/api/v1/elections/{rec.the_election(w).uid}/ceremony",
        hidden(allow({"observer"}, 422, anonymous=401)),
        method="post",
        data=lambda w: {"step": "announce", "payload": {"trustee": 1, "box_key": "00"}},
    ),
    # A draft cannot open: its administrator is heard, and told why.
    "POST /api/v1/elections/{uid}/steps": Row(
        lambda w: f"/api/v1/elections/{rec.the_election(w).uid}/steps",
        hidden(allow({"mineros_staff"}, 422, anonymous=401)),
        method="post",
        data=lambda w: {"step": "open"},
    ),
    "POST /api/v1/elections/{uid}/credentials": Row(
        lambda w: f"/api/v1/elections/{rec.the_election(w).uid}/credentials",
        hidden(allow({"member"}, 422, anonymous=401)),
        method="post",
        data=lambda w: {"credentials": {}},
    ),
    # Anyone may send a ballot (its signature is the proof); this one is refused.
    "POST /api/v1/elections/{uid}/ballots": Row(
        lambda w: f"/api/v1/elections/{rec.the_election(w).uid}/ballots",
        expect(422, anonymous=422),
        method="post",
        data=lambda w: {"credential": "00"},
    ),
    # The credential authority (the member) alone; the draft has no key yet.
    "POST /api/v1/elections/{uid}/authority-key": Row(
        lambda w: f"/api/v1/elections/{rec.the_election(w).uid}/authority-key",
        hidden(allow({"member"}, 422, anonymous=401)),
        method="post",
        data=lambda w: {"public_key": "ab" * 32},
    ),
    "POST /api/v1/elections/{uid}/replacements": Row(
        lambda w: f"/api/v1/elections/{rec.the_election(w).uid}/replacements",
        hidden(allow({"member"}, 422, anonymous=401)),
        method="post",
        data=lambda w: {
            "old": "ab" * 32,
            "new": "cd" * 32,
            "reason": "lost",
            "signature": "00" * 64,
        },
    ),  # fmt: skip
    # The polling table: the election's administrator (Los Mineros' staffer here)
    # issues; she or an observer decides. The draft is not open: heard, refused.
    "POST /api/v1/elections/{uid}/provisional": Row(
        lambda w: f"/api/v1/elections/{with_a_polling_table(w).uid}/provisional",
        hidden(allow({"mineros_staff"}, 422, anonymous=401)),
        method="post",
        data=lambda w: {
            "name": "Rosa Gómez",
            "reason": "Hired last month",
            "credential": "ab" * 32,
        },
    ),  # fmt: skip
    # The console: the administrator is heard; the draft is not open, so the
    # check-in is refused; an incident waits for the vote to open.
    "POST /api/v1/elections/{uid}/check-ins": Row(
        lambda w: f"/api/v1/elections/{with_a_polling_table(w).uid}/check-ins",
        hidden(allow({"mineros_staff"}, 422, anonymous=401)),
        method="post",
        data=lambda w: {"worker": "W0"},
    ),
    "POST /api/v1/elections/{uid}/incidents": Row(
        lambda w: f"/api/v1/elections/{with_a_polling_table(w).uid}/incidents",
        hidden(allow({"mineros_staff"}, 422, anonymous=401)),
        method="post",
        data=lambda w: {"text": "Se fue la luz."},
    ),
    "POST /api/v1/elections/{uid}/provisional/{pk}/decision": Row(
        decision_url,
        hidden(allow({"mineros_staff"}, 422, anonymous=401)),
        method="post",
        data=lambda w: {"accepted": True},
    ),
    # Public, as the board is: which ballot a credential's re-vote replaces.
    "GET /api/v1/elections/{uid}/ballots/{credential}": Row(
        lambda w: f"/api/v1/elections/{rec.the_election(w).uid}/ballots/{'ab' * 32}",
        expect(200, anonymous=200),
    ),
}

test_page, test_api, test_every_route_has_a_row = matrix_tests("elections", PAGES, API)


# --- The Joint Commission's secret ballot: both coordinating unions run it ------------

#: The managers of the commission's coordinating unions; no one else sees the ballot.
COORDINATORS = {"usw_staff", "usw_admin", "mineros_staff"}
USW_MANAGERS = {"usw_staff", "usw_admin"}


def joint(answers: dict) -> dict:
    """``answers``, with 404 for those who may not see the joint ballot."""
    unseen = set(PERSONAS) - COORDINATORS - {"anonymous"}
    return {**answers, **{p: 404 for p in unseen}}


def line_url(union: str, route: str):
    def url(w) -> str:
        election = joint_ballot(w)
        line = line_of(election, getattr(w, union))
        return reverse(route, args=[election.uid, line.pk])

    return url


def usw_line_corrected(w) -> None:
    line = line_of(joint_ballot(w), w.usw)
    assert line.email == "delegada@usw.example.org"


def mineros_line_corrected(w) -> None:
    line = line_of(joint_ballot(w), w.mineros)
    assert line.email == "delegada@mineros.example.org"


def usw_line_removed(w) -> None:
    assert not joint_ballot(w).voters.filter(union=w.usw).exists()


def mineros_line_removed(w) -> None:
    assert not joint_ballot(w).voters.filter(union=w.mineros).exists()


def ready_joint_ballot(w):
    """The joint ballot with a trustee from each union and its credential authority."""
    from alianza.elections import actions

    election = joint_ballot(w)
    if not election.roles.exists():
        Election = type(election)
        Election.objects.filter(pk=election.pk).update(trustee_count=2, threshold=1)
        election.refresh_from_db()
        actions.assign_role(
            w["usw_staff"], election, w["usw_officer"].person, "trustee"
        )
        actions.assign_role(w["mineros_staff"], election,
                            w["mineros_officer"].person, "trustee")  # fmt: skip
        actions.assign_role(w["mineros_staff"], election, w["member"].person,
                            "credential_authority")  # fmt: skip
        held(w, election)
    return election


def step_agreed(w) -> None:
    """One union's agreement is recorded; the ceremony waits for the other."""
    election = ready_joint_ballot(w)
    assert election.is_draft and election.agreements.filter(step="begin").count() == 1


def ballot_proposed(w) -> None:
    """A draft of the commission's body, waiting for the other union's agreement."""
    election = w.commission.elections.get(title="Votación de la Comisión")
    assert election.is_draft and election.agreements.filter(step="hold").count() == 1


JOINT_PAGES: dict[str, Row] = {
    "propose a ballot outside a meeting": Row(
        lambda w: reverse("elections:joint_ballot_new", args=[w.commission_body.pk]),
        {
            **allow(COORDINATORS, REDIRECT, no=404),
            **dict.fromkeys(["usw_officer", "observer", "mineros_officer"], 403),
        },
        method="post",
        data=lambda w: {
            "title": "Votación de la Comisión",
            "question": "¿Apoyar la huelga?",
            "language": "es",
            "opens_at": "2030-01-10T10:00",
            "closes_at": "2030-01-12T10:00",
            "trustee_count": "2",
            "threshold": "1",
        },  # fmt: skip
        check=ballot_proposed,
    ),
    "election": Row(
        lambda w: joint_ballot(w).get_absolute_url(), joint(allow(COORDINATORS, 200))
    ),
    "voters": Row(
        lambda w: reverse("elections:voters", args=[joint_ballot(w).uid]),
        joint(allow(COORDINATORS, 200)),
    ),
    "correct USW's line": Row(
        line_url("usw", "elections:voter_correct"),
        joint(allow(USW_MANAGERS, REDIRECT)),
        method="post",
        data=lambda w: {"name": "Delegada", "email": "delegada@usw.example.org"},
        check=usw_line_corrected,
    ),
    "correct Los Mineros' line": Row(
        line_url("mineros", "elections:voter_correct"),
        joint(allow({"mineros_staff"}, REDIRECT)),
        method="post",
        data=lambda w: {"name": "Delegada", "email": "delegada@mineros.example.org"},
        check=mineros_line_corrected,
    ),
    "remove USW's line": Row(
        line_url("usw", "elections:voter_remove"),
        joint(allow(USW_MANAGERS, REDIRECT)),
        method="post",
        check=usw_line_removed,
    ),
    "remove Los Mineros' line": Row(
        line_url("mineros", "elections:voter_remove"),
        joint(allow({"mineros_staff"}, REDIRECT)),
        method="post",
        check=mineros_line_removed,
    ),
    "propose to begin the ceremony": Row(
        lambda w: reverse("elections:step", args=[ready_joint_ballot(w).uid]),
        # The trustees and the credential authority see it, and may not step it.
        {
            **joint(allow(COORDINATORS, REDIRECT)),
            **dict.fromkeys(["usw_officer", "mineros_officer", "member"], 403),
        },
        method="post",
        data=lambda w: {"do": "begin"},
        check=step_agreed,
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(JOINT_PAGES))
def test_joint_ballot(client, matrix_world, name, persona):
    run_page(client, matrix_world, JOINT_PAGES[name], persona)


# Trustees and weights of the joint ballot: each union names its own trustees; a
# line's weight is its seat's, which no union changes here. A union that tries
# another's part is refused (sent back with the reason, or not shown the person),
# the ballot unchanged.


def _trustee_named(person_of: str):
    def check(w) -> None:
        election = ready_joint_ballot(w)
        assert election.roles.filter(
            kind="trustee", person=w[person_of].person
        ).exists()

    return check


def _joint_ballot_without_trustees(w):
    election = joint_ballot(w)
    type(election).objects.filter(pk=election.pk).update(trustee_count=2, threshold=1)
    return election


TRUSTEE_PAGES: dict[str, Row] = {
    "name a USW trustee": Row(
        lambda w: reverse(
            "elections:role_add", args=[_joint_ballot_without_trustees(w).uid]
        ),
        joint(allow(USW_MANAGERS, REDIRECT, no=REFUSED)),
        method="post",
        data=lambda w: {"person": str(w["usw_officer"].person.pk), "kind": "trustee"},
        check=_trustee_named("usw_officer"),
    ),
    "name a Los Mineros trustee": Row(
        lambda w: reverse(
            "elections:role_add", args=[_joint_ballot_without_trustees(w).uid]
        ),
        joint(allow({"mineros_staff"}, REDIRECT, no=REFUSED)),
        method="post",
        data=lambda w: {
            "person": str(w["mineros_officer"].person.pk),
            "kind": "trustee",
        },
        check=_trustee_named("mineros_officer"),
    ),
    "weigh USW's line otherwise": Row(
        line_url("usw", "elections:voter_correct"),
        # Its own union is told why; the other union may not touch the line at all.
        joint(allow(USW_MANAGERS, REFUSED)),
        method="post",
        data=lambda w: {"weight": "100"},
    ),
    "weigh Los Mineros' line otherwise": Row(
        line_url("mineros", "elections:voter_correct"),
        joint(allow({"mineros_staff"}, REFUSED)),
        method="post",
        data=lambda w: {"weight": "100"},
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(TRUSTEE_PAGES))
def test_joint_ballot_trustees_and_weights(client, matrix_world, name, persona):
    run_page(client, matrix_world, TRUSTEE_PAGES[name], persona)


# The other direction: a USW vote. Its members see it; only its managers run it; for
# Los Mineros (and the outsider) it does not exist, nothing of it changed.

USW_SEES = USW


def usw_hidden(answers: dict) -> dict:
    unseen = set(PERSONAS) - USW_SEES - {"anonymous"}
    return {**answers, **dict.fromkeys(unseen, 404)}


def _usw_voter(w):
    return rec.the_usw_election(w).voters.get()


MIRROR_PAGES: dict[str, Row] = {
    "elections:election (a USW vote)": Row(
        lambda w: reverse("elections:election", args=[rec.the_usw_election(w).uid]),
        allow(USW_SEES, 200, no=404),
    ),
    "elections:voters (a USW vote)": Row(
        lambda w: reverse("elections:voters", args=[rec.the_usw_election(w).uid]),
        usw_hidden(allow(USW_MANAGERS, 200)),
    ),
    "elections:participation (a USW vote)": Row(
        lambda w: reverse(
            "elections:participation", args=[rec.the_usw_election(w).uid]
        ),
        usw_hidden(allow(USW_MANAGERS, 200)),
    ),
    "elections:participation_xlsx (a USW vote)": Row(
        lambda w: reverse(
            "elections:participation_xlsx", args=[rec.the_usw_election(w).uid]
        ),
        usw_hidden(allow(USW_MANAGERS, 200)),
    ),
    "elections:role_add (a USW vote)": Row(
        lambda w: reverse("elections:role_add", args=[rec.the_usw_election(w).uid]),
        usw_hidden(allow(USW_MANAGERS, REDIRECT)),
        method="post",
        data=lambda w: {"person": str(w["usw_officer"].person.pk), "kind": "auditor"},
        check=lambda w: _assert_true(
            rec.the_usw_election(w)
            .roles.filter(kind="auditor", person=w["usw_officer"].person)
            .exists()
        ),
    ),
    "elections:voter_correct (a USW vote)": Row(
        lambda w: reverse(
            "elections:voter_correct",
            args=[rec.the_usw_election(w).uid, _usw_voter(w).pk],
        ),
        usw_hidden(allow(USW_MANAGERS, REDIRECT)),
        method="post",
        data=lambda w: {"email": "worker@usw.example.org"},
        check=lambda w: _assert_true(_usw_voter(w).email == "worker@usw.example.org"),
    ),
    "elections:voter_remove (a USW vote)": Row(
        lambda w: reverse(
            "elections:voter_remove",
            args=[rec.the_usw_election(w).uid, _usw_voter(w).pk],
        ),
        usw_hidden(allow(USW_MANAGERS, REDIRECT)),
        method="post",
        check=lambda w: _assert_true(not rec.the_usw_election(w).voters.exists()),
    ),
}


def _assert_true(fact) -> None:
    assert fact


def _usw_vote_with_parties(w):
    """The USW vote with its parties: Los Mineros' observer on the IEB is its trustee
    (the mirror of the USW's observer, trustee of the Los Mineros vote), the USW's
    member its credential authority."""
    from alianza.elections.models import Role

    election = rec.the_usw_election(w)
    if not election.roles.exists():
        Role.objects.create(
            election=election,
            person=w["mineros_observer"].person,
            kind="trustee",
            trustee_index=1,
        )
        Role.objects.create(
            election=election,
            person=w["usw_member"].person,
            kind="credential_authority",
        )
    return election


#: Who sees the USW vote: the USW, and its trustee from Los Mineros.
USW_VOTE_SEEN = USW | {"mineros_observer"}


def usw_party(personas: set[str], yes) -> dict:
    """``yes`` for the parties named, 403 for the others who see the USW vote, 404
    for those who do not, 401 for the anonymous."""
    unseen = set(PERSONAS) - USW_VOTE_SEEN - {"anonymous"}
    return {**allow(personas, yes, anonymous=401), **dict.fromkeys(unseen, 404)}


# The USW vote's draft is too early for each step: its party is heard and told so;
# everyone else, Los Mineros' leaders among them, is refused and nothing changes.
MIRROR_API: dict[str, Row] = {
    "GET /api/v1/elections/{uid}/ceremony (a USW vote)": Row(
        lambda w: f"/api/v1/elections/{_usw_vote_with_parties(w).uid}/ceremony",
        usw_party({"mineros_observer"}, 200),
    ),
    "POST /api/v1/elections/{uid}/ceremony (a USW vote)": Row(
        lambda w: f"/api/v1/elections/{_usw_vote_with_parties(w).uid}/ceremony",
        usw_party({"mineros_observer"}, 422),
        method="post",
        data=lambda w: {"step": "announce", "payload": {"trustee": 1, "box_key": "00"}},
    ),
    "POST /api/v1/elections/{uid}/credentials (a USW vote)": Row(
        lambda w: f"/api/v1/elections/{_usw_vote_with_parties(w).uid}/credentials",
        usw_party({"usw_member"}, 422),
        method="post",
        data=lambda w: {"credentials": {}},
    ),
    "POST /api/v1/elections/{uid}/authority-key (a USW vote)": Row(
        lambda w: f"/api/v1/elections/{_usw_vote_with_parties(w).uid}/authority-key",
        usw_party({"usw_member"}, 422),
        method="post",
        data=lambda w: {"public_key": "ab" * 32},
    ),
    "POST /api/v1/elections/{uid}/replacements (a USW vote)": Row(
        lambda w: f"/api/v1/elections/{_usw_vote_with_parties(w).uid}/replacements",
        usw_party({"usw_member"}, 422),
        method="post",
        data=lambda w: {
            "old": "ab" * 32,
            "new": "cd" * 32,
            "reason": "lost",
            "signature": "00" * 64,
        },
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MIRROR_API))
def test_mirror_api(client, matrix_world, name, persona):
    run_api(client, matrix_world, name.split(" (")[0], MIRROR_API[name], persona)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MIRROR_PAGES))
def test_mirror_page(client, matrix_world, name, persona):
    run_page(client, matrix_world, MIRROR_PAGES[name], persona)


# Step agreements of the joint ballot: a union agrees once, for itself; the step is
# taken when the other union agrees. The union that agreed is refused a second time.


def _agreed_by(union: str):
    def election(w):
        from alianza.elections import actions

        found = ready_joint_ballot(w)
        if not found.agreements.filter(step="begin").exists():
            staff = w["usw_staff" if union == "usw" else "mineros_staff"]
            actions.begin_ceremony(staff, found)
        return found

    return election


def _ceremony_begun_jointly(w) -> None:
    election = ready_joint_ballot(w)
    election.refresh_from_db()
    assert not election.is_draft


STEP_PAGES: dict[str, Row] = {
    "begin, the USW having agreed": Row(
        lambda w: reverse("elections:step", args=[_agreed_by("usw")(w).uid]),
        {
            **joint(allow({"mineros_staff"}, REDIRECT)),
            **dict.fromkeys(USW_MANAGERS, REFUSED),
            **dict.fromkeys(["usw_officer", "mineros_officer", "member"], 403),
        },
        method="post",
        data=lambda w: {"do": "begin"},
        check=_ceremony_begun_jointly,
    ),
    "begin, Los Mineros having agreed": Row(
        lambda w: reverse("elections:step", args=[_agreed_by("mineros")(w).uid]),
        {
            **joint(allow(USW_MANAGERS, REDIRECT)),
            "mineros_staff": REFUSED,
            **dict.fromkeys(["usw_officer", "mineros_officer", "member"], 403),
        },
        method="post",
        data=lambda w: {"do": "begin"},
        check=_ceremony_begun_jointly,
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(STEP_PAGES))
def test_joint_ballot_step_agreements(client, matrix_world, name, persona):
    run_page(client, matrix_world, STEP_PAGES[name], persona)
