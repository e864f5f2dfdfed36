"""Rapid-response alerts: one message, many recipients, each in their language."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from alianza.multilingual.models import Multilingual
from alianza.multilingual.text import render_for
from alianza.notifications.models import Mode


class Alert(Multilingual):
    """An officer's alert to chosen audiences of their union, by e-mail and SMS."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
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
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
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
    #: When a scheduled alert goes (UTC), on the clock of ``scheduled_zone``.
    scheduled_for = models.DateTimeField(_("send at"), null=True, blank=True)
    scheduled_zone = models.CharField(_("time zone"), max_length=64, blank=True)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    recipients_count = models.PositiveIntegerField(default=0)
    #: The channels it goes by (``AlertTemplate.Channels``).
    channels = models.CharField(_("channels"), max_length=8, default="both")

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
    def is_scheduled(self) -> bool:
        """Waiting for its send time: it may still be cancelled or rescheduled."""
        return self.status == self.Status.SCHEDULED

    @property
    def is_waiting(self) -> bool:
        """Not gone yet: a draft or a scheduled alert (its audience and preview
        still show)."""
        return self.status in (self.Status.DRAFT, self.Status.SCHEDULED)

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


class AlertTemplate(Multilingual):
    """An alert a union sends again and again (a rally call, a strike vote), kept by
    its leaders: a new alert starts from it, translations and channels included."""

    TRANSLATABLE_FIELDS = ("title", "body")

    class Channels(models.TextChoices):
        BOTH = "both", _("E-mail and text message")
        EMAIL = "email", _("E-mail only")
        SMS = "sms", _("Text message only")

    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.CASCADE,
        related_name="alert_templates",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("template name"), max_length=120)
    title = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"))
    channels = models.CharField(
        _("channels"), max_length=8, choices=Channels.choices, default=Channels.BOTH
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("alert template")
        verbose_name_plural = _("alert templates")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("alerts:templates")


class Delivery(models.Model):
    """One recipient of an alert: what was sent on each channel, and whether they
    acknowledged it."""

    class Status(models.TextChoices):
        NONE = "none", _("No address")
        OPTED_OUT = "optedout", _("Opted out")
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")
        BOUNCED = "bounced", _("Bounced")

    class State(models.TextChoices):
        """Where a recipient stands, from both channels: what the sender's page
        counts (each recipient once)."""

        UNREACHABLE = "unreachable", _("Cannot be reached")
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        BOUNCED = "bounced", _("Bounced")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")

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
        max_length=10, choices=Status.choices, default=Status.NONE
    )
    sms_status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.NONE
    )
    #: The provider's id of the text message, which its delivery receipts name.
    sms_id = models.CharField(max_length=64, blank=True, db_index=True)
    error = models.CharField(max_length=300, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    #: How the recipient acknowledged: the link, a text-message reply, or her inbox.
    acknowledged_by = models.CharField(max_length=8, blank=True)

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

    @property
    def state(self) -> str:
        """The recipient's state (``State``): acknowledged, else the furthest either
        channel went."""
        channels = {self.email_status, self.sms_status}
        S = self.Status
        if self.acknowledged_at is not None:
            return self.State.ACKNOWLEDGED
        if S.QUEUED in channels:
            return self.State.QUEUED
        if channels & {S.SENT, S.DELIVERED}:
            return self.State.SENT
        if S.BOUNCED in channels:
            return self.State.BOUNCED
        if S.FAILED in channels:
            return self.State.FAILED
        return self.State.UNREACHABLE

    def get_state_display(self) -> str:
        return str(self.State(self.state).label)


class Reach(models.Model):
    """How a person wants to be reached by her union's alerts: whether her login's
    e-mail address counts as a channel, the channels she stopped, and quiet hours
    (in her own time zone) when no text message is sent."""

    person = models.OneToOneField(
        "orgs.Person", on_delete=models.CASCADE, related_name="reach"
    )
    login_email = models.BooleanField(
        _("send alerts to the e-mail address I sign in with"), default=True
    )
    no_email = models.BooleanField(_("no alerts by e-mail"), default=False)
    no_sms = models.BooleanField(_("no alerts by text message"), default=False)
    quiet_from = models.TimeField(_("quiet hours from"), null=True, blank=True)
    quiet_until = models.TimeField(_("quiet hours until"), null=True, blank=True)
    #: How Alianza tells her what waits for her (requests, letters, meetings…).
    email_notices = models.CharField(
        _("notifications by e-mail"), max_length=8, choices=Mode.choices,
        default=Mode.IMMEDIATE,
    )  # fmt: skip
    sms_notices = models.CharField(
        _("notifications by text message"), max_length=8, choices=Mode.choices,
        default=Mode.IMMEDIATE,
    )  # fmt: skip
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("how to reach a person")
        verbose_name_plural = _("how to reach people")

    def __str__(self) -> str:
        return f"reach of {self.person_id}"


class Reply(models.Model):
    """A text message received from a phone: an acknowledgement, a request to
    stop, or words for the alert's sender (her inbox)."""

    class Kind(models.TextChoices):
        ACKNOWLEDGED = "ack", _("Acknowledged the alert")
        STOPPED = "stop", _("Asked to stop text messages")
        MESSAGE = "message", _("Message")

    phone = models.CharField(_("from"), max_length=40)
    body = models.TextField(_("message"))
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    provider_id = models.CharField(max_length=64, unique=True)
    person = models.ForeignKey(
        "orgs.Person", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    delivery = models.ForeignKey(
        Delivery, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="replies",
    )  # fmt: skip
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")

    def __str__(self) -> str:
        return f"{self.phone}: {self.kind}"
