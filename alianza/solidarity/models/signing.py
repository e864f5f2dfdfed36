"""Signing a letter from outside Alianza: an invitation link for a co-signing
organisation's signatory, and the names individuals add to an open letter."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .letters import Letter, Signature


def token_hash(token: str) -> str:
    """What is kept of a token: its SHA-256, never the token itself."""
    return hashlib.sha256(token.encode()).hexdigest()


class SignatureInvitation(models.Model):
    """A single-use, expiring link by which a co-signing organisation's signatory
    (who may have no Alianza account) reads the letter and signs it."""

    letter = models.ForeignKey(
        Letter, on_delete=models.CASCADE, related_name="invitations"
    )
    signature = models.ForeignKey(
        Signature, on_delete=models.CASCADE, related_name="invitations"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    expires_at = models.DateTimeField(_("expires"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation to sign")
        verbose_name_plural = _("invitations to sign")

    def __str__(self) -> str:
        return f"{self.signature} ({self.letter_id})"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return self.used_at is None and self.revoked_at is None and not self.is_expired

    @property
    def is_used(self) -> bool:
        return self.used_at is not None

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class IndividualSignature(models.Model):
    """A person's name added to an open letter: a member of a union (one click) or
    an ally without an account (confirmed by an e-mailed link). Only confirmed
    names are counted and shown."""

    letter = models.ForeignKey(
        Letter, on_delete=models.CASCADE, related_name="individual_signatures"
    )
    person = models.ForeignKey(
        "orgs.Person", on_delete=models.CASCADE, null=True, blank=True,
        related_name="individual_signatures",
    )  # fmt: skip
    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("union"),
    )  # fmt: skip
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    token_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["confirmed_at", "id"]
        verbose_name = _("individual signature")
        verbose_name_plural = _("individual signatures")
        constraints = [
            models.UniqueConstraint(
                fields=["letter", "person"],
                condition=models.Q(person__isnull=False),
                name="one_individual_signature_per_person",
            ),
            models.UniqueConstraint(
                fields=["letter", "email"],
                condition=~models.Q(email=""),
                name="one_individual_signature_per_email",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
