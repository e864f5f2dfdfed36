"""The alliance's calendar of events and the delegations unions send to them."""

from datetime import date

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from alianza.multilingual.models import Multilingual
from alianza.multilingual.text import render_for
from alianza.orgs.audience import Audience, HasAudience, audience_field, leaders_of
from alianza.orgs.models import Country

from .campaigns import Campaign


class Event(HasAudience, Multilingual):
    """A date in the alliance's calendar: a commemoration, a rally, a conference."""

    class Kind(models.TextChoices):
        COMMEMORATION = "commemoration", _("Commemoration")
        RALLY = "rally", _("Rally or march")
        CONFERENCE = "conference", _("Conference or training")
        MEETING = "meeting", _("Meeting")

    TRANSLATABLE_FIELDS = ("title", "description")

    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        related_name="solidarity_events",
        verbose_name=_("organised by"),
    )
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("campaign"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    annual = models.BooleanField(_("every year on this date"), default=False)
    uid = models.CharField(max_length=64, unique=True, editable=False)
    audience = audience_field(Audience.ALLIANCE)

    class Meta:
        ordering = ["starts_on"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return render_for(self, "title", get_language() or "en").text

    def get_absolute_url(self) -> str:
        return reverse("solidarity:events") + f"#event-{self.pk}"

    def audience_lines(self) -> list[str]:
        lines = [leaders_of(self.organisation)]
        if self.audience != Audience.LEADERS:
            lines.append(self.audience_line())
        return lines

    def next_date(self, today: date | None = None) -> date:
        """The next time it happens: this year's or next year's date when annual."""
        today = today or timezone.localdate()
        if not self.annual or self.starts_on >= today:
            return self.starts_on
        for year in (today.year, today.year + 1):
            try:
                candidate = self.starts_on.replace(year=year)
            except ValueError:  # 29 February
                candidate = date(year, 3, 1)
            if candidate >= today:
                return candidate
        return self.starts_on


class Delegation(Multilingual):
    """An organisation's delegation to an event."""

    TRANSLATABLE_FIELDS = ("note",)

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="delegations"
    )
    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="+",
        verbose_name=_("organisation"),
    )  # fmt: skip
    unit = models.ForeignKey(
        "orgs.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("unit"),
    )  # fmt: skip
    people = models.PositiveIntegerField(_("people"), default=1)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["organisation__short_name"]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")

    def __str__(self) -> str:
        return f"{self.unit or self.organisation} @ {self.event}"

    def get_absolute_url(self) -> str:
        return self.event.get_absolute_url()


class Rsvp(models.Model):
    """A person's answer to an event on one date (an annual event is answered
    year by year): yes, no or maybe."""

    class Answer(models.TextChoices):
        YES = "yes", pgettext_lazy("rsvp", "I will go")
        MAYBE = "maybe", pgettext_lazy("rsvp", "Maybe")
        NO = "no", pgettext_lazy("rsvp", "I cannot go")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rsvps")
    person = models.ForeignKey(
        "orgs.Person", on_delete=models.CASCADE, related_name="rsvps"
    )
    occurs_on = models.DateField()
    answer = models.CharField(_("answer"), max_length=8, choices=Answer.choices)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["person__sort_name", "person__name"]
        verbose_name = _("answer to an event")
        verbose_name_plural = _("answers to events")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person", "occurs_on"], name="one_rsvp_per_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person_id} → {self.event_id} {self.occurs_on}: {self.answer}"
