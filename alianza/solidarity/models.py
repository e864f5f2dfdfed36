"""Solidarity and organizing: campaigns with their timeline, strikes, organizing
targets, events and commemorations, solidarity requests with pledges, and letters."""

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from alianza.multilingual.models import Multilingual
from alianza.orgs.models import Country

#: Mexico's Federal Labour Law: a union needs the support of 30% of the covered
#: workers for a representation certificate (constancia de representatividad).
CERTIFICATE_THRESHOLD = 30


def _leaders_of(organisation) -> str:
    return str(_("The administrators, staff and officers of %(org)s.")) % {
        "org": organisation
    }


class Campaign(Multilingual):
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

    TRANSLATABLE_FIELDS = ("title", "summary")

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

    class Meta:
        ordering = ["status", "-started_on", "title"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("solidarity:campaign", args=[self.pk])

    @property
    def is_organizing(self) -> bool:
        """An organizing campaign: it has targets in the organizing pipeline."""
        return self.kind == self.Kind.ORGANIZING

    def audience_lines(self) -> list[str]:
        return [
            _leaders_of(self.organisation),
            str(_("The people named on the campaign's team.")),
        ]

    def targets(self) -> list[str]:
        return [str(t) for t in (self.employer, self.worksite, self.government) if t]


class TimelineEntry(models.Model):
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
        return self.title

    def get_absolute_url(self) -> str:
        return self.campaign.get_absolute_url() + f"#entry-{self.pk}"


class Strike(Multilingual):
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

    class Meta:
        ordering = ["started_on"]
        verbose_name = _("strike")
        verbose_name_plural = _("strikes")

    def __str__(self) -> str:
        return f"{self.unit} – {self.worksite}"

    def get_absolute_url(self) -> str:
        return reverse("solidarity:strike", args=[self.pk])

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


class OrganizingTarget(models.Model):
    """A worksite where a union organizes to replace a protection contract."""

    class Stage(models.TextChoices):
        PROTECTION_CONTRACT = "protection", _("Protection contract")
        CONTACTS = "contacts", _("Contacts")
        COMMITTEE = "committee", _("Organizing committee")
        CERTIFICATE = "certificate", _("Representation certificate")
        APPROVAL_VOTE = "approval_vote", _("Approval vote")
        FIRST_CONTRACT = "first_contract", _("First contract")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="organizing_targets"
    )
    worksite = models.ForeignKey(
        "employers.Worksite",
        on_delete=models.PROTECT,
        related_name="organizing_targets",
        verbose_name=_("worksite"),
    )
    stage = models.CharField(
        _("stage"),
        max_length=16,
        choices=Stage.choices,
        default=Stage.PROTECTION_CONTRACT,
    )
    covered_workers = models.PositiveIntegerField(
        _("covered workers"), null=True, blank=True
    )
    supporters = models.PositiveIntegerField(
        _("workers who signed support"), null=True, blank=True
    )
    support_recorded_on = models.DateField(null=True, blank=True)
    # The secret-ballot vote that proves the 30% support; once published, its
    # result decides (the team's own count is only a guide until then).
    representation_election = models.ForeignKey(
        "elections.Election",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organizing_targets",
        verbose_name=_("support vote"),
    )
    illustrative = models.BooleanField(_("illustrative"), default=False)

    class Meta:
        ordering = ["worksite__employer__name"]
        verbose_name = _("organizing target")
        verbose_name_plural = _("organizing targets")

    def __str__(self) -> str:
        return f"{self.worksite.employer.name} – {self.worksite.name}"

    def get_absolute_url(self) -> str:
        return reverse("solidarity:target", args=[self.pk])

    def stage_index(self) -> int:
        return list(self.Stage.values).index(self.stage)

    @property
    def support_vote_published(self) -> bool:
        """The secret-ballot vote of support is joined and its result published."""
        election = self.representation_election
        return election is not None and election.status == "published"

    def vote_outcome(self):
        """The published result of the support vote, when there is one."""
        election = self.representation_election
        if election is None or not self.support_vote_published or not election.result:
            return None
        from alianza.elections.outcome import decide

        return decide(
            election, election.result["counts"][0], election.result["counted"]
        )

    @property
    def support_reached(self) -> bool:
        outcome = self.vote_outcome()
        if outcome is not None:
            return bool(outcome.passed)
        return bool(
            self.covered_workers
            and self.supporters is not None
            and self.supporters * 100 >= CERTIFICATE_THRESHOLD * self.covered_workers
        )

    def support_explanation(self) -> str:
        outcome = self.vote_outcome()
        if outcome is not None:
            return outcome.explanation
        if not self.covered_workers or self.supporters is None:
            return str(
                _(
                    "No support figures yet: %(pct)d%% of the covered workers must sign "
                    "for a representation certificate."
                )
            ) % {"pct": CERTIFICATE_THRESHOLD}
        values = {
            "signed": number_format(self.supporters, force_grouping=True),
            "covered": number_format(self.covered_workers, force_grouping=True),
            "pct": CERTIFICATE_THRESHOLD,
        }
        if self.support_reached:
            return (
                str(
                    _(
                        "%(signed)s of %(covered)s covered workers signed: %(pct)d%% "
                        "needed — reached."
                    )
                )
                % values
            )
        return (
            str(
                _(
                    "%(signed)s of %(covered)s covered workers signed: %(pct)d%% needed — "
                    "not reached yet."
                )
            )
            % values
        )


class OrganizingContact(models.Model):
    """A worker in touch with the organizers. Only the campaign's team sees them."""

    target = models.ForeignKey(
        OrganizingTarget, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    position = models.CharField(_("job or area"), max_length=200, blank=True)
    on_committee = models.BooleanField(_("on the organizing committee"), default=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organizing contact")
        verbose_name_plural = _("organizing contacts")

    def __str__(self) -> str:
        return self.name


class Event(Multilingual):
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

    class Meta:
        ordering = ["starts_on"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("solidarity:events") + f"#event-{self.pk}"

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


class Delegation(models.Model):
    """An organisation's delegation to an event."""

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


class SolidarityRequest(Multilingual):
    """One union asks its partners for support: drafted, vetted, published."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        VETTED = "vetted", _("Vetted")
        PUBLISHED = "published", _("Published")
        CLOSED = "closed", _("Closed")

    TRANSLATABLE_FIELDS = ("title", "body")

    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        related_name="solidarity_requests",
        verbose_name=_("organisation"),
    )
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("campaign"),
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("what we ask"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    audiences = models.ManyToManyField(
        "orgs.Organisation",
        blank=True,
        related_name="solidarity_requests_received",
        verbose_name=_("asked of"),
    )
    deadline = models.DateField(_("answer by"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    vetted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("solidarity request")
        verbose_name_plural = _("solidarity requests")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("solidarity:request", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_vetted(self) -> bool:
        """Checked by an administrator or staff member: it may be published."""
        return self.status == self.Status.VETTED

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_in_preparation(self) -> bool:
        """Drafted or vetted: not yet sent to the unions it asks."""
        return self.status in (self.Status.DRAFT, self.Status.VETTED)

    def audience_lines(self) -> list[str]:
        lines = [_leaders_of(self.organisation)]
        if self.status in (self.Status.PUBLISHED, self.Status.CLOSED):
            names = ", ".join(str(o) for o in self.audiences.all())
            lines.append(
                str(_("The administrators, staff and officers of %(orgs)s, asked."))
                % {"orgs": names}
            )
        return lines


class Pledge(models.Model):
    """A partner's answer to a solidarity request: what it will do, then did."""

    class Kind(models.TextChoices):
        LETTER = "letter", _("Letter")
        RALLY = "rally", _("Rally")
        DELEGATION = "delegation", _("Delegation")
        DONATION = "donation", _("Donation")
        STATEMENT = "statement", _("Statement")

    class Status(models.TextChoices):
        PLEDGED = "pledged", _("Pledged")
        DONE = "done", _("Done")

    request = models.ForeignKey(
        SolidarityRequest, on_delete=models.CASCADE, related_name="pledges"
    )
    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        related_name="pledges",
        verbose_name=_("organisation"),
    )
    unit = models.ForeignKey(
        "orgs.Unit", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("unit"),
    )  # fmt: skip
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    description = models.CharField(_("what"), max_length=300)
    amount = models.DecimalField(
        _("amount"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PLEDGED
    )
    pledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    pledged_at = models.DateTimeField(default=timezone.now)
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["pledged_at"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.description}"

    def get_absolute_url(self) -> str:
        return self.request.get_absolute_url() + f"#pledge-{self.pk}"

    @property
    def is_done(self) -> bool:
        """The pledging union did what it pledged."""
        return self.status == self.Status.DONE


class Letter(Multilingual):
    """A letter or statement, written in one language, co-signed by officers."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    TRANSLATABLE_FIELDS = ("title", "body")

    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        related_name="letters",
        verbose_name=_("organisation"),
    )
    slug = models.SlugField(unique=True)
    campaign = models.ForeignKey(
        Campaign, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="letters", verbose_name=_("campaign"),
    )  # fmt: skip
    request = models.ForeignKey(
        SolidarityRequest, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="letters", verbose_name=_("in answer to"),
    )  # fmt: skip
    addressee = models.CharField(_("to"), max_length=300, blank=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    dated = models.DateField(_("date"), default=timezone.localdate)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-dated", "title"]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("solidarity:letter", args=[self.pk])

    def audience_lines(self) -> list[str]:
        lines = [_leaders_of(self.organisation), str(_("Its signatories."))]
        if self.is_public:
            lines.append(str(_("Everyone: it is published on a public page.")))
        return lines

    @property
    def all_confirmed(self) -> bool:
        signatures = list(self.signatures.all())
        return bool(signatures) and all(s.confirmed_at for s in signatures)

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.all_confirmed

    @property
    def is_draft(self) -> bool:
        """Still taking signatories."""
        return self.status == self.Status.DRAFT

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Signature(models.Model):
    """A signatory of a letter; counted only once the signer confirms it."""

    letter = models.ForeignKey(
        Letter, on_delete=models.CASCADE, related_name="signatures"
    )
    person = models.ForeignKey(
        "orgs.Person", on_delete=models.PROTECT, related_name="signatures",
        verbose_name=_("signatory"),
    )  # fmt: skip
    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="+",
        verbose_name=_("organisation"),
    )  # fmt: skip
    title = models.CharField(_("title"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.UniqueConstraint(
                fields=["letter", "person"], name="one_signature_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.organisation})"
