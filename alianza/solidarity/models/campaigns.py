"""A union's campaigns, their timeline and the strikes they support."""

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from alianza.multilingual.models import Multilingual
from alianza.multilingual.text import render_for
from alianza.orgs.audience import Audience, HasAudience, audience_field, leaders_of


class Campaign(HasAudience, Multilingual):
    """A union's campaign: organizing, strike support, legal defence, and so on."""

    class Kind(models.TextChoices):
        ORGANIZING = "organizing", pgettext_lazy("campaign kind", "Organizing")
        STRIKE_SUPPORT = "strike_support", _("Strike support")
        BARGAINING = "bargaining", _("Bargaining support")
        LEGAL_DEFENCE = "legal_defence", _("Legal defence")
        COMMEMORATION = "commemoration", _("Commemoration")
        ENVIRONMENTAL = "environmental", _("Environmental justice")
        POLICY = "policy", _("Policy")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        WON = "won", _("Won")
        SUSPENDED = "suspended", _("Suspended")
        CLOSED = "closed", _("Closed")

    TRANSLATABLE_FIELDS = ("title", "summary", "government")

    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        related_name="campaigns",
        verbose_name=_("organisation"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE
    )
    started_on = models.DateField(_("started"), null=True, blank=True)
    employer = models.ForeignKey(
        "employers.Employer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="campaigns",
        verbose_name=_("target employer"),
    )
    worksite = models.ForeignKey(
        "employers.Worksite",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="campaigns",
        verbose_name=_("target worksite"),
    )
    government = models.CharField(_("target government"), max_length=200, blank=True)
    team = models.ManyToManyField(
        "orgs.Person", blank=True, related_name="campaign_teams", verbose_name=_("team")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    illustrative = models.BooleanField(_("illustrative"), default=False)
    #: Who reads it; its organizing targets' contacts stay with the team whatever
    #: the audience.
    audience = audience_field(Audience.LEADERS)
    comments_open = models.BooleanField(
        _("open to comments"),
        default=False,
        help_text=_("Whoever may read it may comment; its union's leaders moderate."),
    )

    class Meta:
        ordering = ["status", "-started_on", "title"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self) -> str:
        return render_for(self, "title", get_language() or "en").text

    def get_absolute_url(self) -> str:
        return reverse("solidarity:campaign", args=[self.pk])

    @property
    def is_organizing(self) -> bool:
        """An organizing campaign: it has targets in the organizing pipeline."""
        return self.kind == self.Kind.ORGANIZING

    def audience_lines(self) -> list[str]:
        lines = [leaders_of(self.organisation)]
        if self.audience != Audience.LEADERS:
            lines.append(self.audience_line())
        lines.append(str(_("The people named on the campaign's team.")))
        if self.is_organizing:
            lines.append(
                str(_("The contacts of its organizing targets: its team only."))
            )
        return lines

    def targets(self) -> list[str]:
        """Its employer, worksite and government, in the reader's language."""
        government = render_for(self, "government", get_language() or "en").text
        return [str(t) for t in (self.employer, self.worksite, government) if t]


class TimelineEntry(Multilingual):
    """An event or an action in a campaign's history; support actions for a strike."""

    class Kind(models.TextChoices):
        EVENT = "event", _("Event")
        LETTER = "letter", _("Letter")
        RALLY = "rally", _("Rally or march")
        DELEGATION = "delegation", _("Delegation")
        DONATION = "donation", _("Donation")
        STATEMENT = "statement", _("Statement")
        LEGAL = "legal", _("Legal step")
        OTHER = "other", _("Other action")

    TRANSLATABLE_FIELDS = ("title",)

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="timeline"
    )
    strike = models.ForeignKey(
        "Strike",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="support_actions",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    happened_on = models.DateField(_("date"))
    title = models.CharField(_("what happened"), max_length=300)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-happened_on", "-id"]
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")

    def __str__(self) -> str:
        return render_for(self, "title", get_language() or "en").text

    def get_absolute_url(self) -> str:
        return self.campaign.get_absolute_url() + f"#entry-{self.pk}"


class Strike(HasAudience, Multilingual):
    """A strike, followed within a strike-support campaign."""

    TRANSLATABLE_FIELDS = ("demands",)

    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="strikes"
    )
    worksite = models.ForeignKey(
        "employers.Worksite",
        on_delete=models.PROTECT,
        related_name="strikes",
        verbose_name=_("worksite"),
    )
    unit = models.ForeignKey(
        "orgs.Unit",
        on_delete=models.PROTECT,
        related_name="strikes",
        verbose_name=_("unit on strike"),
    )
    started_on = models.DateField(_("on strike since"))
    ended_on = models.DateField(_("ended"), null=True, blank=True)
    demands = models.TextField(_("demands"))
    illustrative = models.BooleanField(_("illustrative"), default=False)
    #: A strike may reach further than its campaign: by default, the union's members.
    audience = audience_field(Audience.UNION)

    class Meta:
        ordering = ["started_on"]
        verbose_name = _("strike")
        verbose_name_plural = _("strikes")

    def __str__(self) -> str:
        return f"{self.unit} – {self.worksite}"

    def get_absolute_url(self) -> str:
        return reverse("solidarity:strike", args=[self.pk])

    @property
    def audience_organisation(self):
        return self.campaign.organisation

    def audience_lines(self) -> list[str]:
        lines = [leaders_of(self.campaign.organisation)]
        if self.audience != Audience.LEADERS:
            lines.append(self.audience_line())
        lines.append(str(_("Whoever may see its campaign.")))
        return lines

    def days(self, today: date | None = None) -> int:
        end = self.ended_on or today or timezone.localdate()
        return (end - self.started_on).days

    def duration_text(self, today: date | None = None) -> str:
        """ "17 years, 4 months" or "12 days": the running duration in words."""
        end = self.ended_on or today or timezone.localdate()
        months = (
            (end.year - self.started_on.year) * 12 + end.month - self.started_on.month
        )
        if end.day < self.started_on.day:
            months -= 1
        years, months = divmod(max(months, 0), 12)
        if years == 0 and months == 0:
            days = self.days(today)
            return ngettext("%(n)d day", "%(n)d days", days) % {"n": days}
        parts = []
        if years:
            parts.append(ngettext("%(n)d year", "%(n)d years", years) % {"n": years})
        if months:
            parts.append(
                ngettext("%(n)d month", "%(n)d months", months) % {"n": months}
            )
        return ", ".join(parts)
