"""Individual names on an open letter: members sign with one click, allies without
an account confirm by an e-mailed link. Only confirmed names count."""

import secrets
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.lib.permissions import require
from alianza.orgs.selectors import standing

from ..models import IndividualSignature, Letter, token_hash
from ..selectors import individual_by_token, member_union_of
from ._fields import language_code, required_text


@transaction.atomic
def set_open_to_individuals(actor: Any, letter: Letter, *, is_open: bool) -> Letter:
    require(actor, "solidarity.change_letter", letter)
    if letter.open_to_individuals != is_open:
        letter.open_to_individuals = is_open
        letter.save(update_fields=["open_to_individuals"])
        record("solidarity.letter_opened" if is_open else "solidarity.letter_closed",
               actor=actor, organisation=letter.organisation, target=letter)  # fmt: skip
    return letter


def _refused_twice() -> ValidationError:
    return ValidationError(_("This name is already on the letter."))


@transaction.atomic
def sign_as_member(actor: Any, letter: Letter) -> IndividualSignature:
    """A member adds her name, shown with her union; confirmed at once."""
    require(actor, "solidarity.sign_openly", letter,
            message=_("This letter does not take individual signatures."))  # fmt: skip
    person = standing(actor).person
    if person is None:
        raise ValidationError(_("Only people with a record in Alianza sign here."))
    if letter.individual_signatures.filter(person=person).exists():
        raise _refused_twice()
    try:
        with transaction.atomic():
            signature = IndividualSignature.objects.create(
                letter=letter, person=person, name=person.name,
                organisation=member_union_of(person), confirmed_at=timezone.now(),
                language=getattr(actor, "language", "") or "en",
            )  # fmt: skip
    except IntegrityError as exc:  # signed in another tab a moment ago
        raise _refused_twice() from exc
    record("solidarity.individual_signed", actor=actor, organisation=letter.organisation,
           target=letter, data={"signature": signature.pk})  # fmt: skip
    return signature


@transaction.atomic
def sign_as_ally(
    actor: Any,
    letter: Letter,
    *,
    name: str,
    email: str,
    country: str,
    language: str,
    link: Callable[[str], str],
) -> IndividualSignature:
    """An ally without an account: her name counts once she opens the link e-mailed
    to her. Asking again before confirming sends a new link."""
    require(actor, "solidarity.sign_openly", letter,
            message=_("This letter does not take individual signatures."))  # fmt: skip
    name = required_text(name, "name", _("Write your name."))[:200]
    email = required_text(email, "email", _("Write your e-mail address.")).lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise ValidationError({"email": _("Enter a valid e-mail address.")}) from exc
    country = required_text(country, "country", _("Say in which country you live."))
    language = language_code(language)
    token = secrets.token_urlsafe(24)
    found = letter.individual_signatures.filter(email=email).first()
    if found is not None and found.is_confirmed:
        raise _refused_twice()
    signature = found or IndividualSignature(letter=letter, email=email)
    signature.name, signature.country, signature.language = (
        name,
        country[:100],
        language,
    )
    signature.token_hash = token_hash(token)
    signature.save()
    with translation.override(language):
        send_mail(
            _("Confirm your signature"),
            _("You asked to add your name to the letter “%(title)s”.\n\n"
              "Open this link to confirm your signature:\n%(link)s\n\n"
              "If you did not ask for it, ignore this message: nothing is signed.")
            % {"title": letter, "link": link(token)},
            settings.DEFAULT_FROM_EMAIL, [email],
        )  # fmt: skip
    record("solidarity.ally_signature_asked", organisation=letter.organisation,
           target=letter, data={"signature": signature.pk})  # fmt: skip
    return signature


@transaction.atomic
def confirm_ally_signature(token: str) -> IndividualSignature:
    signature = individual_by_token(token)
    if signature is None or not signature.letter.takes_individual_signatures:
        raise ValidationError(
            _("This link has expired or has been used already.")
        )  # fmt: skip
    signature.confirmed_at = timezone.now()
    signature.token_hash = ""
    signature.save(update_fields=["confirmed_at", "token_hash"])
    record("solidarity.ally_signature_confirmed", organisation=signature.letter.organisation,
           target=signature.letter, data={"signature": signature.pk})  # fmt: skip
    return signature
