"""Solidarity requests and the pledges of the unions they ask."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from alianza.lib.money import validate_currency
from alianza.multilingual.models import Multilingual
from alianza.multilingual.text import render_for
from alianza.orgs.audience import Audience, HasAudience, audience_field, leaders_of

from .campaigns import Campaign


class SolidarityRequest(HasAudience, Multilingual):
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
    closed_at = models.DateTimeField(null=True, blank=True)
    #: Who reads it once it is published (the asked unions' leaders always do);
    #: until then its union's leaders only.
    audience = audience_field(Audience.LEADERS)
    comments_open = models.BooleanField(
        _("open to comments"),
        default=False,
        help_text=_("Whoever may read it may comment; its union's leaders moderate."),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("solidarity request")
        verbose_name_plural = _("solidarity requests")

    def __str__(self) -> str:
        return render_for(self, "title", get_language() or "en").text

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
        lines = [leaders_of(self.organisation)]
        if self.status in (self.Status.PUBLISHED, self.Status.CLOSED):
            names = ", ".join(str(o) for o in self.audiences.all())
            lines.append(
                str(_("The administrators, staff and officers of %(orgs)s, asked."))
                % {"orgs": names}
            )
            if self.audience != Audience.LEADERS:
                lines.append(self.audience_line())
        elif self.audience != Audience.LEADERS:
            lines.append(
                str(_("Once it is published: %(audience)s"))
                % {"audience": self.audience_line()}
            )
        return lines

    @property
    def is_out(self) -> bool:
        """Published or closed: its audience may read it."""
        return self.status in (self.Status.PUBLISHED, self.Status.CLOSED)


class Pledge(Multilingual):
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

    TRANSLATABLE_FIELDS = ("description",)

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
    #: An ISO 4217 code of the list (``lib/money.py``); blank when no amount.
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, validators=[validate_currency]
    )
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
        description = render_for(self, "description", get_language() or "en").text
        return f"{self.organisation}: {description}"

    def get_absolute_url(self) -> str:
        return self.request.get_absolute_url() + f"#pledge-{self.pk}"

    @property
    def is_done(self) -> bool:
        """The pledging union did what it pledged."""
        return self.status == self.Status.DONE
