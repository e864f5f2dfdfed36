"""The trustees' ceremony: the key made together (announce, deal, check, reveal)
and, once the vote is closed, the decryption shares. Trustees run their steps on
their own machines and send public messages; when a phase is complete, its
messages go on the board in order and the election moves on."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from alianza.lib.permissions import require
from alianza.lib.sms import SmsMessage, send_messages
from alianza.spaces.shared_ground import coordinating_unions
from votecore import api as vc
from votecore.encoding import has_keys
from votecore.group import GroupError
from votecore.tally import decode_tally
from votecore.trustees import Ceremony, TrusteeError, check_deal, verify_share

from ..models import CeremonyMessage, Election, Role, StepAgreement
from ..rules import TrusteeSpeech
from ..selectors import (
    board_payloads,
    ceremony_messages,
    ceremony_progress,
    ceremony_state,
    trustee_index,
    unions_yet_to_agree,
)
from ._shared import agreed, audit, locked, require_status, take_step
from .board import append_event
from .result import finish_result


@transaction.atomic
def begin_ceremony(actor: Any, election: Election) -> Election:
    """Begin the key ceremony; a joint body's ballot begins it when every
    coordinating union has agreed."""
    require(actor, "elections.change_election", election)
    election = locked(election)
    _check_ready_for_ceremony(election)
    if not agreed(actor, election, "begin"):
        return election
    return start_ceremony(election, actor)


def _check_ready_for_ceremony(election: Election) -> None:
    require_status(election, Election.Status.DRAFT)
    if election.is_joint and unions_yet_to_agree(election, StepAgreement.Kind.HOLD):
        raise ValidationError(
            _("Every coordinating union agrees to hold this ballot first.")
        )
    trustees = election.roles.filter(kind=Role.Kind.TRUSTEE)
    if trustees.count() != election.trustee_count:
        raise ValidationError(
            _("Name all %(count)s trustees first.") % {"count": election.trustee_count}
        )
    if election.is_joint and coordinating_unions(election.space) - set(
        trustees.values_list("union_id", flat=True)
    ):
        raise ValidationError(
            _("Every coordinating union names at least one trustee first.")
        )
    if not election.roles.filter(kind=Role.Kind.CREDENTIAL_AUTHORITY).exists():
        raise ValidationError(_("Name the credential authority first."))


@transaction.atomic
def start_ceremony(election: Election, actor: Any = None) -> Election:
    election = locked(election)
    _check_ready_for_ceremony(election)
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
    take_step(election, Election.Status.KEYS, actor)
    audit("elections.ceremony_begun", actor, election)
    return election


def trustee_message(actor: Any, election: Election, step: str, payload: Any) -> dict:
    """Take one public message of a trustee; when a phase is complete, put it on
    the board in order and move on."""
    require(
        actor,
        "elections.act_as_trustee",
        election,
        message=_("You are not a trustee of this election."),
    )
    messages = payload if step == "reveal" else [payload]
    authors = (
        frozenset(m.get("trustee") for m in messages if isinstance(m, dict))
        if isinstance(messages, list)
        else frozenset()
    )
    require(
        actor,
        "elections.speak_as_trustee",
        TrusteeSpeech(election, authors),
        message=_("A trustee speaks only for themselves."),
    )
    index = trustee_index(actor, election)
    assert index is not None  # a trustee, as the rule said
    return receive(election, index, step, payload, actor)


@transaction.atomic
def receive(
    election: Election, index: int, step: str, payload: Any, actor: Any = None
) -> dict:
    """Trustee ``index``'s message (the caller checked that it is hers)."""
    election = locked(election)
    if step not in CeremonyMessage.Step.values:
        raise ValidationError(_("Unknown step of the ceremony."))
    if step == "decrypt":
        require_status(election, Election.Status.CLOSED)
    else:
        require_status(election, Election.Status.KEYS)
    messages = payload if step == "reveal" else [payload]
    if not isinstance(messages, list) or not all(isinstance(m, dict) for m in messages):
        raise ValidationError(_("The message is not well formed."))
    n = election.trustee_count
    order = ["announce", "deal", "check"]
    if step in order:
        before = order[: order.index(step)]
        for earlier in before:
            if len(ceremony_messages(election, earlier)) < n:
                raise ValidationError(
                    _("Wait for the other trustees to finish the step before.")
                )
    if election.ceremony.filter(trustee=index, step=step).exists():
        raise ValidationError(_("This step is already done."))
    try:
        if step == "deal":
            check_deal(election.public_params, payload)
        if step in ("announce", "deal", "check", "reveal"):
            _check_in_ceremony(election, step, messages)
        if step == "decrypt":
            context = election.crypto()
            tally = decode_tally(context, board_payloads(election, "tally")[0])
            verify_share(context, election.public_key, tally, payload)
    except (TrusteeError, GroupError, KeyError, TypeError, ValueError) as exc:
        raise ValidationError(
            _("The message was refused: %(reason)s") % {"reason": str(exc)}
        ) from exc
    CeremonyMessage.objects.create(
        election=election, trustee=index, step=step, payload=payload
    )
    audit("elections.trustee_step", actor, election, trustee=index, step=step)
    _advance(election, actor)
    return ceremony_state(election)


def _check_in_ceremony(election: Election, step: str, messages: list[dict]) -> None:
    """Check a message against the ceremony's rules (votecore's ``Ceremony``),
    after the messages received before it, in the order the board will hold
    them: a message that breaks a rule would make the whole board invalid."""
    ceremony = Ceremony(election.public_params)
    add = {
        "announce": ceremony.announce,
        "deal": ceremony.deal,
        "check": ceremony.complain,
        "reveal": ceremony.reveal,
    }
    for earlier in ("announce", "deal", "check", "reveal"):
        received = [m.payload for m in ceremony_messages(election, earlier)]
        if earlier == "reveal":  # a trustee's reveal message is a list of reveals
            received = [r for batch in received for r in batch]
        if earlier == step:
            received += messages
        for message in received:
            if earlier == "check" and _no_complaint(message):
                continue  # nothing goes on the board
            add[earlier](message)
        if earlier == step:
            return


def _no_complaint(message: Any) -> bool:
    return has_keys(message, "trustee", "against") and message["against"] == []


def _advance(election: Election, actor: Any) -> None:
    n = election.trustee_count
    announcements = ceremony_messages(election, "announce")
    on_board = election.board.filter(type="trustee").count()
    if len(announcements) == n and on_board == 0:
        for m in announcements:
            append_event(election, "trustee", m.payload)
    deals = ceremony_messages(election, "deal")
    if len(deals) == n and not election.board.filter(type="deal").exists():
        for m in deals:
            append_event(election, "deal", m.payload)
    checks = ceremony_messages(election, "check")
    if len(checks) == n and not election.board.filter(type="key").exists():
        complaints = [m.payload for m in checks if m.payload.get("against")]
        if not election.board.filter(type="complaint").exists():
            for c in complaints:
                append_event(election, "complaint", c)
        accused = {(i, c["trustee"]) for c in complaints for i in c["against"]}
        reveals = [r for m in ceremony_messages(election, "reveal") for r in m.payload]
        answered = {(r["trustee"], r["to"]) for r in reveals}
        if accused <= answered:
            _finish_keys(election, actor, reveals)
    decrypts = ceremony_messages(election, "decrypt")
    if election.awaits_shares and len(decrypts) >= election.threshold:
        finish_result(election, actor, [m.payload for m in decrypts])


@transaction.atomic
def finish_keys_now(actor: Any, election: Election) -> Election:
    """When a dealer accused by a complaint does not answer, the administrator
    computes the key without them (they are disqualified)."""
    require(actor, "elections.change_election", election)
    election = locked(election)
    require_status(election, Election.Status.KEYS)
    if len(ceremony_messages(election, "check")) < election.trustee_count:
        raise ValidationError(_("Every trustee must check the shares first."))
    if not agreed(actor, election, "keys_now"):
        return election
    reveals = [r for m in ceremony_messages(election, "reveal") for r in m.payload]
    _finish_keys(election, actor, reveals)
    return election


def _finish_keys(election: Election, actor: Any, reveals: list[dict]) -> None:
    for r in reveals:
        append_event(election, "reveal", r)
    try:
        key = vc.election_key(
            election.public_params,
            board_payloads(election, "deal"),
            board_payloads(election, "complaint"),
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
    audit("elections.key_made", actor, election, qualified=key["qualified"])


def remind_trustees(actor: Any, election: Election, server: str) -> int:
    """Write to each trustee the election awaits now, in her language, by e-mail
    and by text message where she has a phone, with the link to her trustee's page.
    Returns how many trustees were reminded."""
    require(actor, "elections.change_election", election)
    if not election.awaits_trustees:
        raise ValidationError(_("No trustee has a step to take now."))
    awaited = [row for row in ceremony_progress(election) if row["awaited"]]
    if not awaited:
        raise ValidationError(_("No trustee has a step to take now."))
    link = server.rstrip("/") + reverse("elections:trustee", args=[election.uid])
    texts = []
    for row in awaited:
        person = row["person"]
        user = person.user if person.user_id else None
        language = (user.language if user else "") or person.preferred_language
        with translation.override(language or settings.LANGUAGE_CODE):
            values = {"title": election.title, "n": row["index"], "link": link}
            subject = _("Alianza: the vote “%(title)s” awaits your step as a trustee")
            body = _(
                "The vote “%(title)s” is waiting for your step as trustee %(n)s. "
                "Sign in and open your trustee's page: %(link)s"
            )
            subject, body = subject % values, body % values
        email = user.email if user else ""
        if not email:
            channel = person.contacts.filter(kind="email").first()
            email = channel.value if channel else ""
        if email:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
        phone = person.contacts.filter(kind="phone").first()
        if phone:
            texts.append(SmsMessage(to=phone.value, body=body))
    send_messages(texts)
    audit(
        "elections.trustees_reminded",
        actor,
        election,
        trustees=[row["index"] for row in awaited],
    )
    return len(awaited)
