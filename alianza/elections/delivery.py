"""Delivering the credential authority's secret codes to the voters: by e-mail or
text message in each voter's language, or as printed, sealed, bilingual letters.
The codes are checked against the published credentials, used for the delivery,
and never stored; the audit log records how many went by which means."""

from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.lib.pdf import PdfDocument
from alianza.lib.permissions import require
from alianza.lib.sms import SmsMessage, send_messages

from .actions import check_secrets
from .models import Election, Voter

METHODS = ("email", "sms", "letters")


def _lines(
    election: Election, voter: Voter, secret: str, booth: str, language: str
) -> list[str]:
    with translation.override(language):
        return [
            _("Your credential for: %(title)s") % {"title": election.title},
            _("For: %(name)s (worker number %(number)s)")
            % {"name": voter.name, "number": voter.worker_number or "—"},
            _("Your secret voting code:"),
            secret,
            _(
                "Vote at %(url)s, or at the polling station, by entering this code. Nobody else may use it; keep it secret."
            )
            % {"url": booth},
            _(
                "Your vote is secret: the code proves you may vote, and your ballot is encrypted before it leaves your device."
            ),
        ]


def deliver(
    actor: Any, election: Election, secrets: dict[int, str], method: str, base_url: str
) -> bytes | int:
    """E-mail or text the codes (returns how many were sent) or print the letters
    (returns the PDF). Letters are in the voter's language beside English or Spanish."""
    require(actor, "elections.issue_credentials", election)
    if method not in METHODS:
        raise ValueError(method)
    voters = check_secrets(election, secrets)
    booth = base_url.rstrip("/") + reverse("elections:booth", args=[election.uid])
    if method == "sms":
        texts = []
        for voter in voters:
            if not voter.phone:
                continue
            with translation.override(voter.language):
                body = _("%(title)s. Your secret voting code: %(code)s. Vote at %(url)s") % {
                    "title": election.title, "code": secrets[voter.pk], "url": booth,
                }  # fmt: skip
            texts.append(SmsMessage(to=voter.phone, body=str(body)))
        result: bytes | int = send_messages(texts)
        Voter.objects.filter(pk__in=[v.pk for v in voters if v.phone]).update(
            credential_sent_by="sms"
        )
    elif method == "email":
        sent = 0
        for voter in voters:
            if not voter.email:
                continue
            lines = _lines(election, voter, secrets[voter.pk], booth, voter.language)
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
        doc = PdfDocument(election.title, subtitle=str(election.organisation.name))
        for n, voter in enumerate(voters):
            if n:
                doc.page_break()
            other = "en" if voter.language != "en" else "es"
            doc.side_by_side(
                _lines(election, voter, secrets[voter.pk], booth, voter.language),
                _lines(election, voter, secrets[voter.pk], booth, other),
                strong=[3],  # the code
            )
        Voter.objects.filter(pk__in=[v.pk for v in voters]).update(
            credential_sent_by="letter"
        )
        result = doc.render()
    record("elections.credentials_delivered", actor=actor, target=election,
           organisation=election.organisation, data={"method": method, "voters": len(voters)})  # fmt: skip
    return result
