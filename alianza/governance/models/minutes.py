"""The minutes of a meeting."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alianza.multilingual.models import Multilingual

from .meetings import Meeting


class Minutes(Multilingual):
    """The record of a meeting: assembled, edited by the secretary, approved at the
    next meeting of the body."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")

    TRANSLATABLE_FIELDS = ("text",)

    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, related_name="minutes"
    )
    text = models.TextField(_("minutes"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    updated_at = models.DateTimeField(auto_now=True)
    approved_at = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="approved_minutes",
        verbose_name=_("approved at"),
    )

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return f"{self.meeting}"

    def get_absolute_url(self) -> str:
        return reverse("governance:minutes", args=[self.meeting_id])

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED
