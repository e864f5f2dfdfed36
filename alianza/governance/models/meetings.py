"""A meeting of a body: its agenda, who is present, proxies and the speakers list."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alianza.lib.when import zone_of
from alianza.multilingual.models import Multilingual


class Meeting(Multilingual):
    """A meeting of a body: its attendance, speakers and votes."""

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        OPEN = "open", _("In session")
        CLOSED = "closed", _("Closed")

    TRANSLATABLE_FIELDS = ("title",)

    body = models.ForeignKey(
        "bodies.Body", on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(_("title of the meeting"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    mode = models.CharField(
        _("mode"), max_length=16, choices=Mode.choices, default=Mode.IN_PERSON
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        help_text=_("Empty for its body's zone."),
    )
    language = models.CharField(
        _("language of the meeting"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="en",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SCHEDULED
    )
    speaking_limit = models.PositiveSmallIntegerField(
        _("speaking time (seconds)"), default=180
    )
    current_item = models.ForeignKey(
        "AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True)
                | models.Q(ends_at__gt=models.F("starts_at")),
                name="governance_meeting_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.body}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("governance:meeting", args=[self.pk])

    @property
    def zone(self) -> ZoneInfo:
        """The clock of the place it is held: its own zone, else its body's."""
        return zone_of(self.time_zone or self.body.zone_key)

    @property
    def is_in_session(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class AgendaItem(Multilingual):
    """One point of the agenda; points nest (1, 1.1, 1.2) and carry a duration."""

    TRANSLATABLE_FIELDS = ("title",)

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda"
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("under"),
    )
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("item"), max_length=300)
    minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=10)

    class Meta:
        ordering = ["meeting", "position", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.meeting.get_absolute_url() + f"#item-{self.pk}"


class Proxy(models.Model):
    """An absent voting member's vote, carried by a member present at one meeting."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="proxies"
    )
    giver = models.ForeignKey("bodies.Seat", on_delete=models.CASCADE, related_name="+")
    carrier = models.ForeignKey(
        "bodies.Seat", on_delete=models.CASCADE, related_name="+"
    )
    given_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("proxy")
        verbose_name_plural = _("proxies")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "giver"], name="one_proxy_each")
        ]

    def __str__(self) -> str:
        return f"{self.giver} → {self.carrier}"


class Attendance(models.Model):
    """Who is present, seat by seat: checked in by themselves or by the secretary."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendance"
    )
    seat = models.ForeignKey(
        "bodies.Seat", on_delete=models.CASCADE, related_name="attendance"
    )
    checked_in_at = models.DateTimeField(default=timezone.now)
    by_secretary = models.BooleanField(default=False)
    # The alternate's seat, when an alternate sits for the absent member.
    alternate = models.ForeignKey(
        "bodies.Seat", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "seat"], name="present_once")
        ]

    def __str__(self) -> str:
        return f"{self.seat} @ {self.meeting}"


class SpeakerRequest(models.Model):
    """A request to speak. Observers may be put on the list: they speak, not vote."""

    class Kind(models.TextChoices):
        SPEAK = "speak", _("To speak")
        POINT_OF_ORDER = "point_of_order", _("Point of order")
        FOR = "for", _("For the motion")
        AGAINST = "against", _("Against the motion")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="speakers"
    )
    seat = models.ForeignKey("bodies.Seat", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(
        _("kind"), max_length=16, choices=Kind.choices, default=Kind.SPEAK
    )
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    limit_seconds = models.PositiveSmallIntegerField(default=180)

    class Meta:
        ordering = ["requested_at"]
        verbose_name = _("request to speak")
        verbose_name_plural = _("speakers list")

    def __str__(self) -> str:
        return f"{self.seat} ({self.kind})"
