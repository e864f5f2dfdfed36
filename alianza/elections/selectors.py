"""Reads of elections, shared by the views, the API, the actions and the rules.

Nothing here writes. Each function is named for what it returns."""

import json
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.db.models import QuerySet, TextChoices
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from alianza.bodies.models import Body
from alianza.orgs.models import Organisation
from alianza.orgs.roles import ALL_ROLES, MANAGING_ROLES
from alianza.orgs.selectors import standing
from alianza.spaces.models import Participant
from alianza.spaces.shared_ground import (
    coordinating_unions,
    coordinating_unions_acted_for,
    unions_acted_for,
)
from votecore.credentials import public_credential
from votecore.group import GroupError
from votecore.trustees import key_fingerprint

from .models import (
    BoardEvent,
    CeremonyMessage,
    CheckIn,
    CredentialReplacement,
    Election,
    Incident,
    ProvisionalVoter,
    Role,
    Step,
    StepAgreement,
    Voter,
)
from .outcome import NEEDS_INDEPENDENT_AUTHORITY
from .roll_lines import Seen

# --- Elections and the people with a part in them ------------------------------------


def elections_with_owners() -> QuerySet[Election]:
    """Elections with their union, unit and worksite (what their pages show)."""
    return Election.objects.select_related("organisation", "space", "unit", "worksite")


def published_elections() -> QuerySet[Election]:
    return Election.objects.filter(status=Election.Status.PUBLISHED)


def visible_elections(user: Any) -> QuerySet[Election]:
    """The elections of the person's unions, the joint bodies' ballots of the
    spaces her union takes part in (for their managers), and those she has a part in."""
    st = standing(user)
    visible = Election.objects.filter(
        organisation_id__in=st.organisation_ids(ALL_ROLES)
    ) | Election.objects.filter(
        space__participants__organisation_id__in=unions_acted_for(user),
    )
    if st.person is not None:
        visible = visible | Election.objects.filter(roles__person=st.person)
    return visible.distinct().select_related("organisation", "space")


def organisations_holding_elections(user: Any) -> QuerySet[Organisation]:
    """The unions whose votes the person may create (those she manages)."""
    return Organisation.objects.filter(
        pk__in=standing(user).organisation_ids(MANAGING_ROLES)
    )


def joint_bodies_holding_ballots(user: Any) -> QuerySet[Body]:
    """The joint bodies whose secret ballot the person may propose: those of the
    spaces a union she acts for coordinates."""
    return Body.objects.filter(
        space__participants__role=Participant.Role.COORDINATOR,
        space__participants__organisation_id__in=unions_acted_for(user),
    ).distinct()


def parts_of(user: Any, election: Election) -> set[str]:
    """The kinds of part the person has in the election (trustee, …)."""
    person = standing(user).person
    if person is None:
        return set()
    return set(election.roles.filter(person=person).values_list("kind", flat=True))


def has_part(user: Any, election: Election, kind: str | None = None) -> bool:
    """Whether the person has a part (of ``kind``, or any) in the election."""
    person = standing(user).person
    if person is None:
        return False
    roles = election.roles.filter(person=person)
    return (roles.filter(kind=kind) if kind else roles).exists()


def trustee_index(user: Any, election: Election) -> int | None:
    """The person's number among the election's trustees; None if she is not one."""
    person = standing(user).person
    if person is None:
        return None
    role = election.roles.filter(person=person, kind=Role.Kind.TRUSTEE).first()
    return role.trustee_index if role is not None else None


def parts(election: Election) -> QuerySet[Role]:
    """Who has a part, the administrators first, the trustees in their order."""
    return election.roles.select_related("person").order_by("kind", "trustee_index")


def trustees(election: Election) -> QuerySet[Role]:
    """The election's trustees, in their order."""
    return (
        election.roles.select_related("person")
        .filter(kind=Role.Kind.TRUSTEE)
        .order_by("trustee_index")
    )


def timeline(election: Election) -> QuerySet[Step]:
    return election.steps.select_related("by")


def turnout(election: Election) -> dict[str, int]:
    """How many are on the roll, how many have voted, how many ballots are in."""
    return {
        "voter_count": voting_lines(election).count(),
        "excluded_count": election.voters.exclude(excluded="").count(),
        "voted": election.voters.filter(voted_at__isnull=False).count(),
        "ballots": election.board.filter(type="ballot").count(),
    }


# --- A joint body's ballot: the steps every coordinating union agrees to -------------


def unions_yet_to_agree(election: Election, step: str) -> set[int]:
    """The coordinating unions that have not agreed to ``step`` yet (none for a
    union's own vote)."""
    if not election.is_joint:
        return set()
    agreeing = set(
        election.agreements.filter(step=step).values_list("union_id", flat=True)
    )
    return coordinating_unions(election.space) - agreeing


def awaits_agreement_of(user: Any, election: Election, step: str) -> bool:
    """Whether ``step`` waits for a coordinating union that ``user`` acts for (her
    union has not agreed to it yet)."""
    return bool(
        unions_yet_to_agree(election, step)
        & coordinating_unions_acted_for(user, election.space)
    )


def pending_steps(election: Election) -> list[dict[str, Any]]:
    """The steps of a joint body's ballot proposed and not yet taken: the step,
    the unions that agreed, those awaited."""
    if not election.is_joint:
        return []
    out = []
    for step, label in StepAgreement.Kind.choices:
        agreements = list(
            election.agreements.filter(step=step).select_related("union", "by")
        )
        waiting = unions_yet_to_agree(election, step)
        if agreements and waiting:
            out.append(
                {
                    "step": label,
                    "agreed": agreements,
                    "waiting": Organisation.objects.filter(pk__in=waiting),
                }
            )
    return out


# --- The roll -------------------------------------------------------------------------


def roll(election: Election) -> QuerySet[Voter]:
    return election.voters.all()


def roll_by_name(election: Election) -> QuerySet[Voter]:
    return election.voters.order_by("name")


def voting_lines(election: Election) -> QuerySet[Voter]:
    """The lines of the roll that vote: every line but those the law excludes."""
    return election.voters.filter(excluded="")


def unions_holding(election: Election) -> set[int]:
    """Ids of the unions that run the vote: the union's own, or the coordinating
    unions of a joint body's ballot."""
    if election.organisation_id is not None:
        return {election.organisation_id}
    return coordinating_unions(election.space)


def belongs_to_unions_holding(election: Election, person: Any) -> bool:
    """Whether ``person`` is a member, officer or staff of a union running the vote."""
    return (
        person.memberships.current()
        .filter(organisation_id__in=unions_holding(election))
        .exists()
    )


def authority_is_independent(election: Election) -> bool | None:
    """Whether the credential authority is outside every union running the vote
    (None until she is named). The acta prints it."""
    role = (
        election.roles.filter(kind=Role.Kind.CREDENTIAL_AUTHORITY)
        .select_related("person")
        .first()
    )
    if role is None:
        return None
    return not belongs_to_unions_holding(election, role.person)


def needs_independent_authority(election: Election) -> bool:
    return election.kind in NEEDS_INDEPENDENT_AUTHORITY


def roll_for_authority(election: Election) -> list[Any]:
    """The roll as the credential authority's page needs it (no secrets): one
    credential for each line that votes, with the channels her letters and SMS
    file are made for."""
    return list(
        voting_lines(election).values(
            "pk", "name", "worker_number", "email", "phone", "language"
        )
    )


def seen_on_roll(election: Election, *, but: Voter | None = None) -> Seen:
    """The worker numbers and CURPs already on the roll (apart from ``but``'s),
    each with the name of its worker."""
    voters = election.voters.all()
    if but is not None:
        voters = voters.exclude(pk=but.pk)
    seen = Seen()
    for name, number, curp in voters.values_list("name", "worker_number", "curp"):
        where = _("the roll (%(name)s)") % {"name": name}
        if number:
            seen.worker_numbers[number] = where
        if curp:
            seen.curps[curp] = where
    return seen


def voters_matching_secrets(election: Election, secrets: dict[int, str]) -> list[Voter]:
    """The voters whose secret codes the credential authority asks Alianza to
    deliver, once each code is checked against its published credential (the
    codes are used for the delivery and never stored)."""
    voters = {v.pk: v for v in election.voters.filter(pk__in=list(secrets))}
    if len(voters) != len(secrets):
        raise ValidationError(_("These voters are not on the roll."))
    for pk, secret in secrets.items():
        try:
            matches = (
                public_credential(election.election_id, secret) == voters[pk].credential
            )
        except (GroupError, TypeError, ValueError):
            matches = False
        if not matches:
            raise ValidationError(
                _("The code for %(name)s does not match the published credential.")
                % {"name": voters[pk].name}
            )
    return [voters[pk] for pk in secrets]


# --- The board and the trustees' ceremony ---------------------------------------------


def board_payloads(election: Election, kind: str) -> list[Any]:
    """The payloads of the board's events of ``kind``, in the board's order."""
    return [
        json.loads(line)["payload"]
        for line in election.board.filter(type=kind)
        .order_by("seq")
        .values_list("line", flat=True)
    ]


def board_events(election: Election) -> QuerySet[BoardEvent]:
    """The board's events as its page lists them (the lines themselves apart)."""
    return election.board.only("seq", "type", "hash", "tracker", "at").order_by("seq")


def board_head(election: Election) -> str | None:
    """The hash of the board's last event."""
    on_board = election.board.filter(seq__isnull=False)  # not the ballots still waiting
    return on_board.order_by("-seq").values_list("hash", flat=True).first()


#: The booth shows a tracker's first characters for a person to write down; the
#: board finds a ballot by them (64 bits: no two ballots share them in practice).
SHORT_TRACKER = 16


def ballot_with_tracker(election: Election, tracker: str) -> BoardEvent | None:
    """The ballot with this tracker, written whole or as its first characters
    (spaces and case ignored); None if none, or if the characters fit several."""
    tracker = "".join(tracker.split()).lower()
    if len(tracker) < SHORT_TRACKER:
        return None
    found = list(election.board.filter(type="ballot", tracker__startswith=tracker)[:2])
    return found[0] if len(found) == 1 else None


def _ballots_of(election: Election, credential: str) -> QuerySet[BoardEvent]:
    """The ballots of one credential, received or on the board, in board order
    (ballots are put on the board in the order they were received)."""
    return election.board.filter(
        type="ballot", line__contains=f'"credential":"{credential}"'
    ).order_by("pk")


def last_tracker(election: Election, credential: str) -> str | None:
    """The tracker of the credential's last ballot: the one its next replaces."""
    if not credential:
        return None
    return (
        _ballots_of(election, credential)
        .reverse()
        .values_list("tracker", flat=True)
        .first()
    )


class Standing(NamedTuple):
    """Whether a ballot on the board counts, and if not why: ``replaced`` (a later
    ballot of its credential, cast at ``later_at``), ``revoked`` (its code was
    replaced by the credential authority), ``provisional`` (held apart until
    decided) or ``rejected`` (a provisional ballot not accepted)."""

    counted: bool
    why: str = ""
    later_at: Any = None

    @property
    def is_replaced(self) -> bool:
        return self.why == "replaced"

    @property
    def is_revoked(self) -> bool:
        return self.why == "revoked"

    @property
    def is_held_apart(self) -> bool:
        return self.why == "provisional"


def tracker_standing(election: Election, event: BoardEvent) -> Standing:
    """The standing of the ballot ``event``, as the verifier would report it."""
    line = json.loads(event.line)
    ballot = line["payload"] if event.seq is not None else line  # or still received
    credential = ballot["credential"]
    later = _ballots_of(election, credential).filter(pk__gt=event.pk).last()
    if later is not None:
        return Standing(False, "replaced", later.at)
    if election.replacements.filter(old=credential).exists():
        return Standing(False, "revoked")
    held = election.provisional_voters.filter(credential=credential).first()
    if held is not None and not held.is_decided:
        return Standing(False, "provisional")
    if held is not None and not held.accepted:
        return Standing(False, "rejected")
    return Standing(True)


def provisional_voters(election: Election) -> QuerySet[ProvisionalVoter]:
    """The election's provisional voters, first issued first, with their deciders."""
    return election.provisional_voters.select_related(
        "administrator__person", "observer__person"
    ).order_by("issued_at", "pk")


def provisional_voter(election: Election, pk: int) -> ProvisionalVoter | None:
    return election.provisional_voters.filter(pk=pk).first()


def credentials_for_authority(election: Election) -> list[Any]:
    """The roll's lines with their public credential now, for the authority to
    choose whose code it replaces (no secrets)."""
    return list(
        voting_lines(election)
        .exclude(credential="")
        .order_by("name", "pk")
        .values("pk", "name", "worker_number", "credential")
    )


def replacements(election: Election) -> QuerySet[CredentialReplacement]:
    """The codes the credential authority replaced, with their voters' lines."""
    return election.replacements.select_related("voter").order_by("at")


def ceremony_messages(election: Election, step: str) -> list[CeremonyMessage]:
    """The trustees' messages of one step, in the trustees' order."""
    return list(election.ceremony.filter(step=step).order_by("trustee"))


def ceremony_state(election: Election) -> dict[str, Any]:
    """Everything a trustee's program needs, all public."""
    state: dict[str, Any] = {
        "status": election.status,
        "params": election.params,
        "key": election.key,
        "announcements": [m.payload for m in ceremony_messages(election, "announce")],
        "deals": [m.payload for m in ceremony_messages(election, "deal")],
        "checked": [m.trustee for m in ceremony_messages(election, "check")],
        "complaints": board_payloads(election, "complaint"),
        "reveals": board_payloads(election, "reveal"),
        "tally": None,
        "decrypted": [m.trustee for m in ceremony_messages(election, "decrypt")],
    }
    tally = board_payloads(election, "tally")
    if tally:
        state["tally"] = tally[0]
    return state


def ceremony_progress(election: Election) -> list[dict[str, Any]]:
    """Each trustee's steps of the key ceremony and of the decryption: what she has
    done, her key's fingerprint once she has dealt, and whether the election now
    waits for her (``awaited``)."""
    done: dict[str, dict[int, Any]] = {
        step: {m.trustee: m.payload for m in ceremony_messages(election, step)}
        for step in ("announce", "deal", "check", "reveal", "decrypt")
    }
    n = election.trustee_count
    accused = {
        i for c in done["check"].values() if isinstance(c, dict) for i in c["against"]
    }
    phase = next(
        (s for s in ("announce", "deal", "check") if len(done[s]) < n), "reveal"
    )
    rows = []
    for role in election.roles.filter(kind=Role.Kind.TRUSTEE).select_related("person"):
        i = role.trustee_index
        assert i is not None  # every trustee has her number
        dealt = done["deal"].get(i)
        check = done["check"].get(i)
        if election.is_in_key_ceremony and election.key is None:
            awaited = (
                i in accused and i not in done["reveal"]
                if phase == "reveal"
                else i not in done[phase]
            )
        else:
            awaited = election.awaits_shares and i not in done["decrypt"]
        rows.append(
            {
                "index": i,
                "person": role.person,
                "announced": i in done["announce"],
                "dealt": dealt is not None,
                "fingerprint": key_fingerprint(i, dealt["commitments"][0])
                if dealt
                else "",
                "checked": check is not None,
                "complained_against": check["against"] if check else [],
                "accused": i in accused,
                "revealed": i in done["reveal"],
                "decrypted": i in done["decrypt"],
                "awaited": awaited,
            }
        )
    return sorted(rows, key=lambda row: row["index"])


# --- A meeting's secret ballot ----------------------------------------------------------


def meeting_ballot_counts(vote: Any) -> tuple[int, int, int] | None:
    """The weighted yes, no and abstain of a meeting's secret ballot once tallied."""
    election = Election.objects.filter(meeting_vote=vote).first()
    if election is None or not election.result:
        return None
    counts = election.result["counts"][0]
    # "Abstain" is the third answer where the body's rule counts abstentions.
    return counts[0], counts[1], counts[2] if len(counts) > 2 else 0


def seat_email(seat: Any) -> str:
    """Where a seat's holder is written to: her account's address, or her contact."""
    holder = seat.holder
    if holder is None:
        return ""
    if holder.user_id and holder.user:
        return holder.user.email
    channel = holder.contacts.filter(kind="email").first()
    return channel.value if channel else ""


# --- The polling-table console ------------------------------------------------------


class WorkerStatus(TextChoices):
    """Where a worker stands at the polling table (never how she voted)."""

    VOTED = "voted", _l("Voted")
    CODE_REPLACED = "code_replaced", _l("Code lost or stolen: replaced")
    PROVISIONAL = "provisional", _l("Voting provisionally (not on the roll)")
    NOT_YET = "not_yet", _l("Not yet voted")
    EXCLUDED = "excluded", _l("Excluded by law: does not vote")


class Found(NamedTuple):
    """A worker found at the polling table: her roll line, or her provisional
    ballot's record when she is not on the roll, and her statuses."""

    voter: Voter | None
    provisional: ProvisionalVoter | None
    statuses: list[WorkerStatus]


def find_worker(election: Election, query: str) -> Found | None:
    """The worker whose worker number or CURP is ``query`` (her ID card's), on the
    roll or voting provisionally; None when neither."""
    query = query.strip()
    if not query:
        return None
    voter = (
        election.voters.filter(worker_number=query).first()
        or election.voters.filter(curp=query.upper()).first()
    )
    if voter is not None:
        statuses = []
        if voter.excluded:
            statuses.append(WorkerStatus.EXCLUDED)
        if voter.replacements.exists():
            statuses.append(WorkerStatus.CODE_REPLACED)
        statuses.append(WorkerStatus.VOTED if voter.voted_at else WorkerStatus.NOT_YET)
        return Found(voter, None, statuses)
    provisional = election.provisional_voters.filter(curp=query.upper()).first()
    if provisional is not None:
        statuses = [WorkerStatus.PROVISIONAL]
        statuses.append(
            WorkerStatus.VOTED if provisional.voted_at else WorkerStatus.NOT_YET
        )
        return Found(None, provisional, statuses)
    return None


def check_ins(election: Election) -> QuerySet[CheckIn]:
    return election.check_ins.select_related("election", "voter", "by").order_by(
        "at", "pk"
    )


def incidents(election: Election) -> QuerySet[Incident]:
    return election.incidents.select_related("election", "by").order_by("at", "pk")


def officials(election: Election, kind: str) -> QuerySet[Role]:
    """The election's administrators or observers (``kind``), by name."""
    return (
        election.roles.select_related("person")
        .filter(kind=kind)
        .order_by("person__name")
    )


def decrypting_trustees(election: Election) -> list[Role]:
    """The trustees whose decryption shares went on the board."""
    indices = set(
        election.ceremony.filter(step=CeremonyMessage.Step.DECRYPT).values_list(
            "trustee", flat=True
        )
    )
    return [role for role in trustees(election) if role.trustee_index in indices]


def acta_figures(election: Election) -> dict[str, int]:
    """The figures of the consultation's acta. Every ballot on the board carries
    its proofs (one without is refused at the door), so the ballots that do not
    count are those of rejected provisional voters; a yes-or-no ballot always
    chooses one answer, so a blank one is a ballot that chose none."""
    result = election.result or {}
    counts = result.get("counts", [[]])[0]
    valid = int(result.get("counted", 0))
    roll = voting_lines(election)
    voted_on_roll = roll.filter(voted_at__isnull=False).count()
    provisional = election.provisional_voters
    cast = voted_on_roll + provisional.filter(voted_at__isnull=False).count()
    # Counts are weighted: a blank ballot is weight counted with no answer chosen.
    weight = int(result.get("total_weight", valid))
    chose = sum(counts) if election.choose_max == 1 else weight
    return {
        "roll": roll.count(),
        "excluded": election.voters.exclude(excluded="").count(),
        "cast": cast,
        "valid": valid,
        "blank": max(weight - chose, 0),
        "null": max(cast - valid, 0),
        "provisional_accepted": provisional.filter(accepted=True).count(),
        "provisional_rejected": provisional.filter(accepted=False).count(),
        "abstentions": roll.count() - voted_on_roll,
        "checked_in": election.check_ins.count(),
        "assisted": election.check_ins.exclude(assistant_name="").count(),
    }
