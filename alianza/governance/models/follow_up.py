"""After the vote: a joint body's recommendation forwarded to each union's
executive body, and the follow-up of adopted decisions."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alianza.multilingual.models import Multilingual

from .meetings import Meeting
from .motions import Motion


class Forwarding(models.Model):
    """A joint body's adopted recommendation sent to one union's executive body,
    with that body's decision on it."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("Awaiting a decision")
        ADOPTED = "adopted", _("Adopted")
        REJECTED = "rejected", _("Rejected")
        REFERRED = "referred", _("Referred")

    recommendation = models.ForeignKey(
        Motion, on_delete=models.CASCADE, related_name="forwardings"
    )
    body = models.ForeignKey(
        "bodies.Body", on_delete=models.CASCADE, related_name="forwarded"
    )
    forwarded_at = models.DateTimeField(default=timezone.now)
    decision = models.CharField(
        _("decision"), max_length=16, choices=Decision.choices, default=Decision.PENDING
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    # The motion put before the receiving body; its vote records the decision.
    local_motion = models.OneToOneField(
        Motion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forwarded_from",
    )

    class Meta:
        ordering = ["forwarded_at", "id"]
        verbose_name = _("forwarded recommendation")
        verbose_name_plural = _("forwarded recommendations")
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "body"], name="forwarded_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.recommendation} → {self.body}"

    @property
    def is_pending(self) -> bool:
        """The receiving body has not decided yet."""
        return self.decision == self.Decision.PENDING

    @property
    def is_adopted(self) -> bool:
        return self.decision == self.Decision.ADOPTED


class FollowUp(Multilingual):
    """Carrying out an adopted decision: who, by when, how far."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        BLOCKED = "blocked", _("Blocked")
        DONE = "done", _("Done")

    TRANSLATABLE_FIELDS = ("task",)

    motion = models.ForeignKey(
        Motion, on_delete=models.CASCADE, related_name="follow_ups"
    )
    task = models.CharField(_("what is to be done"), max_length=300)
    owner = models.ForeignKey(
        "orgs.Person",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due"))
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NOT_STARTED
    )

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-up")

    def __str__(self) -> str:
        return self.task

    def get_absolute_url(self) -> str:
        return self.motion.get_absolute_url()

    @property
    def meeting_id(self) -> int:
        """The meeting whose decision this carries out (who owns its text)."""
        return self.motion.meeting_id

    @property
    def meeting(self) -> Meeting:
        return self.motion.meeting

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def is_blocked(self) -> bool:
        return self.status == self.Status.BLOCKED


class FollowUpUpdate(models.Model):
    follow_up = models.ForeignKey(
        FollowUp, on_delete=models.CASCADE, related_name="updates"
    )
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=16, choices=FollowUp.Status.choices)
    progress = models.PositiveSmallIntegerField(default=0)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.follow_up}: {self.status}"
