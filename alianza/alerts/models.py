"""Rapid-response alerts: one message, many recipients, each in their language."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from alianza.multilingual.models import Multilingual
from alianza.multilingual.text import render_for


class Alert(Multilingual):
    """An officer's alert to chosen audiences of their union, by e-mail and SMS."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    TRANSLATABLE_FIELDS = ("title", "body")

    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        related_name="alerts",
        verbose_name=_("organisation"),
    )
    request = models.ForeignKey(
        "solidarity.SolidarityRequest",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="alerts",
        verbose_name=_("about the request"),
    )
    title = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"))
    #: The audience as chosen: {"units": [ids], "councils": [ids],
    #: "countries": [codes], "languages": [codes]}; empty lists mean "any".
    audience = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    recipients_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")

    def __str__(self) -> str:
        return render_for(self, "title", get_language() or "en").text

    def get_absolute_url(self) -> str:
        return reverse("alerts:alert", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        """Still being written: its audience and translations may change."""
        return self.status == self.Status.DRAFT

    @property
    def is_sending(self) -> bool:
        """Its messages are being sent: the page follows their progress."""
        return self.status == self.Status.SENDING

    @property
    def is_sent(self) -> bool:
        return self.status == self.Status.SENT

    def audience_lines(self) -> list[str]:
        return [
            str(_("The administrators, staff and officers of %(org)s."))
            % {"org": self.organisation},
            str(_("Each recipient sees only the message sent to them.")),
        ]


class Delivery(models.Model):
    """One recipient of an alert: what was sent on each channel, and whether they
    acknowledged it."""

    class Status(models.TextChoices):
        NONE = "none", _("No address")
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    alert = models.ForeignKey(
        Alert, on_delete=models.CASCADE, related_name="deliveries"
    )
    person = models.ForeignKey(
        "orgs.Person", on_delete=models.CASCADE, related_name="alert_deliveries"
    )
    language = models.CharField(max_length=8)
    email = models.CharField(max_length=254, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email_status = models.CharField(
        max_length=8, choices=Status.choices, default=Status.NONE
    )
    sms_status = models.CharField(
        max_length=8, choices=Status.choices, default=Status.NONE
    )
    error = models.CharField(max_length=300, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["alert", "person"], name="one_delivery_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.alert_id} → {self.person_id}"
