"""The voters' credentials: the public ones the credential authority publishes
(the roll is then frozen), and the delivery of the secret codes to the voters."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.lib.permissions import require
from alianza.lib.sms import SmsMessage, send_messages
from votecore import api as vc
from votecore.group import GroupError, decode_point

from ..delivery import booth_links, letter_lines, sms_text
from ..models import Election, Voter
from ..selectors import voters_matching_secrets, voting_lines
from ._shared import audit, locked, require_status, take_step
from .board import append_event

# How Alianza may send the codes, when the credential authority chooses it (she
# prints the letters and texts the codes herself in her browser otherwise).
METHODS = ("email", "sms")


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


def deliver(
    actor: Any, election: Election, secrets: dict[int, str], method: str, base_url: str
) -> int:
    """Alianza sends the codes by e-mail or SMS, when the credential authority
    chooses it: checked against the published credentials, used for the sending
    and never stored, but seen by the server, which the election then records (the
    acta and the threat model say so). Letters and the SMS gateway's file are made
    in her browser and never reach the server. Returns how many were sent."""
    require(actor, "elections.issue_credentials", election)
    if method not in METHODS:
        raise ValueError(method)
    voters = voters_matching_secrets(election, secrets)
    links = booth_links(election, base_url)
    sent = 0
    for voter in voters:
        if method == "sms" and voter.phone:
            body = sms_text(election, secrets[voter.pk], links, voter.language)
            send_messages([SmsMessage(to=voter.phone, body=body)])
        elif method == "email" and voter.email:
            lines = letter_lines(
                election, voter.name, voter.worker_number, secrets[voter.pk], links,
                voter.language,
            )  # fmt: skip
            send_mail(
                lines[0],
                "\n\n".join(lines[1:]),
                settings.DEFAULT_FROM_EMAIL,
                [voter.email],
            )
        else:
            continue
        Voter.objects.filter(pk=voter.pk).update(credential_sent_by=method)
        sent += 1
    Election.objects.filter(pk=election.pk, codes_seen_by_server_at=None).update(
        codes_seen_by_server_at=timezone.now()
    )
    record("elections.credentials_delivered", actor=actor, target=election,
           organisation=election.organisation,
           data={"method": method, "voters": sent, "seen_by_server": True})  # fmt: skip
    return sent
