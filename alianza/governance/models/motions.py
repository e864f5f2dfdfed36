"""Motions and amendments, their seconds and the history of their states."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alianza.multilingual.models import Multilingual

from .meetings import AgendaItem, Meeting


class Motion(Multilingual):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ON_AGENDA = "on_agenda", _("On the agenda")
        DEBATED = "debated", _("Debated")
        ADOPTED = "adopted", _("Adopted")
        REJECTED = "rejected", _("Rejected")
        REFERRED = "referred", _("Referred")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    TRANSLATABLE_FIELDS = ("text",)

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="motions"
    )
    number = models.PositiveSmallIntegerField()
    text = models.TextField(_("text of the motion"))
    # Empty for a recommendation forwarded from a joint body.
    proposer = models.ForeignKey(
        "bodies.Seat", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SUBMITTED
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="motions",
        verbose_name=_("agenda item"),
    )
    amends = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="amendments",
    )
    line_from = models.PositiveSmallIntegerField(_("from line"), null=True, blank=True)
    line_to = models.PositiveSmallIntegerField(_("to line"), null=True, blank=True)
    replaced_text = models.TextField(
        blank=True
    )  # the lines an adopted amendment replaced

    class Meta:
        ordering = ["meeting", "number"]
        verbose_name = _("motion")
        verbose_name_plural = _("motions")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"], name="motion_number_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.meeting} #{self.number}"

    def get_absolute_url(self) -> str:
        return self.meeting.get_absolute_url() + f"#motion-{self.number}"

    def lines(self) -> list[tuple[int, str]]:
        """The text with line numbers, which amendments refer to."""
        return list(enumerate(self.text.splitlines() or [""], start=1))

    @property
    def is_decided(self) -> bool:
        """Adopted, rejected or withdrawn: no more support, amendments or votes."""
        return self.status in DECIDED

    @property
    def is_adopted(self) -> bool:
        return self.status == self.Status.ADOPTED


# Where a motion may go from each state; adopted and rejected come only from a vote.
MOTION_FLOW: dict[str, set[str]] = {
    Motion.Status.SUBMITTED: {"on_agenda", "referred", "withdrawn"},
    Motion.Status.ON_AGENDA: {"debated", "referred", "withdrawn"},
    Motion.Status.DEBATED: {"referred", "withdrawn"},
    Motion.Status.REFERRED: {"on_agenda", "withdrawn"},
}


DECIDED = frozenset(
    {Motion.Status.ADOPTED, Motion.Status.REJECTED, Motion.Status.WITHDRAWN}
)


class MotionSupport(models.Model):
    """A voting member who seconds a motion."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="support")
    seat = models.ForeignKey("bodies.Seat", on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["motion", "seat"], name="support_once")
        ]

    def __str__(self) -> str:
        return f"{self.seat} supports {self.motion}"


class MotionEvent(models.Model):
    """The history of a motion's states."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=16, choices=Motion.Status.choices)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.motion}: {self.status}"


def lower_first(text: str) -> str:
    """A label used inside a sentence: "a majority of the votes cast"."""
    return text[:1].lower() + text[1:]
