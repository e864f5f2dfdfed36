"""Letters and their co-signatures."""

import secrets
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.lib.permissions import require
from alianza.notifications.actions import notify
from alianza.notifications.models import Kind
from alianza.orgs.models import Membership, Organisation, Person, Unit
from alianza.orgs.roles import LEADING_ROLES

from ..models import Campaign, Letter, Signature, SolidarityRequest
from ._fields import audience_fields, language_code, required_text


@transaction.atomic
def draft_letter(
    actor: Any,
    organisation: Organisation,
    *,
    title: str,
    body: str,
    language: str,
    addressee: str = "",
    dated: date | None = None,
    campaign: Campaign | None = None,
    request: SolidarityRequest | None = None,
    audience: str | None = None,
    audience_unit: Unit | None = None,
) -> Letter:
    require(actor, "solidarity.add_campaign", organisation)
    seen_by = audience_fields(Letter, organisation, audience, audience_unit)
    title = required_text(title, "title", _("Give the letter a title."))
    base = slugify(title)[:40] or "letter"
    letter = Letter.objects.create(
        **seen_by,
        organisation=organisation, slug=f"{base}-{secrets.token_hex(3)}",
        title=title, body=required_text(body, "body", _("Write the letter.")),
        language=language_code(language), addressee=addressee.strip(),
        dated=dated or timezone.localdate(), campaign=campaign, request=request,
        created_by=actor,
    )  # fmt: skip
    record("solidarity.letter_drafted", actor=actor, organisation=organisation,
           target=letter, data={"audience": seen_by["audience"]})  # fmt: skip
    return letter


@transaction.atomic
def add_signatory(
    actor: Any,
    letter: Letter,
    *,
    person: Person,
    organisation: Organisation,
    title: str = "",
) -> Signature:
    require(actor, "solidarity.change_letter", letter)
    if letter.status != Letter.Status.DRAFT:
        raise ValidationError(_("A published letter cannot take new signatures."))
    holds_office = Membership.objects.current().filter(
        person=person, organisation=organisation, role__in=LEADING_ROLES
    )
    if not holds_office.exists():
        raise ValidationError(
            {"person": _("The signatory must be an officer of that organisation.")}
        )
    if letter.signatures.active().filter(person=person).exists():
        raise ValidationError({"person": _("This person already signs the letter.")})
    signature = Signature.objects.create(
        letter=letter, person=person, organisation=organisation,
        title=title.strip() or (holds_office.first().title or ""),  # type: ignore[union-attr]
        order=letter.signatures.count(),
    )  # fmt: skip
    record("solidarity.signatory_added", actor=actor, organisation=letter.organisation,
           target=letter, data={"person": person.pk, "for": organisation.slug})  # fmt: skip
    notify([person], Kind.SIGNATORY_ADDED, {"union": letter.organisation, "title": letter}, letter.get_absolute_url(), by=actor)  # fmt: skip
    return signature


@transaction.atomic
def confirm_signature(actor: Any, signature: Signature) -> Signature:
    """Only the signer confirms their own signature."""
    require(actor, "solidarity.confirm_signature", signature,
            message=_("Only the signatory can confirm their signature."))  # fmt: skip
    if signature.withdrawn_at is not None:
        raise ValidationError(_("This signature was withdrawn."))
    if signature.confirmed_at is None:
        signature.confirmed_at = timezone.now()
        signature.save(update_fields=["confirmed_at"])
        record("solidarity.signature_confirmed", actor=actor,
               organisation=signature.letter.organisation, target=signature.letter,
               data={"signature": signature.pk})  # fmt: skip
    return signature


@transaction.atomic
def publish_letter(actor: Any, letter: Letter) -> Letter:
    require(actor, "solidarity.change_letter", letter)
    if not letter.all_confirmed:
        raise ValidationError(
            _("Every signatory must confirm their signature before publication.")
        )
    letter.status = Letter.Status.PUBLISHED
    letter.published_at = timezone.now()
    letter.save(update_fields=["status", "published_at"])
    record("solidarity.letter_published", actor=actor, organisation=letter.organisation,
           target=letter)  # fmt: skip
    return letter
