"""Collective agreements, their clauses and wages, exchange rates, bargaining rounds."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alianza.lib.folding import FoldedField, KeepsFolded
from alianza.orgs.models import Country


class Topic(models.TextChoices):
    """The taxonomy every clause is classified into."""

    WAGES = "wages", _("Wages and classifications")
    HOURS = "hours", _("Hours and overtime")
    LEAVE = "leave", _("Leave and absences")
    ATTENDANCE = "attendance", _("Attendance policy")
    DRUG_TESTING = "drug_testing", _("Drug and alcohol testing")
    GRIEVANCE = "grievance", _("Grievance and arbitration procedure")
    HEALTH_SAFETY = "health_safety", _("Health and safety")
    SENIORITY = "seniority", _("Seniority")
    BENEFITS = "benefits", _("Pensions and benefits")
    UNION_SECURITY = "union_security", _("Union security and rights")
    COMMITTEES = "committees", _("Joint committees")
    TRAINING = "training", _("Training")
    EQUALITY = "equality", _("Equality and non-discrimination")
    SUBCONTRACTING = "subcontracting", _("Subcontracting")
    DURATION = "duration", _("Duration")
    OTHER = "other", _("Other")


class Agreement(KeepsFolded, models.Model):
    """One version of a collective agreement between a union and an employer."""

    class Extraction(models.TextChoices):
        NONE = "none", _("No file")
        QUEUED = "queued", _("Waiting to be read")
        RUNNING = "running", _("Being read")
        DONE = "done", _("Read")
        FAILED = "failed", _("Could not be read")

    class Legitimation(models.TextChoices):
        NOT_APPLICABLE = "", _("Not applicable")
        PENDING = "pending", _("Legitimation pending")
        LEGITIMATED = "legitimated", _("Legitimated by the workers' vote")
        REJECTED = "rejected", _("Rejected by the workers' vote")

    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        related_name="agreements",
        verbose_name=_("union"),
    )
    unit = models.ForeignKey(
        "orgs.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("unit"),
    )
    employer = models.ForeignKey(
        "employers.Employer",
        on_delete=models.PROTECT,
        related_name="agreements",
        verbose_name=_("employer"),
    )
    worksites = models.ManyToManyField(
        "employers.Worksite",
        blank=True,
        related_name="agreements",
        verbose_name=_("worksites"),
    )
    title = models.CharField(_("title"), max_length=200)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    language = models.CharField(
        _("language of the text"), max_length=8, choices=settings.LANGUAGES
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    replaces = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="later_versions",
        verbose_name=_("replaces"),
    )
    effective_on = models.DateField(_("effective"), null=True, blank=True)
    expires_on = models.DateField(_("expires"), null=True, blank=True)
    parties = models.CharField(_("parties"), max_length=300, blank=True)
    coverage = models.CharField(_("coverage"), max_length=300, blank=True)
    covered_workers = models.PositiveIntegerField(
        _("workers covered"), null=True, blank=True
    )
    annual_increases = models.JSONField(
        _("general wage increase per year (%)"), default=list, blank=True
    )
    registry_number = models.CharField(
        _("file number at the labour registry"), max_length=100, blank=True
    )
    legitimation = models.CharField(
        _("legitimation"),
        max_length=16,
        choices=Legitimation.choices,
        default=Legitimation.NOT_APPLICABLE,
        blank=True,
    )
    legitimation_vote_url = models.CharField(
        _("link to the legitimation vote"), max_length=300, blank=True
    )
    remind_days_before = models.PositiveSmallIntegerField(
        _("remind this many days before expiry"), default=120
    )
    reminded_for = models.DateField(null=True, blank=True, editable=False)
    file = models.FileField(_("file"), upload_to="agreements/%Y/%m/", blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    extraction = models.CharField(
        max_length=10, choices=Extraction.choices, default=Extraction.NONE
    )
    progress = models.PositiveSmallIntegerField(default=0)
    extraction_note = models.CharField(max_length=500, blank=True)
    ocr_used = models.BooleanField(default=False)
    text = models.TextField(blank=True)
    illustrative = models.BooleanField(_("illustrative"), default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    #: Its title, parties and registry number folded (lower case, no accents).
    search_text = FoldedField(
        sources=("title", "parties", "registry_number"), max_length=700
    )

    class Meta:
        ordering = ["expires_on", "title"]
        verbose_name = _("collective agreement")
        verbose_name_plural = _("collective agreements")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True)
                | models.Q(effective_on__isnull=True)
                | models.Q(expires_on__gte=models.F("effective_on")),
                name="agreement_expires_after_effective",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("contracts:agreement", args=[self.pk])

    def audience_lines(self) -> list[str]:
        return [
            str(_("The administrators, staff and officers of %(org)s."))
            % {"org": self.organisation}
        ]

    @property
    def is_being_read(self) -> bool:
        """Its file waits to be read or is being read: the page follows the progress."""
        return self.extraction in {self.Extraction.QUEUED, self.Extraction.RUNNING}

    @property
    def reading_failed(self) -> bool:
        return self.extraction == self.Extraction.FAILED

    @property
    def extraction_message(self) -> str:
        """Why the file could not be read, in the reader's language."""
        from .extraction import MESSAGES

        return str(MESSAGES.get(self.extraction_note, self.extraction_note))

    @property
    def duration_months(self) -> int | None:
        if not (self.effective_on and self.expires_on):
            return None
        months = (self.expires_on.year - self.effective_on.year) * 12
        months += self.expires_on.month - self.effective_on.month
        return months + (1 if self.expires_on.day >= self.effective_on.day else 0)

    @property
    def increases(self) -> list[Decimal]:
        return [Decimal(str(x)) for x in self.annual_increases or []]

    @property
    def first_year_increase(self) -> Decimal | None:
        return self.increases[0] if self.increases else None

    @property
    def average_increase(self) -> Decimal | None:
        values = self.increases
        if not values:
            return None
        return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01"))


class Clause(models.Model):
    """One clause (or article) of an agreement, classified into a topic."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="clauses"
    )
    position = models.PositiveIntegerField(default=0)
    article = models.CharField(_("article"), max_length=200, blank=True)
    number = models.CharField(_("clause"), max_length=40, blank=True)
    heading = models.CharField(_("heading"), max_length=300, blank=True)
    text = models.TextField(_("text"))
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    topic = models.CharField(
        _("topic"), max_length=20, choices=Topic.choices, default=Topic.OTHER
    )
    topic_corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["agreement", "position"]
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
        indexes = [models.Index(fields=["topic", "agreement"])]

    def __str__(self) -> str:
        label = " · ".join(p for p in [self.article, self.number] if p)
        return f"{label} — {self.heading}" if self.heading else label

    def get_absolute_url(self) -> str:
        return self.agreement.get_absolute_url() + f"#clause-{self.pk}"

    @property
    def corrected(self) -> bool:
        return self.topic_corrected_by_id is not None


class Currency(models.TextChoices):
    USD = "USD", "USD"
    MXN = "MXN", "MXN"
    CAD = "CAD", "CAD"
    PEN = "PEN", "PEN"
    GBP = "GBP", "GBP"
    EUR = "EUR", "EUR"


class WageRate(models.Model):
    """A rate of pay for one classification, as the agreement states it."""

    class Per(models.TextChoices):
        HOUR = "hour", _("per hour")
        DAY = "day", _("per day")
        WEEK = "week", _("per week")
        MONTH = "month", _("per month")

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="wages"
    )
    classification = models.CharField(_("classification"), max_length=200)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.USD
    )
    per = models.CharField(_("paid"), max_length=5, choices=Per.choices)
    hours = models.DecimalField(
        _("hours in the period"),
        max_digits=6,
        decimal_places=2,
        default=Decimal(1),
        help_text=_("1 for an hourly rate; 8 for a daily rate of an eight-hour shift."),
    )
    effective_on = models.DateField(_("effective"))

    class Meta:
        ordering = ["agreement", "classification"]
        verbose_name = _("wage rate")
        verbose_name_plural = _("wage rates")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gt=0), name="wage_hours_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="wage_amount_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.classification}: {self.amount} {self.currency}"

    @property
    def hourly(self) -> Decimal:
        return (self.amount / self.hours).quantize(Decimal("0.01"))


class ExchangeRate(models.Model):
    """How many US dollars one unit of a currency buys, from a given day."""

    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    valid_on = models.DateField(_("from"))
    usd_per_unit = models.DecimalField(
        _("US dollars per unit"), max_digits=14, decimal_places=6
    )
    source = models.CharField(_("source"), max_length=200, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["currency", "-valid_on"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        constraints = [
            models.UniqueConstraint(
                fields=["currency", "valid_on"], name="one_rate_per_currency_and_day"
            ),
            models.CheckConstraint(
                condition=models.Q(usd_per_unit__gt=0), name="rate_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.currency} {self.valid_on}: {self.usd_per_unit}"

    def get_absolute_url(self) -> str:
        return reverse("contracts:rates")


class BargainingRound(models.Model):
    """The negotiation of the agreement that will follow ``agreement``."""

    class Status(models.TextChoices):
        PREPARING = "preparing", _("Preparing")
        BARGAINING = "bargaining", _("At the table")
        TENTATIVE = "tentative", _("Tentative agreement")
        SETTLED = "settled", _("Settled")

    agreement = models.ForeignKey(
        Agreement, on_delete=models.PROTECT, related_name="rounds"
    )
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.BARGAINING
    )
    opened_on = models.DateField(_("opened"), default=timezone.localdate)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-opened_on"]
        verbose_name = _("bargaining round")
        verbose_name_plural = _("bargaining rounds")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("contracts:round", args=[self.pk])

    @property
    def organisation(self):
        return self.agreement.organisation

    def audience_lines(self) -> list[str]:
        return self.agreement.audience_lines()


class Proposal(models.Model):
    """One side's proposal on one article, set against the current language."""

    class Side(models.TextChoices):
        UNION = "union", _("Union")
        EMPLOYER = "employer", _("Employer")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        TENTATIVE = "tentative", _("Tentative")
        AGREED = "agreed", _("Agreed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Effect(models.TextChoices):
        GAIN = "gain", _("Gain")
        CONCESSION = "concession", _("Concession")
        NEUTRAL = "neutral", _("Neither")

    round = models.ForeignKey(
        BargainingRound, on_delete=models.CASCADE, related_name="proposals"
    )
    side = models.CharField(_("tabled by"), max_length=8, choices=Side.choices)
    article = models.CharField(_("article"), max_length=200)
    clause = models.ForeignKey(
        Clause,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("current language"),
    )
    topic = models.CharField(
        _("topic"), max_length=20, choices=Topic.choices, default=Topic.OTHER
    )
    summary = models.CharField(_("summary"), max_length=300)
    text = models.TextField(_("proposed language"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    effect = models.CharField(
        _("for the workers"),
        max_length=10,
        choices=Effect.choices,
        default=Effect.NEUTRAL,
    )
    tabled_on = models.DateField(_("tabled"), default=timezone.localdate)

    class Meta:
        ordering = ["round", "tabled_on", "id"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")

    def __str__(self) -> str:
        return self.summary

    def get_absolute_url(self) -> str:
        return self.round.get_absolute_url() + f"#proposal-{self.pk}"

    @property
    def is_the_employers(self) -> bool:
        """Tabled by the employer (not by the union)."""
        return self.side == self.Side.EMPLOYER

    @property
    def is_gain(self) -> bool:
        return self.effect == self.Effect.GAIN

    @property
    def is_concession(self) -> bool:
        return self.effect == self.Effect.CONCESSION


class ProposalEvent(models.Model):
    """A step in the round's timeline: a proposal tabled or its status changed."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="events"
    )
    happened_on = models.DateField(_("date"), default=timezone.localdate)
    status = models.CharField(max_length=10, choices=Proposal.Status.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["happened_on", "id"]
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")

    def __str__(self) -> str:
        return f"{self.proposal}: {self.status}"
