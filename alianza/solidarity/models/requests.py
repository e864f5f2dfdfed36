"""Solidarity requests: what a union asks of its partners, of whom, and what came
of it (the asks and pledges are in ``pledges``)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from alianza.multilingual.models import Multilingual
from alianza.multilingual.text import render_for
from alianza.orgs.audience import Audience, HasAudience, audience_field, leaders_of

from .campaigns import Campaign, Strike


class SolidarityRequest(HasAudience, Multilingual):
    """One union asks its partners for support: drafted, vetted, published."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        VETTED = "vetted", _("Vetted")
        PUBLISHED = "published", _("Published")
        CLOSED = "closed", _("Closed")

    class Result(models.TextChoices):
        MET = "met", _("Met")
        PARTLY_MET = "partly_met", _("Partly met")
        NOT_MET = "not_met", _("Not met")

    TRANSLATABLE_FIELDS = ("title", "body", "outcome")

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
    strike = models.ForeignKey(
        Strike,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("strike"),
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
    #: Locals and sections asked by name (the five ASARCO locals), besides whole
    #: unions: their officers answer for them.
    units = models.ManyToManyField(
        "orgs.Unit",
        blank=True,
        related_name="solidarity_requests_received",
        verbose_name=_("locals and sections asked"),
    )
    #: Unions whose administrators and staff are invited to help with the draft:
    #: they read it, translate it and may vet it.
    shared_with = models.ManyToManyField(
        "orgs.Organisation",
        blank=True,
        related_name="solidarity_requests_shared",
        verbose_name=_("draft shared with"),
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
    #: What came of it, written when it is closed (in the request's language).
    outcome = models.TextField(_("outcome"), blank=True)
    result = models.CharField(
        _("result"), max_length=12, choices=Result.choices, blank=True
    )
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
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    @property
    def is_met(self) -> bool:
        return self.result == self.Result.MET

    @property
    def is_answerable(self) -> bool:
        """Published and not closed: it may be pledged to."""
        return self.status == self.Status.PUBLISHED

    @property
    def is_in_preparation(self) -> bool:
        """Drafted or vetted: not yet sent to the unions it asks."""
        return self.status in (self.Status.DRAFT, self.Status.VETTED)

    def audience_lines(self) -> list[str]:
        lines = [leaders_of(self.organisation)]
        if self.status in (self.Status.PUBLISHED, self.Status.CLOSED):
            names = ", ".join(
                [str(o) for o in self.audiences.all()]
                + [str(u) for u in self.units.all()]
            )
            lines.append(
                str(_("The administrators, staff and officers of %(orgs)s, asked."))
                % {"orgs": names}
            )
            if self.audience != Audience.LEADERS:
                lines.append(
                    str(
                        _(
                            "The members of %(orgs)s; they see who pledged only as "
                            "totals."
                        )
                    )
                    % {"orgs": names}
                )
                lines.append(self.audience_line())
        else:
            if self.audience != Audience.LEADERS:
                lines.append(
                    str(_("Once it is published: %(audience)s"))
                    % {"audience": self.audience_line()}
                )
            if self.pk is not None and self.shared_with.exists():
                names = ", ".join(str(o) for o in self.shared_with.all())
                lines.append(
                    str(_("The administrators and staff of %(orgs)s, invited to help."))
                    % {"orgs": names}
                )
        return lines

    @property
    def is_out(self) -> bool:
        """Published or closed: its audience may read it."""
        return self.status in (self.Status.PUBLISHED, self.Status.CLOSED)
