"""The voters' credentials: the public ones the credential authority publishes
(the roll is then frozen), and the delivery of the secret codes to the voters."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.lib.pdf import PdfDocument
from alianza.lib.permissions import require
from alianza.lib.sms import SmsMessage, send_messages
from votecore import api as vc
from votecore.group import GroupError, decode_point

from ..models import Election, Voter
from ..selectors import voters_matching_secrets, voting_lines
from ._shared import audit, locked, require_status, take_step
from .board import append_event

METHODS = ("email", "sms", "letters")  # how the secret codes may be delivered


def publish_credentials(actor: Any, election: Election, publics: dict[int, str]) -> int:
    """The credential authority sends one public credential per voter; the roll
    is then frozen and the list with the weights goes on the board."""
    require(actor, "elections.issue_credentials", election)
    return store_credentials(election, publics, actor)


@transaction.atomic
def store_credentials(
    election: Election, publics: dict[int, str], actor: Any = None
) -> int:
    election = locked(election)
    require_status(election, Election.Status.KEYS)
    if election.key is None:
        raise ValidationError(_("The trustees have not made the election key yet."))
    voters = {v.pk: v for v in voting_lines(election)}  # the excluded get none
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
    take_step(election, Election.Status.CREDENTIALS, actor)
    audit("elections.credentials_published", actor, election, count=len(voters))
    return len(voters)


def _lines(
    election: Election, voter: Voter, secret: str, links: dict[str, str], language: str
) -> list[str]:
    """The letter or e-mail: the code, when (the zone named), where, and how to
    get the agreement's text, in ``language``."""
    with translation.override(language):
        lines = [
            _("Your credential for: %(title)s") % {"title": election.title},
            _("For: %(name)s (worker number %(number)s)")
            % {"name": voter.name, "number": voter.worker_number or "—"},
            _("Your secret voting code:"),
            secret,
            _("The vote opens %(opens)s and closes %(closes)s.")
            % {"opens": election.opens_in_words, "closes": election.closes_in_words},
            _(
                "Vote at %(url)s, or at the polling station, by entering this code. Nobody else may use it; keep it secret."
            )
            % {"url": links["booth"]},
        ]
        if election.place:
            lines.append(_("Polling station: %(place)s.") % {"place": election.place})
        if election.needs_the_text:
            lines.append(
                _(
                    "Read the text of the agreement before you vote: %(url)s (no "
                    "account needed), or ask your union for a printed copy."
                )
                % {"url": links["notice"]}
            )
        else:
            lines.append(_("About this vote: %(url)s") % {"url": links["notice"]})
        lines.append(
            _(
                "Your vote is secret: the code proves you may vote, and your ballot is encrypted before it leaves your device."
            )
        )
        return lines


def _sms(election: Election, code: str, links: dict[str, str], language: str) -> str:
    with translation.override(language):
        text = _(
            "%(title)s. Your secret voting code: %(code)s. Vote at %(url)s from "
            "%(opens)s to %(closes)s."
        ) % {
            "title": election.title, "code": code, "url": links["booth"],
            "opens": election.opens_in_words, "closes": election.closes_in_words,
        }  # fmt: skip
        if election.place:
            text += " " + _("In person: %(place)s.") % {"place": election.place}
        if election.needs_the_text:
            text += " " + _("Text of the agreement: %(url)s") % {"url": links["notice"]}
        return str(text)


def deliver(
    actor: Any, election: Election, secrets: dict[int, str], method: str, base_url: str
) -> bytes | int:
    """Deliver the secret codes, checked against the published credentials, used
    for the delivery and never stored; the audit log records how many went by
    which means. E-mail or text the codes (returns how many were sent) or print the letters
    (returns the PDF). Letters are in the voter's language beside English or Spanish."""
    require(actor, "elections.issue_credentials", election)
    if method not in METHODS:
        raise ValueError(method)
    voters = voters_matching_secrets(election, secrets)
    server = base_url.rstrip("/")
    links = {
        "booth": server + reverse("elections:booth", args=[election.uid]),
        "notice": server + reverse("elections:notice", args=[election.uid]),
    }
    if method == "sms":
        texts = []
        for voter in voters:
            if not voter.phone:
                continue
            body = _sms(election, secrets[voter.pk], links, voter.language)
            texts.append(SmsMessage(to=voter.phone, body=body))
        result: bytes | int = send_messages(texts)
        Voter.objects.filter(pk__in=[v.pk for v in voters if v.phone]).update(
            credential_sent_by="sms"
        )
    elif method == "email":
        sent = 0
        for voter in voters:
            if not voter.email:
                continue
            lines = _lines(election, voter, secrets[voter.pk], links, voter.language)
            send_mail(
                lines[0],
                "\n\n".join(lines[1:]),
                settings.DEFAULT_FROM_EMAIL,
                [voter.email],
            )
            sent += 1
        Voter.objects.filter(pk__in=[v.pk for v in voters if v.email]).update(
            credential_sent_by="email"
        )
        result = sent
    else:
        doc = PdfDocument(election.title, subtitle=str(election.held_by.name))
        for n, voter in enumerate(voters):
            if n:
                doc.page_break()
            other = "en" if voter.language != "en" else "es"
            doc.side_by_side(
                _lines(election, voter, secrets[voter.pk], links, voter.language),
                _lines(election, voter, secrets[voter.pk], links, other),
                strong=[3],  # the code
            )
        Voter.objects.filter(pk__in=[v.pk for v in voters]).update(
            credential_sent_by="letter"
        )
        result = doc.render()
    record("elections.credentials_delivered", actor=actor, target=election,
           organisation=election.organisation, data={"method": method, "voters": len(voters)})  # fmt: skip
    return result
