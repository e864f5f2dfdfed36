from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from alianza.lib.when import guess_zone, zone_of
from alianza.multilingual.models import Multilingual
from alianza.multilingual.text import render_for
from alianza.orgs.models import Country


class Council(models.Model):
    """A council of the local unions at a common employer (Solidarity Alliance, 2011).

    It is a joint space of the unions present, with a council body whose seats are the
    delegates of its member units.
    """

    employer = models.OneToOneField(
        "employers.Employer", on_delete=models.PROTECT, related_name="council"
    )
    space = models.OneToOneField(
        "spaces.JointSpace", on_delete=models.PROTECT, related_name="council"
    )
    body = models.OneToOneField(
        "bodies.Body", on_delete=models.PROTECT, related_name="council"
    )
    founded_on = models.DateField(_("founded"), default=timezone.localdate)
    founded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("council")
        verbose_name_plural = _("councils")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("councils:council", args=[self.space.slug])

    @property
    def name(self) -> str:
        """The council's name (its joint space's) in the reader's language: the
        original when no translation into it exists."""
        return render_for(self.space, "name", get_language() or "en").text


class CouncilUnit(models.Model):
    """A local union or section that belongs to the council."""

    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="member_units"
    )
    unit = models.ForeignKey(
        "orgs.Unit", on_delete=models.PROTECT, related_name="councils"
    )
    joined_on = models.DateField(_("since"), default=timezone.localdate)

    class Meta:
        ordering = ["unit__organisation__short_name", "unit__name"]
        verbose_name = _("member unit")
        verbose_name_plural = _("member units")
        constraints = [
            models.UniqueConstraint(
                fields=["council", "unit"], name="unit_once_per_council"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} @ {self.council}"


class CouncilMeeting(models.Model):
    """A meeting of the council. Meetings rotate through the members' countries."""

    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="meetings"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    country = models.CharField(_("host country"), max_length=2, choices=Country.choices)
    host_unit = models.ForeignKey(
        "orgs.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_council_meetings",
        verbose_name=_("host unit"),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        help_text=_("Empty for its host's usual zone."),
    )
    online_url = models.URLField(_("online link"), blank=True)
    uid = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("council meeting")
        verbose_name_plural = _("council meetings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.council} {self.starts_at:%Y-%m-%d}"

    @property
    def zone(self) -> ZoneInfo:
        """The host's clock: its own zone, else the host unit's, else the usual
        zone of its place and country."""
        if self.time_zone:
            return zone_of(self.time_zone)
        if self.host_unit is not None:
            return self.host_unit.zone
        return zone_of(guess_zone(self.country, self.place))


class CalendarToken(models.Model):
    """The secret in a person's calendar feed addresses. Only its hash is kept."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_token",
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("calendar token")
        verbose_name_plural = _("calendar tokens")

    def __str__(self) -> str:
        return f"calendar token of {self.user}"


class CouncilPost(Multilingual):
    """An item of the council's information exchange, written in any language."""

    class Kind(models.TextChoices):
        BARGAINING = "bargaining", _("Bargaining news")
        INCIDENT = "incident", _("Health and safety incident")
        STRIKE = "strike", _("Strike")
        ORGANIZING = "organizing", _("Organizing campaign")
        OTHER = "other", _("Other news")

    TRANSLATABLE_FIELDS = ("title", "body")

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="posts")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("headline"), max_length=200)
    body = models.TextField(_("text"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    posted_at = models.DateTimeField(_("posted"), default=timezone.now)

    class Meta:
        ordering = ["-posted_at"]
        verbose_name = _("exchange post")
        verbose_name_plural = _("exchange posts")

    def __str__(self) -> str:
        return render_for(self, "title", get_language() or "en").text

    def get_absolute_url(self) -> str:
        return self.council.get_absolute_url() + f"#post-{self.pk}"


class ActionItem(Multilingual):
    """Something the council decided to do, with an owner and a due date."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    TRANSLATABLE_FIELDS = ("title",)

    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="action_items"
    )
    title = models.CharField(_("what"), max_length=300)
    owner = models.ForeignKey(
        "orgs.Person",
        on_delete=models.PROTECT,
        related_name="action_items",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    reminded_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["status", "due_on"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")

    def __str__(self) -> str:
        return render_for(self, "title", get_language() or "en").text

    def get_absolute_url(self) -> str:
        return self.council.get_absolute_url() + f"#action-{self.pk}"

    @property
    def is_overdue(self) -> bool:
        return self.status in (self.Status.OPEN, self.Status.IN_PROGRESS) and (
            self.due_on < timezone.localdate()
        )
