"""A notification: one event told to one person, in her language, by the channels
she chose (at once, or gathered in a daily digest)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Mode(models.TextChoices):
    """How a person takes notifications on one channel."""

    IMMEDIATE = "now", _("Immediately")
    DIGEST = "digest", _("In a daily digest")
    OFF = "off", _("Off")


class Kind(models.TextChoices):
    REQUEST_PUBLISHED = "request", _("A solidarity request asks your union")
    PLEDGE_RECORDED = "pledge", _("A pledge answers a request for solidarity")
    SIGNATORY_ADDED = "signature", _("A letter to sign")
    COUNCIL_NEWS = "news", _("Council news")
    MEETING_SCHEDULED = "meeting", _("A meeting where you hold a seat")
    DRAFTS_TO_REVIEW = "drafts", _("Machine translations to review")
    ACTION_ASSIGNED = "action", _("An action item for you")


class Notification(models.Model):
    class State(models.TextChoices):
        """Where one channel of a notification stands."""

        NONE = "", _("Not by this channel")
        QUEUED = "queued", _("To send now")
        DIGEST = "digest", _("Waits for the daily digest")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    recipient = models.ForeignKey(
        "orgs.Person", on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    #: The page the notification leads to (a path; links add ``SITE_URL``).
    path = models.CharField(max_length=300)
    language = models.CharField(max_length=8)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    #: The channels chosen when it was made: "email", "sms", "email+sms" or "".
    channel = models.CharField(_("channel"), max_length=12, blank=True)
    email_state = models.CharField(
        max_length=8, choices=State.choices, default=State.NONE, blank=True
    )
    sms_state = models.CharField(
        max_length=8, choices=State.choices, default=State.NONE, blank=True
    )
    email = models.CharField(max_length=254, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["recipient", "-created_at"]),
            models.Index(fields=["email_state"]),
            models.Index(fields=["sms_state"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"

    @property
    def link(self) -> str:
        """The absolute address of the page it leads to."""
        return settings.SITE_URL.rstrip("/") + self.path

    @property
    def is_unread(self) -> bool:
        return self.read_at is None
