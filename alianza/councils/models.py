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
    """The council's side of one meeting of its body. The meeting itself (its date,
    venue, host's time zone, agenda, minutes) is the governance meeting of the
    council's body: one record, never a copy. Here: the host, the interpretation the
    delegates need and the online link; registrations and documents hang on it."""

    meeting = models.OneToOneField(
        "governance.Meeting",
        on_delete=models.CASCADE,
        related_name="council_meeting",
        verbose_name=_("meeting"),
    )
    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="meetings"
    )
    country = models.CharField(_("host country"), max_length=2, choices=Country.choices)
    host_unit = models.ForeignKey(
        "orgs.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_council_meetings",
        verbose_name=_("host unit"),
    )
    online_url = models.URLField(_("online link"), blank=True)
    #: Interpretation the delegates need, as language pairs ("en-es").
    interpretation = models.JSONField(_("interpretation"), default=list, blank=True)
    confidential = models.BooleanField(
        _("confidential to delegates"),
        default=False,
        help_text=_("Only delegates and officers of the member units read it."),
    )
    uid = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        ordering = ["meeting__starts_at"]
        verbose_name = _("council meeting")
        verbose_name_plural = _("council meetings")

    def __str__(self) -> str:
        return f"{self.council} {self.starts_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("councils:meeting", args=[self.council.space.slug, self.pk])

    # Read from the one meeting record, never stored twice.
    @property
    def starts_at(self):
        return self.meeting.starts_at

    @property
    def ends_at(self):
        return self.meeting.ends_at or self.meeting.starts_at

    @property
    def place(self) -> str:
        return self.meeting.place

    @property
    def time_zone(self) -> str:
        return self.meeting.time_zone

    @property
    def zone(self) -> ZoneInfo:
        """The host's clock: the meeting's zone, else the host unit's, else the
        usual zone of its place and country."""
        if self.meeting.time_zone:
            return zone_of(self.meeting.time_zone)
        if self.host_unit is not None:
            return self.host_unit.zone
        return zone_of(guess_zone(self.country, self.meeting.place))

    @property
    def interpretation_pairs(self) -> list[tuple[str, str]]:
        """The pairs, each as the two languages' names."""
        names = dict(settings.LANGUAGES)
        pairs = []
        for pair in self.interpretation:
            a, _sep, b = pair.partition("-")
            pairs.append((str(names.get(a, a)), str(names.get(b, b))))
        return pairs


class DelegateRegistration(models.Model):
    """A delegate's registration for a council meeting, with what her travel needs."""

    council_meeting = models.ForeignKey(
        CouncilMeeting, on_delete=models.CASCADE, related_name="registrations"
    )
    person = models.ForeignKey(
        "orgs.Person", on_delete=models.PROTECT, related_name="council_registrations"
    )
    arrives_on = models.DateField(_("arrival"), null=True, blank=True)
    departs_on = models.DateField(_("departure"), null=True, blank=True)
    visa_letter = models.BooleanField(
        _("needs a visa invitation letter"), default=False
    )
    dietary = models.CharField(_("dietary needs"), max_length=300, blank=True)
    access = models.CharField(_("access needs"), max_length=300, blank=True)
    registered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["registered_at"]
        verbose_name = _("delegate registration")
        verbose_name_plural = _("delegate registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["council_meeting", "person"], name="register_once"
            ),
            models.CheckConstraint(
                condition=models.Q(arrives_on__isnull=True)
                | models.Q(departs_on__isnull=True)
                | models.Q(departs_on__gte=models.F("arrives_on")),
                name="departs_after_arriving",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.council_meeting}"


class CouncilDocument(models.Model):
    """A document put before the council (or one of its meetings), marked
    confidential to delegates or not."""

    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="council_documents"
    )
    document = models.ForeignKey(
        "documents.Document", on_delete=models.CASCADE, related_name="+"
    )
    council_meeting = models.ForeignKey(
        CouncilMeeting,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
    )
    confidential = models.BooleanField(_("confidential to delegates"), default=False)
    attached_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    attached_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("council document")
        verbose_name_plural = _("council documents")
        constraints = [
            models.UniqueConstraint(
                fields=["council", "document", "council_meeting"],
                name="document_once_per_meeting",
            )
        ]

    def __str__(self) -> str:
        return f"{self.document} @ {self.council}"


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
    confidential = models.BooleanField(
        _("confidential to delegates"),
        default=False,
        help_text=_("Only delegates and officers of the member units read it."),
    )

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
