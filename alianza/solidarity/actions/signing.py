"""Signatures for co-signing organisations without Alianza accounts: invitation
links, signatures recorded from a confirmation on paper or by e-mail, and
signatories replaced or withdrawn. Every step is the letter's union's, audited."""

import secrets
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.lib.permissions import require
from alianza.orgs.models import Organisation, Person

from ..models import Letter, Signature, SignatureInvitation, token_hash
from ..selectors import invitation_by_token
from ._fields import language_code, required_text

#: What a confirmation may be: a scan or photo of the signed page, or the e-mail.
EVIDENCE_SUFFIXES = {".pdf", ".jpg", ".jpeg", ".png", ".eml", ".txt", ".msg"}
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
INVITATION_DAYS = 14
MAX_INVITATION_DAYS = 60


def _still_a_draft(letter: Letter) -> None:
    if not letter.is_draft:
        raise ValidationError(_("A published letter cannot take new signatures."))


def _audit(action: str, actor: Any, letter: Letter, **data: Any) -> None:
    record(f"solidarity.{action}", actor=actor, organisation=letter.organisation,
           target=letter, data=data)  # fmt: skip


@transaction.atomic
def invite_signatory(
    actor: Any,
    letter: Letter,
    *,
    organisation: Organisation,
    language: str = "",
    days: int = INVITATION_DAYS,
) -> tuple[SignatureInvitation, str]:
    """An invitation for ``organisation``'s signatory, who may have no account:
    the token (returned once, never kept) opens ``/letters/sign/<token>/``."""
    require(actor, "solidarity.invite_signatory", letter)
    _still_a_draft(letter)
    if not 1 <= days <= MAX_INVITATION_DAYS:
        raise ValidationError(
            {"days": _("An invitation lasts from 1 to %(n)d days.")
             % {"n": MAX_INVITATION_DAYS}}
        )  # fmt: skip
    signature = (
        letter.signatures.active()
        .filter(organisation=organisation, person=None, confirmed_at=None)
        .first()
    )
    if signature is None:
        signature = Signature.objects.create(
            letter=letter, organisation=organisation, method=Signature.Method.LINK,
            order=letter.signatures.count(),
        )  # fmt: skip
    token = secrets.token_urlsafe(32)
    invitation = SignatureInvitation.objects.create(
        letter=letter, signature=signature, token_hash=token_hash(token),
        language=language_code(language or organisation.default_language),
        expires_at=timezone.now() + timedelta(days=days), created_by=actor,
    )  # fmt: skip
    _audit("signatory_invited", actor, letter, invitation=invitation.pk,
           organisation=organisation.slug, days=days)  # fmt: skip
    return invitation, token


@transaction.atomic
def revoke_invitation(actor: Any, invitation: SignatureInvitation) -> None:
    require(actor, "solidarity.invite_signatory", invitation.letter)
    if invitation.revoked_at is None and invitation.used_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        _audit("invitation_revoked", actor, invitation.letter,
               invitation=invitation.pk)  # fmt: skip


def usable_invitation(token: str) -> SignatureInvitation:
    """The invitation ``token`` opens, if it still may be used."""
    invitation = invitation_by_token(token)
    if invitation is None or not invitation.is_usable:
        raise ValidationError(
            _("This link has expired, was withdrawn or has been used already. "
              "Ask the union that sent it for a new one.")
        )  # fmt: skip
    if not invitation.letter.is_draft or invitation.signature.withdrawn_at:
        raise ValidationError(_("This letter no longer takes this signature."))
    return invitation


@transaction.atomic
def sign_by_invitation(token: str, *, name: str, title: str, agree: bool) -> Signature:
    """The invited signatory signs: her name and title, and her consent."""
    invitation = usable_invitation(token)
    # Taken again under a lock: two tabs submitting the same link sign once.
    invitation = SignatureInvitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValidationError(_("This link has been used already."))
    if not agree:
        raise ValidationError({"agree": _("Tick the box to sign the letter.")})
    signature = invitation.signature
    signature.name = required_text(name, "name", _("Write your name."))[:200]
    signature.title = (title or "").strip()[:200]
    signature.confirmed_at = timezone.now()
    signature.method = Signature.Method.LINK
    signature.save(update_fields=["name", "title", "confirmed_at", "method"])
    invitation.used_at = signature.confirmed_at
    invitation.save(update_fields=["used_at"])
    record("solidarity.signed_by_invitation", organisation=invitation.letter.organisation,
           target=invitation.letter,
           data={"invitation": invitation.pk, "signature": signature.pk,
                 "name": signature.name})  # fmt: skip
    return signature


def _check_evidence(file: UploadedFile | None) -> str:
    if file is None:
        raise ValidationError({"evidence": _("Attach the confirmation.")})
    name = Path(file.name or "").name
    if Path(name).suffix.lower() not in EVIDENCE_SUFFIXES:
        raise ValidationError(
            {"evidence": _("Attach a PDF, a photo or the e-mail (.eml).")}
        )
    if (file.size or 0) > EVIDENCE_MAX_BYTES:
        raise ValidationError({"evidence": _("The file is larger than 10 MB.")})
    return name[:255]


@transaction.atomic
def record_signature(
    actor: Any,
    letter: Letter,
    *,
    organisation: Organisation,
    name: str,
    method: str,
    evidence: UploadedFile | None,
    title: str = "",
    confirmed_on: date | None = None,
) -> Signature:
    """A signature the co-signer confirmed on paper or by e-mail, recorded by the
    letter's union with the confirmation attached."""
    require(actor, "solidarity.record_signature", letter)
    _still_a_draft(letter)
    if method not in (Signature.Method.PAPER, Signature.Method.EMAIL):
        raise ValidationError({"method": _("Say how the signature was confirmed.")})
    name = required_text(name, "name", _("Write the signatory's name."))
    file_name = _check_evidence(evidence)
    today = timezone.localdate()
    if confirmed_on and confirmed_on > today:
        raise ValidationError({"confirmed_on": _("The date cannot be in the future.")})
    signature = (
        letter.signatures.active()
        .filter(organisation=organisation, person=None, confirmed_at=None)
        .first()
    ) or Signature(letter=letter, organisation=organisation,
                   order=letter.signatures.count())  # fmt: skip
    now = timezone.now()
    signature.name = name[:200]
    signature.title = (title or "").strip()[:200]
    signature.method = method
    signature.confirmed_at = (
        datetime.combine(confirmed_on, time(12), tzinfo=timezone.get_current_timezone())
        if confirmed_on and confirmed_on != today
        else now
    )
    signature.recorded_by = actor
    signature.recorded_at = now
    signature.evidence_name = file_name
    signature.evidence.save(f"{secrets.token_hex(8)}{Path(file_name).suffix}",
                            evidence, save=False)  # type: ignore[arg-type]  # fmt: skip
    signature.save()
    signature.invitations.filter(used_at=None, revoked_at=None).update(revoked_at=now)
    _audit("signature_recorded", actor, letter, signature=signature.pk,
           organisation=organisation.slug, name=signature.name, method=method,
           evidence=file_name, size=evidence.size if evidence else 0)  # fmt: skip
    return signature


def _reason(reason: str) -> str:
    return required_text(reason, "reason", _("Say why."))


@transaction.atomic
def withdraw_signature(actor: Any, signature: Signature, *, reason: str) -> Signature:
    """The signature no longer counts and is not printed; the letter's union says
    why. Open invitations for it are withdrawn too."""
    require(actor, "solidarity.replace_signatory", signature.letter)
    reason = _reason(reason)
    if signature.withdrawn_at is not None:
        raise ValidationError(_("This signature was withdrawn already."))
    letter = signature.letter
    if letter.is_published and not [
        s for s in letter.signatures.active() if s.pk != signature.pk
    ]:
        raise ValidationError(_("A published letter keeps at least one signatory."))
    now = timezone.now()
    signature.withdrawn_at = now
    signature.withdrawn_by = actor
    signature.withdrawal_reason = reason
    signature.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
    signature.invitations.filter(used_at=None, revoked_at=None).update(revoked_at=now)
    _audit("signature_withdrawn", actor, letter, signature=signature.pk,
           name=signature.signatory_name, reason=reason)  # fmt: skip
    return signature


@transaction.atomic
def replace_signatory(
    actor: Any,
    signature: Signature,
    *,
    reason: str,
    person: Person | None = None,
    name: str = "",
    title: str = "",
) -> Signature:
    """Another signatory for the same organisation in the same place: someone in
    Alianza (who confirms in Alianza) or a name (invited by link or recorded)."""
    from .letters import add_signatory

    letter = signature.letter
    require(actor, "solidarity.replace_signatory", letter)
    _still_a_draft(letter)
    reason = _reason(reason)
    if person is None and not name.strip():
        raise ValidationError({"name": _("Name the new signatory.")})
    withdraw_signature(actor, signature, reason=reason)
    if person is not None:
        new = add_signatory(actor, letter, person=person,
                            organisation=signature.organisation, title=title)  # fmt: skip
    else:
        new = Signature.objects.create(
            letter=letter, organisation=signature.organisation, name=name.strip()[:200],
            title=title.strip()[:200], method=Signature.Method.LINK,
        )  # fmt: skip
    new.order = signature.order
    new.save(update_fields=["order"])
    signature.replaced_by = new
    signature.save(update_fields=["replaced_by"])
    _audit("signatory_replaced", actor, letter, old=signature.pk, new=new.pk,
           name=new.signatory_name, reason=reason)  # fmt: skip
    return new
