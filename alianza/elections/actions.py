"""Every step of an election: permission check, transaction, audit entry, board event.

The server holds public values only. Trustees run their steps on their own
machines (``python -m alianza.elections.trustee``) and send public messages; the
credential authority sends public credentials. Ballots are checked with votecore
before they reach the board."""

import json
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.lib.permissions import require
from alianza.orgs.models import Organisation, Person
from alianza.orgs.selectors import standing
from votecore import api as vc
from votecore.board import event_hash
from votecore.credentials import public_credential
from votecore.encoding import canonical
from votecore.group import GroupError, decode_point
from votecore.tally import decode_tally
from votecore.trustees import TrusteeError, check_deal, verify_share

from .models import BoardEvent, CeremonyMessage, Election, Role, Step, Voter
from .outcome import NEEDS_COVERED

NOTICE_DAYS = 10  # Federal Labour Law, art. 390 Ter: ten days' notice, text available
CONTRACT_KINDS = {Election.Kind.CONTRACT_APPROVAL, Election.Kind.CONTRACT_REVISION}


def _audit(action: str, actor: Any, election: Election, **data: Any) -> None:
    record(
        action,
        actor=actor,
        target=election,
        data=data,
        organisation=election.organisation,
    )


def _step(election: Election, status: str, actor: Any, note: str = "") -> None:
    election.status = status
    election.save(update_fields=["status"])
    person = (
        standing(actor).person if getattr(actor, "is_authenticated", False) else None
    )
    Step.objects.create(election=election, status=status, by=person, note=note[:300])


def _yes_no(language: str) -> list[str]:
    with translation.override(language):
        return [_("Yes"), _("No")]


def _check_notice(kind: str, notice_on: Any, opens_at: datetime, document: Any) -> None:
    if kind not in CONTRACT_KINDS:
        return
    if document is None:
        raise ValidationError(
            {
                "contract_document": _(
                    "Attach the text of the agreement voters will read."
                )
            }
        )
    opening_day = timezone.localtime(opens_at).date()
    if notice_on is None or notice_on > opening_day - timedelta(days=NOTICE_DAYS):
        raise ValidationError(
            {
                "notice_on": _(
                    "Voters must have the text at least %(days)s days before the vote opens."
                )
                % {"days": NOTICE_DAYS}
            }
        )


@transaction.atomic
def create_election(
    actor: Any,
    organisation: Organisation,
    *,
    kind: str,
    title: str,
    question: str,
    opens_at: datetime,
    closes_at: datetime,
    language: str,
    answers: list[str] | None = None,
    choose_max: int = 1,
    covered_workers: int | None = None,
    notice_on: Any = None,
    contract_document: Any = None,
    unit: Any = None,
    worksite: Any = None,
    revote: bool = True,
    trustee_count: int = 3,
    threshold: int = 2,
) -> Election:
    require(actor, "elections.add_election", organisation)
    if kind not in Election.Kind.values:
        raise ValidationError({"kind": _("Choose a kind of election.")})
    if not title.strip() or not question.strip():
        raise ValidationError({"title": _("Give the election a title and a question.")})
    if closes_at <= opens_at:
        raise ValidationError({"closes_at": _("The vote closes after it opens.")})
    if kind in NEEDS_COVERED and not covered_workers:
        raise ValidationError(
            {
                "covered_workers": _(
                    "Give the number of covered workers: the rule counts them."
                )
            }
        )
    if (
        contract_document is not None
        and contract_document.organisation_id != organisation.pk
    ):
        raise ValidationError(
            {"contract_document": _("Choose a document of this union.")}
        )
    _check_notice(kind, notice_on, opens_at, contract_document)
    if kind == Election.Kind.OFFICERS:
        names = [a.strip() for a in (answers or []) if a.strip()]
        if len(names) < 2 or not 1 <= choose_max < len(names):
            raise ValidationError(
                {
                    "answers": _(
                        "List at least two candidates, more than the seats to fill."
                    )
                }
            )
        choose_min = 1
    else:
        names, choose_min, choose_max = _yes_no(language), 1, 1
    if not 1 <= threshold <= trustee_count <= 9:
        raise ValidationError(
            {
                "threshold": _(
                    "Between 1 and 9 trustees, and no more needed than there are."
                )
            }
        )
    election = Election.objects.create(
        organisation=organisation, unit=unit, worksite=worksite, kind=kind,
        title=title.strip(), question=question.strip(), answers=names,
        choose_min=choose_min, choose_max=choose_max, language=language,
        covered_workers=covered_workers, notice_on=notice_on,
        contract_document=contract_document, opens_at=opens_at, closes_at=closes_at,
        revote=revote, trustee_count=trustee_count, threshold=threshold,
    )  # fmt: skip
    _step(election, Election.Status.DRAFT, actor)
    _audit("elections.created", actor, election, kind=kind)
    return election


def _require_status(election: Election, *statuses: str) -> None:
    if election.status not in statuses:
        raise ValidationError(
            _("This cannot be done while the election is “%(status)s”.")
            % {"status": election.get_status_display()}
        )


@transaction.atomic
def assign_role(actor: Any, election: Election, person: Person, kind: str) -> Role:
    """Roles are set while the election is a draft. The credential authority and
    the trustees must be other people than its administrators."""
    require(actor, "elections.change_election", election)
    _require_status(election, Election.Status.DRAFT)
    if kind not in Role.Kind.values:
        raise ValidationError({"kind": _("Choose a role.")})
    separate: set[str] = {Role.Kind.CREDENTIAL_AUTHORITY, Role.Kind.TRUSTEE}
    others = set(election.roles.filter(person=person).values_list("kind", flat=True))
    if kind in separate and others & ({Role.Kind.ADMINISTRATOR} | separate - {kind}):
        raise ValidationError(
            _(
                "The credential authority, the trustees and the administrators are different people."
            )
        )
    if kind == Role.Kind.ADMINISTRATOR and others & set(separate):
        raise ValidationError(
            _(
                "The credential authority, the trustees and the administrators are different people."
            )
        )
    index = None
    if kind == Role.Kind.TRUSTEE:
        taken = election.roles.filter(kind=kind).count()
        if taken >= election.trustee_count:
            raise ValidationError(_("All the trustees are named."))
        index = taken + 1
    if (
        kind == Role.Kind.CREDENTIAL_AUTHORITY
        and election.roles.filter(kind=kind).exists()
    ):
        raise ValidationError(_("The election already has its credential authority."))
    role, created = Role.objects.get_or_create(
        election=election, person=person, kind=kind, defaults={"trustee_index": index}
    )
    if not created:
        raise ValidationError(_("This person already has that role."))
    _audit("elections.role_assigned", actor, election, person=person.pk, role=kind)
    return role


# --- The board ----------------------------------------------------------------------


def append_event(
    election: Election, kind: str, payload: Any, tracker: str = ""
) -> BoardEvent:
    """Append one event to the election's board, chained to the one before, after
    the ballots received so far. The caller holds the election's row lock."""
    sequence(election)
    return _append(election, kind, payload, tracker)


def _append(
    election: Election, kind: str, payload: Any, tracker: str = ""
) -> BoardEvent:
    seq = election.head_seq + 1
    prev = election.head_hash
    digest = event_hash(seq, prev, kind, payload)
    line = canonical(
        {"seq": seq, "prev": prev, "type": kind, "payload": payload, "hash": digest}
    ).decode()
    event = BoardEvent.objects.create(
        election=election, seq=seq, type=kind, line=line, hash=digest, tracker=tracker
    )
    election.head_seq, election.head_hash = seq, digest
    Election.objects.filter(pk=election.pk).update(head_seq=seq, head_hash=digest)
    return event


def sequence(election: Election) -> int:
    """Put the ballots received and not yet on the board onto it, in the order they
    were received, in one go. The caller holds the election's row lock."""
    pending = list(
        BoardEvent.objects.filter(election=election, seq__isnull=True)
        .order_by("pk")
        .only("pk", "line")
    )
    seq, prev = election.head_seq, election.head_hash
    for event in pending:
        seq += 1
        payload = json.loads(event.line)
        digest = event_hash(seq, prev, "ballot", payload)
        event.line = canonical(
            {
                "seq": seq,
                "prev": prev,
                "type": "ballot",
                "payload": payload,
                "hash": digest,
            }
        ).decode()
        event.seq, event.hash, prev = seq, digest, digest
    if pending:
        BoardEvent.objects.bulk_update(pending, ["seq", "line", "hash"], batch_size=500)
        election.head_seq, election.head_hash = seq, prev
        Election.objects.filter(pk=election.pk).update(head_seq=seq, head_hash=prev)
    return len(pending)


def sequence_now(election: Election, wait: bool = True) -> int:
    """Sequence the received ballots in a transaction of its own. Without ``wait``,
    give way when another request is already doing it (it takes ours too, or the
    next one will)."""
    skip = not wait and connection.features.has_select_for_update_skip_locked
    with transaction.atomic():
        locked = (
            Election.objects.select_for_update(skip_locked=skip)
            .only("pk", "head_seq", "head_hash")
            .filter(pk=election.pk)
            .first()
        )
        return sequence(locked) if locked is not None else 0


def board_bytes(election: Election) -> bytes:
    sequence_now(election)
    lines = election.board.order_by("seq").values_list("line", flat=True)
    return "".join(line + "\n" for line in lines).encode()


def _locked(election: Election) -> Election:
    return Election.objects.select_for_update().get(pk=election.pk)


def _payloads(election: Election, kind: str) -> list[Any]:
    return [
        json.loads(line)["payload"]
        for line in election.board.filter(type=kind)
        .order_by("seq")
        .values_list("line", flat=True)
    ]


# --- The trustees' ceremony ---------------------------------------------------------


def begin_ceremony(actor: Any, election: Election) -> Election:
    require(actor, "elections.change_election", election)
    return start_ceremony(election, actor)


@transaction.atomic
def start_ceremony(election: Election, actor: Any = None) -> Election:
    election = _locked(election)
    _require_status(election, Election.Status.DRAFT)
    trustees = election.roles.filter(kind=Role.Kind.TRUSTEE).count()
    if trustees != election.trustee_count:
        raise ValidationError(
            _("Name all %(count)s trustees first.") % {"count": election.trustee_count}
        )
    if not election.roles.filter(kind=Role.Kind.CREDENTIAL_AUTHORITY).exists():
        raise ValidationError(_("Name the credential authority first."))
    election.params = vc.new_election(
        election.election_id,
        election.title,
        [
            {
                "text": election.question,
                "answers": list(election.answers),
                "min": election.choose_min,
                "max": election.choose_max,
                "blank": False,
            }
        ],
        trustees=election.trustee_count,
        threshold=election.threshold,
        revote=election.revote,
    )
    election.save(update_fields=["params"])
    append_event(election, "election", election.params)
    _step(election, Election.Status.KEYS, actor)
    _audit("elections.ceremony_begun", actor, election)
    return election


def trustee_index(actor: Any, election: Election) -> int:
    person = standing(actor).person
    role = election.roles.filter(person=person, kind=Role.Kind.TRUSTEE).first()
    if person is None or role is None or role.trustee_index is None:
        raise PermissionDenied(_("You are not a trustee of this election."))
    return role.trustee_index


def _messages(election: Election, step: str) -> list[CeremonyMessage]:
    return list(election.ceremony.filter(step=step).order_by("trustee"))


def ceremony_state(election: Election) -> dict[str, Any]:
    """Everything a trustee's program needs, all public."""
    state: dict[str, Any] = {
        "status": election.status,
        "params": election.params,
        "key": election.key,
        "announcements": [m.payload for m in _messages(election, "announce")],
        "deals": [m.payload for m in _messages(election, "deal")],
        "checked": [m.trustee for m in _messages(election, "check")],
        "complaints": _payloads(election, "complaint"),
        "reveals": _payloads(election, "reveal"),
        "tally": None,
        "decrypted": [m.trustee for m in _messages(election, "decrypt")],
    }
    tally = _payloads(election, "tally")
    if tally:
        state["tally"] = tally[0]
    return state


def trustee_message(actor: Any, election: Election, step: str, payload: Any) -> dict:
    """Take one public message of a trustee; when a phase is complete, put it on
    the board in order and move on."""
    require(actor, "elections.act_as_trustee", election)
    return receive(election, trustee_index(actor, election), step, payload, actor)


@transaction.atomic
def receive(
    election: Election, index: int, step: str, payload: Any, actor: Any = None
) -> dict:
    """Trustee ``index``'s message (the permission is checked by the caller)."""
    election = _locked(election)
    if step not in CeremonyMessage.Step.values:
        raise ValidationError(_("Unknown step of the ceremony."))
    if step == "decrypt":
        _require_status(election, Election.Status.CLOSED)
    else:
        _require_status(election, Election.Status.KEYS)
    messages = payload if step == "reveal" else [payload]
    if not isinstance(messages, list) or not all(isinstance(m, dict) for m in messages):
        raise ValidationError(_("The message is not well formed."))
    if any(m.get("trustee") != index for m in messages):
        raise PermissionDenied(_("A trustee speaks only for themselves."))
    n = election.trustee_count
    order = ["announce", "deal", "check"]
    if step in order:
        before = order[: order.index(step)]
        for earlier in before:
            if len(_messages(election, earlier)) < n:
                raise ValidationError(
                    _("Wait for the other trustees to finish the step before.")
                )
    if election.ceremony.filter(trustee=index, step=step).exists():
        raise ValidationError(_("This step is already done."))
    try:
        if step == "deal":
            check_deal(election.public_params, payload)
        if step == "decrypt":
            context = election.crypto()
            tally = decode_tally(context, _payloads(election, "tally")[0])
            verify_share(context, election.public_key, tally, payload)
    except (TrusteeError, GroupError, KeyError, TypeError, ValueError) as exc:
        raise ValidationError(
            _("The message was refused: %(reason)s") % {"reason": str(exc)}
        ) from exc
    CeremonyMessage.objects.create(
        election=election, trustee=index, step=step, payload=payload
    )
    _audit("elections.trustee_step", actor, election, trustee=index, step=step)
    _advance(election, actor)
    return ceremony_state(election)


def _advance(election: Election, actor: Any) -> None:
    n = election.trustee_count
    announcements = _messages(election, "announce")
    on_board = election.board.filter(type="trustee").count()
    if len(announcements) == n and on_board == 0:
        for m in announcements:
            append_event(election, "trustee", m.payload)
    deals = _messages(election, "deal")
    if len(deals) == n and not election.board.filter(type="deal").exists():
        for m in deals:
            append_event(election, "deal", m.payload)
    checks = _messages(election, "check")
    if len(checks) == n and not election.board.filter(type="key").exists():
        complaints = [m.payload for m in checks if m.payload.get("against")]
        if not election.board.filter(type="complaint").exists():
            for c in complaints:
                append_event(election, "complaint", c)
        accused = {(i, c["trustee"]) for c in complaints for i in c["against"]}
        reveals = [r for m in _messages(election, "reveal") for r in m.payload]
        answered = {(r["trustee"], r["to"]) for r in reveals}
        if accused <= answered:
            _finish_keys(election, actor, reveals)
    decrypts = _messages(election, "decrypt")
    if (
        election.status == Election.Status.CLOSED
        and len(decrypts) >= election.threshold
    ):
        _finish_result(election, actor, [m.payload for m in decrypts])


@transaction.atomic
def finish_keys_now(actor: Any, election: Election) -> Election:
    """When a dealer accused by a complaint does not answer, the administrator
    computes the key without them (they are disqualified)."""
    require(actor, "elections.change_election", election)
    election = _locked(election)
    _require_status(election, Election.Status.KEYS)
    if len(_messages(election, "check")) < election.trustee_count:
        raise ValidationError(_("Every trustee must check the shares first."))
    reveals = [r for m in _messages(election, "reveal") for r in m.payload]
    _finish_keys(election, actor, reveals)
    return election


def _finish_keys(election: Election, actor: Any, reveals: list[dict]) -> None:
    for r in reveals:
        append_event(election, "reveal", r)
    try:
        key = vc.election_key(
            election.public_params,
            _payloads(election, "deal"),
            _payloads(election, "complaint"),
            reveals,
        )
    except TrusteeError as exc:
        raise ValidationError(
            _("Too few trustees qualified for the key: %(reason)s")
            % {"reason": str(exc)}
        ) from exc
    election.key = key
    election.save(update_fields=["key"])
    append_event(election, "key", key)
    _audit("elections.key_made", actor, election, qualified=key["qualified"])


# --- Credentials ----------------------------------------------------------------------


def publish_credentials(actor: Any, election: Election, publics: dict[int, str]) -> int:
    """The credential authority sends one public credential per voter; the roll
    is then frozen and the list with the weights goes on the board."""
    require(actor, "elections.issue_credentials", election)
    return store_credentials(election, publics, actor)


@transaction.atomic
def store_credentials(
    election: Election, publics: dict[int, str], actor: Any = None
) -> int:
    election = _locked(election)
    _require_status(election, Election.Status.KEYS)
    if election.key is None:
        raise ValidationError(_("The trustees have not made the election key yet."))
    voters = {v.pk: v for v in election.voters.all()}
    if not voters:
        raise ValidationError(_("The voter roll is empty."))
    if set(publics) != set(voters):
        raise ValidationError(
            _("Send exactly one credential for each voter on the roll.")
        )
    seen: set[str] = set()
    for pk, public in publics.items():
        try:
            decode_point(public)
        except (GroupError, TypeError, ValueError) as exc:
            raise ValidationError(_("A credential is not a valid public key.")) from exc
        if public in seen:
            raise ValidationError(_("A credential is listed twice."))
        seen.add(public)
        voters[pk].credential = public
    Voter.objects.bulk_update(voters.values(), ["credential"])
    payload = vc.credentials_payload(
        sorted((v.credential, v.weight) for v in voters.values())
    )
    append_event(election, "credentials", payload)
    election.roll_frozen_at = timezone.now()
    election.save(update_fields=["roll_frozen_at"])
    _step(election, Election.Status.CREDENTIALS, actor)
    _audit("elections.credentials_published", actor, election, count=len(voters))
    return len(voters)


def check_secrets(election: Election, secrets: dict[int, str]) -> list[Voter]:
    """The secrets the credential authority asks Alianza to deliver match the
    published credentials; they are used for the delivery and never stored."""
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


# --- Voting ---------------------------------------------------------------------------


def open_election(actor: Any, election: Election) -> Election:
    require(actor, "elections.change_election", election)
    return start_voting(election, actor)


@transaction.atomic
def start_voting(election: Election, actor: Any = None) -> Election:
    election = _locked(election)
    _require_status(election, Election.Status.CREDENTIALS)
    _check_notice(
        election.kind, election.notice_on, timezone.now(), election.contract_document
    )
    _step(election, Election.Status.OPEN, actor)
    _audit("elections.opened", actor, election)
    return election


class BallotRefused(ValidationError):
    pass


def cast(election: Election, body: Any) -> str:
    """Check a ballot sent by the booth and put it on the board; return its tracker.

    Ballots are checked and stored side by side (each holds only a shared lock on
    the election, so that closing waits for them and none comes after); they are
    chained onto the board in batches by ``sequence``, whenever the board is read
    and at the close."""
    if election.status != Election.Status.OPEN or timezone.now() >= election.closes_at:
        raise BallotRefused(_("This election is not open for voting."))
    credential = body.get("credential") if isinstance(body, dict) else None
    voter = election.voters.filter(credential=credential or "-").first()
    if voter is None:
        raise BallotRefused(_("This credential is not on the roll of this election."))
    try:
        tracker = vc.check_ballot(
            election.crypto(),
            body,
            {voter.credential: voter.weight},
        )
    except vc.BallotError as exc:
        raise BallotRefused(
            _("The ballot was refused: %(reason)s") % {"reason": str(exc)}
        ) from exc
    line = canonical(body).decode()
    try:
        with transaction.atomic():
            if _status_for_ballot(election) != Election.Status.OPEN:
                raise BallotRefused(_("This election is not open for voting."))
            if not election.revote:
                first = Voter.objects.filter(pk=voter.pk, voted_at__isnull=True).update(
                    voted_at=timezone.now()
                )
                if not first:
                    raise BallotRefused(_("This credential has already voted."))
            else:
                Voter.objects.filter(pk=voter.pk).update(voted_at=timezone.now())
            # Received: it goes on the board with the others received meanwhile.
            BoardEvent.objects.create(
                election=election, type="ballot", line=line, tracker=tracker
            )
            if voter.email:
                transaction.on_commit(lambda: _send_tracker(election, voter, tracker))
    except IntegrityError as exc:  # the same ballot again: a replay
        raise BallotRefused(_("This ballot is already on the board.")) from exc
    return tracker


def _status_for_ballot(election: Election) -> str:
    """The election's status under a shared lock (PostgreSQL): many ballots at once,
    but not while the vote is being closed."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT status FROM elections_election WHERE id = %s FOR SHARE",
                [election.pk],
            )
            return cursor.fetchone()[0]
    return Election.objects.values_list("status", flat=True).get(pk=election.pk)


def _send_tracker(election: Election, voter: Voter, tracker: str) -> None:
    """The tracker, sent to the voter too: proof their ballot is on the board."""
    from alianza.accounts.tasks import send_email

    with translation.override(voter.language):
        subject = _("Your ballot is on the board: %(title)s") % {
            "title": election.title
        }
        body = _(
            "Your ballot was received. Its tracker is %(tracker)s. You can find it on "
            "the public board of the election. If you did not vote, tell your union."
        ) % {"tracker": tracker}
    send_email.enqueue(voter.email, str(subject), str(body))


def close_election(actor: Any, election: Election) -> Election:
    """Close the vote and add up the last ballot of each credential, weighted."""
    require(actor, "elections.change_election", election)
    return stop_voting(election, actor)


@transaction.atomic
def stop_voting(election: Election, actor: Any = None) -> Election:
    election = _locked(election)
    sequence(election)
    _require_status(election, Election.Status.OPEN)
    ballots = _payloads(election, "ballot")
    append_event(election, "close", {"ballots": len(ballots)})
    weights = dict(election.voters.values_list("credential", "weight"))
    tally = vc.tally_ballots(election.crypto(), ballots, weights)
    append_event(election, "tally", tally)
    _step(election, Election.Status.CLOSED, actor)
    _audit("elections.closed", actor, election, ballots=len(ballots))
    return election


def _finish_result(election: Election, actor: Any, shares: list[dict]) -> None:
    chosen = sorted(shares, key=lambda s: s["trustee"])[: election.threshold]
    for share in chosen:
        append_event(election, "decryption", share)
    tally = _payloads(election, "tally")[0]
    result = vc.result(election.crypto(), election.public_key, tally, chosen)
    append_event(election, "result", result)
    election.result = result
    election.save(update_fields=["result"])
    _step(election, Election.Status.TALLIED, actor)
    _audit("elections.tallied", actor, election)


def publish_result(actor: Any, election: Election) -> Election:
    require(actor, "elections.change_election", election)
    return announce(election, actor)


@transaction.atomic
def announce(election: Election, actor: Any = None) -> Election:
    election = _locked(election)
    _require_status(election, Election.Status.TALLIED)
    _step(election, Election.Status.PUBLISHED, actor)
    _audit("elections.published", actor, election)
    return election
