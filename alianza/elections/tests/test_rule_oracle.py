"""Alianza's outcomes checked against the rules written from the law's text
(``oracle.py``), over random rolls, turnouts, weights and ties.

    pytest -s -n 0 alianza/elections/tests/test_rule_oracle.py -k table

prints the rule table: each case in words, the outcome, the rule's source."""

import itertools
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alianza.accounts.models import User
from alianza.bodies.models import Body, Seat
from alianza.elections import actions
from alianza.elections.models import Election
from alianza.elections.outcome import decide, kind_problem
from alianza.governance import actions as meetings
from conftest import make_user

from . import oracle

PURE = settings(max_examples=400, deadline=None, derandomize=True)
WITH_DATABASE = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _app(passed: bool | None) -> str:
    if passed is None:
        return oracle.NO_RESULT
    return oracle.APPROVED if passed else oracle.NOT_APPROVED


def _election(kind: str, covered: int | None = None, answers=("Yes", "No"), seats=1):
    return Election(
        kind=kind, covered_workers=covered, answers=list(answers), choose_max=seats
    )


@st.composite
def turnouts(draw, most: int = 5000):
    """Covered workers, ballots counted (sometimes more than covered, as a wrong
    figure would give) and the yes among them."""
    covered = draw(st.integers(min_value=1, max_value=most))
    ballots = draw(st.integers(min_value=0, max_value=covered + covered // 4 + 2))
    yes = draw(st.integers(min_value=0, max_value=ballots))
    return covered, ballots, yes


# --- Mexico's Federal Labour Law: persons, counted against the covered workers ----


@PURE
@given(
    kind=st.sampled_from(["contract_approval", "contract_revision", "legitimation"]),
    turnout=turnouts(),
)
def test_an_agreement_is_approved_by_more_than_half_of_the_covered_workers(
    kind, turnout
):
    """LFT art. 390 Ter: the yes of more than half of the covered workers, whoever
    stayed home; more ballots than covered workers is no result at all."""
    covered, ballots, yes = turnout
    outcome = decide(_election(kind, covered), [yes, ballots - yes], ballots)
    assert _app(outcome.passed) == oracle.covered_majority(covered, yes, ballots)


@PURE
@given(turnout=turnouts())
def test_a_representation_certificate_needs_thirty_percent_of_the_covered_workers(
    turnout,
):
    """LFT art. 390 Bis: at least 30% of the covered workers support the request."""
    covered, ballots, yes = turnout
    outcome = decide(
        _election("representation", covered), [yes, ballots - yes], ballots
    )
    assert _app(outcome.passed) == oracle.thirty_percent(covered, yes, ballots)


@PURE
@given(
    kind=st.sampled_from(["strike", "ratification", "body"]),
    yes=st.integers(min_value=0, max_value=10_000),
    no=st.integers(min_value=0, max_value=10_000),
)
def test_strike_ratification_and_weighted_votes_are_a_majority_of_the_votes_cast(
    kind, yes, no
):
    """More yes than no among the votes cast; a tie is not a majority."""
    outcome = decide(_election(kind), [yes, no], yes + no)
    assert _app(outcome.passed) == oracle.votes_cast(yes, no)


# --- Officers: k of n, ties and zero turnout --------------------------------------


@PURE
@given(
    votes=st.lists(st.integers(min_value=0, max_value=6), min_size=2, max_size=7),
    data=st.data(),
)
def test_officers_take_the_seats_by_votes_and_a_tie_on_the_last_seat_elects_nobody(
    votes, data
):
    """The k candidates with the most votes are elected; a tie that straddles the
    last seat leaves it for a run-off between the tied, named on the result; a
    candidate without a vote is never elected."""
    names = [f"Candidate {n}" for n in range(len(votes))]
    seats = data.draw(st.integers(min_value=1, max_value=len(votes) - 1))
    expected = oracle.officers(dict(zip(names, votes, strict=True)), seats)
    with translation.override("en"):
        outcome = decide(_election("officers", answers=names, seats=seats), votes, 0)
    assert set(outcome.winners) == expected.elected
    assert ("run-off" in outcome.explanation) == bool(expected.tied)
    for name in expected.tied:
        assert name in outcome.explanation
    if not expected.elected:
        assert outcome.explanation.startswith("No one is elected.")


# --- Kinds per country ----------------------------------------------------------


def test_each_kind_applies_in_the_countries_the_law_says():
    """The LFT's kinds for Mexican units only; a ratification vote outside Mexico;
    strike votes, officers and a body's vote everywhere."""
    for kind, country in itertools.product(
        Election.Kind.values, ["MX", "US", "CA", ""]
    ):
        allowed = kind_problem(kind, country) is None
        assert allowed == oracle.kind_applies(kind, country), (kind, country)


def test_a_usw_ratification_is_a_ratification_vote_and_the_lft_kinds_are_refused(
    world,
):
    staff = world["usw_staff"]
    now = timezone.now()
    times = {"opens_at": now + timedelta(days=1), "closes_at": now + timedelta(days=2)}
    ratification = actions.create_election(
        staff, world.usw, kind="ratification", title="Ratification",
        question="Ratify the agreement?", language="en", **times,
    )  # fmt: skip
    assert ratification.get_kind_display() == "Ratification vote"
    with pytest.raises(ValidationError, match="bargaining units in Mexico"):
        actions.create_election(
            staff, world.usw, kind="representation", title="x", question="x",
            language="en", covered_workers=100, **times,
        )  # fmt: skip


def test_the_new_vote_form_offers_the_kinds_of_the_unions_country(world, client):
    """USW (United States, Canada) is offered a ratification vote and none of the
    LFT's kinds; Los Mineros (Mexico) the LFT's kinds and no ratification vote."""
    offered = {}
    for slug, persona in (("usw", "usw_staff"), ("los-mineros", "mineros_staff")):
        User.objects.filter(pk=world[persona].pk).update(language="en")
        client.force_login(world[persona])
        page = client.get(reverse("elections:election_new") + f"?organisation={slug}")
        offered[slug] = {
            value for value, _label in page.context["form"].fields["kind"].choices
        }
    assert "ratification" in offered["usw"]
    assert not offered["usw"] & oracle.MEXICAN_KINDS
    assert oracle.MEXICAN_KINDS <= offered["los-mineros"]
    assert "ratification" not in offered["los-mineros"]


def test_in_mexico_an_agreement_is_approved_under_390_ter_not_ratified(world):
    now = timezone.now()
    with translation.override("en"), pytest.raises(ValidationError, match="390 Ter"):
        actions.create_election(
            world["mineros_staff"], world.mineros, kind="ratification", title="x",
            question="x", language="es", opens_at=now + timedelta(days=1),
            closes_at=now + timedelta(days=2),
        )  # fmt: skip


def test_a_mexican_strike_consultation_says_the_legal_recount_is_the_tribunals(world):
    from alianza.elections.outcome import rule_in_words

    mexican = Election(kind="strike", organisation=world.mineros)
    american = Election(kind="strike", organisation=world.usw, unit=world.local)
    with translation.override("en"):
        assert "art. 931" in rule_in_words(mexican)
        assert "tribunal" in rule_in_words(mexican)
        assert "931" not in rule_in_words(american)


# --- The roll: one worker, one vote; never more than the covered workers -----------


def _curp(n: int) -> str:
    """A valid CURP of its own for the roll's ``n``-th worker (a roll refuses a CURP
    met twice): the day of birth and the homoclave vary, the check digit follows."""
    values = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"
    day, homoclave = divmod(n, 36)
    stem = f"HEGG5604{day % 28 + 1:02d}MVZRRL{values.replace('Ñ', '')[homoclave]}"
    total = sum(values.index(c) * (18 - i) for i, c in enumerate(stem))
    return stem + str((10 - total % 10) % 10)


def _roll(weights: list[int]) -> bytes:
    lines = ["name,worker_number,curp,weight"]
    lines += [f"Trabajador {n},T{n},{_curp(n)},{w}" for n, w in enumerate(weights)]
    return "\n".join(lines).encode()


@WITH_DATABASE
@given(
    kind=st.sampled_from(["representation", "legitimation", "strike"]),
    weights=st.lists(st.sampled_from([1, 1, 1, 2, 600]), min_size=1, max_size=8),
    covered=st.integers(min_value=1, max_value=10),
)
def test_a_roll_is_refused_where_the_law_counts_persons_and_it_weighs_or_overflows(
    world, kind, weights, covered
):
    """Where the law counts persons (LFT art. 390 Bis, 390 Ter) a weight other than
    1 is refused, and so is a roll longer than the covered workers."""
    now = timezone.now()
    election = Election.objects.create(
        organisation=world.mineros, kind=kind, title="Votación", question="¿Sí?",
        answers=["Sí", "No"], covered_workers=covered if kind != "strike" else None,
        opens_at=now + timedelta(days=20), closes_at=now + timedelta(days=21),
    )  # fmt: skip
    report = actions.import_roll(
        world["mineros_staff"], election, "roll.csv", _roll(weights)
    )
    accepted = report.ok and not report.problems
    assert accepted == oracle.roll_accepted(
        kind, weights, covered if kind != "strike" else None
    )
    assert election.voters.count() == (len(weights) if accepted else 0)


def test_one_line_weighted_600_is_refused_on_an_approval_roll(world):
    """Today's mistake, named: one worker weighted 600 cannot approve an agreement
    for 1,000 covered workers."""
    now = timezone.now()
    election = Election.objects.create(
        organisation=world.mineros, kind="contract_approval", title="Votación",
        question="¿Aprueba?", answers=["Sí", "No"], covered_workers=1000,
        opens_at=now + timedelta(days=20), closes_at=now + timedelta(days=21),
    )  # fmt: skip
    with translation.override("en"):
        report = actions.import_roll(
            world["mineros_staff"], election, "roll.csv", _roll([600])
        )
    assert not report.ok
    assert "one worker one vote" in " ".join(report.lines[0].errors)
    assert not election.voters.exists()


# --- Meetings: the body's rule, heads under "members present", proxies ---------------


class Meeting:
    """A body of Los Mineros with seats of the given weights, each held by a member
    with an account, in session; the fixed quorum of one lets every case vote."""

    count = 0

    def __init__(self, world, weights: list[int]) -> None:
        Meeting.count += 1
        staff = world["mineros_staff"]
        self.staff = staff
        self.body = Body.objects.create(
            name=f"Comité {Meeting.count}", kind="committee",
            organisation=world.mineros, quorum_rule="fixed", quorum_number=1,
            proxy_limit=len(weights),
        )  # fmt: skip
        self.holders = []
        self.seats = []
        for n, weight in enumerate(weights):
            user = make_user(
                f"m{Meeting.count}-{n}@example.org", f"Miembro {n}",
                [(world.mineros, "member", None)], language="en", country="MX",
            )  # fmt: skip
            self.holders.append(user)
            self.seats.append(
                Seat.objects.create(
                    body=self.body,
                    kind="member",
                    holder=user.person,
                    representing=world.mineros,
                    vote_weight=weight,
                )  # fmt: skip
            )
        self.meeting = meetings.schedule_meeting(
            staff, self.body, title="Sesión", starts_at=timezone.now(),
            mode="hybrid", place="CDMX", language="es",
        )  # fmt: skip
        meetings.set_meeting_status(staff, self.meeting, "open")

    def vote(self, rule: str, choices: list[str | None], carriers: dict[int, int]):
        """``choices[n]``: how seat n votes (None: absent, not represented);
        ``carriers``: absent seat -> the present seat carrying its proxy. Returns
        the closed vote and the ballots as the oracle reads them."""
        present = [
            n for n, c in enumerate(choices) if c is not None and n not in carriers
        ]
        for n in present:
            meetings.check_in(self.staff, self.meeting, self.seats[n])
        for giver, carrier in carriers.items():
            meetings.give_proxy(
                self.staff, self.meeting, self.seats[carrier], self.seats[giver]
            )
        motion = meetings.submit_motion(
            self.holders[present[0]], self.meeting, text="Moción.", language="es"
        )
        vote = meetings.open_vote(
            self.staff, motion, method="roll_call", threshold=rule
        )
        ballots = []
        for n, choice in enumerate(choices):
            if choice is None:
                continue
            voter = self.holders[carriers.get(n, n)]
            meetings.cast_ballot(voter, vote, choice, self.seats[n])
            ballots.append(
                oracle.MeetingBallot(choice, self.seats[n].vote_weight, n in carriers)
            )
        return meetings.close_vote(self.staff, vote), ballots


@st.composite
def meeting_cases(draw):
    """Seats with weights; who is present, who gave a proxy to whom, how each votes."""
    size = draw(st.integers(min_value=1, max_value=6))
    weights = draw(st.lists(st.sampled_from([5, 2, 1]), min_size=size, max_size=size))
    choices = draw(
        st.lists(
            st.sampled_from(["yes", "no", "abstain", None]),
            min_size=size,
            max_size=size,
        ).filter(lambda c: any(x is not None for x in c))
    )
    voting = [n for n, c in enumerate(choices) if c is not None]
    givers = draw(st.sets(st.sampled_from(voting), max_size=len(voting) - 1))
    in_person = [n for n in voting if n not in givers]
    carriers = {g: draw(st.sampled_from(in_person)) for g in sorted(givers)}
    return weights, choices, carriers


@pytest.mark.parametrize("rule", ["cast", "present", "all_seats", "two_thirds"])
@settings(WITH_DATABASE, max_examples=20)
@given(case=meeting_cases())
def test_a_meeting_vote_is_decided_as_the_bodys_rule_says(world, rule, case):
    """Random bodies, attendance, proxies and ballots: under "members present" each
    member counts once, in person or by proxy, whatever the seat weighs; the other
    rules weigh the seats."""
    weights, choices, carriers = case
    vote, ballots = Meeting(world, weights).vote(rule, choices, carriers)
    members = sum(1 for c in choices if c is not None)
    assert vote.members_voting == members
    assert vote.adopted == oracle.meeting_vote(rule, ballots, members, sum(weights))


def test_under_members_present_a_heavy_seat_counts_once(world):
    """Weights 5, 1 and 1; the seat weighing 5 votes no, the two others yes: two of
    the three members present voted yes, so the motion is adopted, and the result
    says 2 yes and 1 no (heads), not 2 against 5."""
    vote, _ballots = Meeting(world, [5, 1, 1]).vote("present", ["no", "yes", "yes"], {})
    assert (vote.yes, vote.no) == (2, 1) and vote.adopted
    with translation.override("en"):
        assert vote.explanation.startswith(
            "Adopted: 2 yes, 1 no, 0 abstaining of the 3 voting members present"
        )


def test_under_members_present_every_proxy_vote_counts_on_its_side(world):
    """Three members present and two proxies: 2 yes and 3 no (the proxies among the
    no) is rejected: 3 of the 5 members voting were needed."""
    vote, _ballots = Meeting(world, [1, 1, 1, 1, 1]).vote(
        "present", ["yes", "yes", "no", "no", "no"], {3: 2, 4: 2}
    )
    assert vote.members_voting == 5 and (vote.yes, vote.no) == (2, 3)
    assert not vote.adopted


# --- The rule table ----------------------------------------------------------------

CASES = [
    # (case in words, kind, covered, counts, ballots, oracle's outcome, source)
    ("Approval of an agreement: 1,000 covered, 512 yes of 612 ballots",
     "contract_approval", 1000, [512, 100], 612,
     oracle.covered_majority(1000, 512, 612), oracle.LFT_390_TER),
    ("Approval of an agreement: 1,000 covered, 480 yes of 500 ballots",
     "contract_approval", 1000, [480, 20], 500,
     oracle.covered_majority(1000, 480, 500), oracle.LFT_390_TER),
    ("Approval: exactly half of 1,000 covered (500) vote yes",
     "contract_approval", 1000, [500, 0], 500,
     oracle.covered_majority(1000, 500, 500), oracle.LFT_390_TER),
    ("Approval: 1,200 yes counted for 1,000 covered workers",
     "contract_approval", 1000, [1200, 0], 1200,
     oracle.covered_majority(1000, 1200, 1200), oracle.LFT_390_TER),
    ("Representation certificate: 300 of 1,000 covered support it",
     "representation", 1000, [300, 0], 300,
     oracle.thirty_percent(1000, 300, 300), oracle.LFT_390_BIS),
    ("Representation certificate: 299 of 1,000 covered support it",
     "representation", 1000, [299, 50], 349,
     oracle.thirty_percent(1000, 299, 349), oracle.LFT_390_BIS),
    ("Mexican strike consultation: 51 yes, 49 no",
     "strike", None, [51, 49], 100, oracle.votes_cast(51, 49), oracle.LFT_931),
    ("USW ratification: 1,001 yes, 1,000 no", "ratification", None, [1001, 1000],
     2001, oracle.votes_cast(1001, 1000), oracle.USW_RATIFICATION),
    ("USW ratification: 7 yes, 7 no", "ratification", None, [7, 7], 14,
     oracle.votes_cast(7, 7), oracle.USW_RATIFICATION),
]  # fmt: skip

OFFICER_CASES = [
    ("Officers, 2 seats: Ana 10, Beto 7, Carmen 7", 2,
     {"Ana": 10, "Beto": 7, "Carmen": 7}),
    ("Officers, 1 seat: Ana 5, Beto 5", 1, {"Ana": 5, "Beto": 5}),
    ("Officers, 2 seats: no ballots", 2, {"Ana": 0, "Beto": 0, "Carmen": 0}),
    ("Officers, 2 seats: Ana 9, Beto 4, Carmen 1", 2,
     {"Ana": 9, "Beto": 4, "Carmen": 1}),
]  # fmt: skip

MEETING_CASES = [
    ("Meeting, members present: weights 5/1/1, the 5 votes no, the two 1s yes",
     "present", [5, 1, 1], ["no", "yes", "yes"], {}),
    ("Meeting, members present: 3 present + 2 proxies, 2 yes and 3 no",
     "present", [1] * 5, ["yes", "yes", "no", "no", "no"], {3: 2, 4: 2}),
    ("Meeting, votes cast: weights 5/1/1, the 5 votes no, the two 1s yes",
     "cast", [5, 1, 1], ["no", "yes", "yes"], {}),
    ("Meeting, two thirds: 3 yes, 2 no", "two_thirds", [1] * 5,
     ["yes", "yes", "yes", "no", "no"], {}),
    ("Meeting, all voting seats: 3 yes of 7 seats, 4 absent", "all_seats", [1] * 7,
     ["yes", "yes", "yes", None, None, None, None], {}),
]  # fmt: skip


ROLL_CASES = [
    # (case in words, kind, covered, weights, exclusions)
    ("Approval roll for 1,000 covered: one line weighted 600", "contract_approval",
     1000, [600], []),
    ("Representation roll for 2 covered: 3 lines", "representation", 2, [1, 1, 1], []),
    ("Representation roll for 3 covered: 3 lines of weight 1", "representation", 3,
     [1, 1, 1], []),
    ("Mexican strike roll: a confidence employee and one hired after the notice",
     "strike", None, [1, 1, 1], ["", "confidence", "hired_after_notice"]),
    ("Representation roll: a line marked confidence", "representation", 10, [1],
     ["confidence"]),
]  # fmt: skip

COUNTRY_CASES = [
    # (case in words, organisation, kind)
    ("USW (US, Canada) puts an agreement to a ratification vote", "usw",
     "ratification"),
    ("USW (US, Canada) asks for a representation certificate under the LFT", "usw",
     "representation"),
    ("Los Mineros (Mexico) holds a ratification vote", "mineros", "ratification"),
    ("Los Mineros (Mexico) asks for a representation certificate under the LFT",
     "mineros", "representation"),
]  # fmt: skip


def _roll_row(world, words, kind, covered, weights, exclusions) -> tuple[str, ...]:
    now = timezone.now()
    election = Election.objects.create(
        organisation=world.mineros, kind=kind, title=words[:200], question="¿Sí?",
        answers=["Sí", "No"], covered_workers=covered,
        opens_at=now + timedelta(days=20), closes_at=now + timedelta(days=21),
    )  # fmt: skip
    lines = ["name,worker_number,curp,weight,excluded"]
    for n, weight in enumerate(weights):
        mark = exclusions[n] if exclusions else ""
        lines.append(f"Trabajador {n},T{n},{_curp(n)},{weight},{mark}")
    report = actions.import_roll(
        world["mineros_staff"], election, "roll.csv", "\n".join(lines).encode()
    )
    accepted = report.ok and not report.problems
    marks_allowed = oracle.line_may_be_excluded(kind, "MX")
    expected = oracle.roll_accepted(kind, weights, covered) and (
        marks_allowed or not any(exclusions)
    )
    assert accepted == expected, words
    if accepted:
        voting = election.voters.filter(excluded="").count()
        outcome = f"Accepted: {voting} of {len(weights)} lines vote"
    else:
        errors = [e for line in report.lines for e in line.errors]
        outcome = "Refused: " + " ".join(report.problems + errors[:1])
    return (
        words,
        outcome,
        oracle.LFT_931_IV if any(exclusions) else oracle.PERSONAL_VOTE,
    )


def _country_row(world, words, organisation, kind) -> tuple[str, ...]:
    now = timezone.now()
    union = getattr(world, organisation)
    staff = world["usw_staff" if organisation == "usw" else "mineros_staff"]
    country = "MX" if organisation == "mineros" else ""
    try:
        actions.create_election(
            staff, union, kind=kind, title="Vote", question="?", language="en",
            covered_workers=100, opens_at=now + timedelta(days=20),
            closes_at=now + timedelta(days=21),
        )  # fmt: skip
        outcome = "Created"
    except ValidationError as refusal:
        outcome = "Refused: " + " ".join(refusal.messages)
    assert (outcome == "Created") == oracle.kind_applies(kind, country), words
    return words, outcome, "LFT: Mexican bargaining units; USW: ratification vote"


def _officer_words(seats: oracle.Seats) -> str:
    elected = ", ".join(sorted(seats.elected)) or "nobody"
    if seats.tied:
        return f"elected: {elected}; run-off: {' and '.join(sorted(seats.tied))}"
    return f"elected: {elected}" + (
        f"; {seats.unfilled} unfilled" if seats.unfilled else ""
    )


def test_the_rule_table_agrees_with_the_oracle_and_is_printed(world, capsys):
    """Every case of the issue, the app's outcome beside the oracle's; printed so it
    can be quoted (run with -s)."""
    rows: list[tuple[str, ...]] = []
    with translation.override("en"):
        for words, kind, covered, counts, ballots, expected, source in CASES:
            election = _election(kind, covered)
            election.organisation = (
                world.usw if kind == "ratification" else world.mineros
            )
            outcome = decide(election, counts, ballots)
            assert _app(outcome.passed) == expected, words
            rows.append((words, outcome.explanation, source))
        for words, seats, votes in OFFICER_CASES:
            expected_seats = oracle.officers(votes, seats)
            outcome = decide(
                _election("officers", answers=list(votes), seats=seats),
                list(votes.values()), 0,
            )  # fmt: skip
            assert set(outcome.winners) == expected_seats.elected, words
            assert ("run-off" in outcome.explanation) == bool(expected_seats.tied)
            rows.append((words, outcome.explanation, oracle.OFFICERS))
        for words, rule, weights, choices, carriers in MEETING_CASES:
            vote, ballots = Meeting(world, weights).vote(rule, choices, carriers)
            members = len([c for c in choices if c is not None])
            expected_adopted = oracle.meeting_vote(rule, ballots, members, sum(weights))
            assert vote.adopted == expected_adopted, words
            rows.append((words, vote.explanation, oracle.BODY[rule]))
        rows += [_roll_row(world, *case) for case in ROLL_CASES]
        rows += [_country_row(world, *case) for case in COUNTRY_CASES]
    with capsys.disabled():
        print("\n| case | outcome | source of the rule |\n| --- | --- | --- |")
        for row in rows:
            print("| " + " | ".join(row) + " |")
