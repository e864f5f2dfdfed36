"""Letters and statements, and the officers who co-sign them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from alianza.multilingual.models import Multilingual
from alianza.multilingual.text import render_for
from alianza.orgs.audience import Audience, HasAudience, audience_field, leaders_of

from .campaigns import Campaign
from .requests import SolidarityRequest


class Letter(HasAudience, Multilingual):
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
    open_to_individuals = models.BooleanField(
        _("open to individual signatures"),
        default=False,
        help_text=_("Members and allies may add their names once it is published."),
    )
    #: Who reads it once published (the public page needs every signature
    #: confirmed); until then its union's leaders and its signatories.
    audience = audience_field(Audience.PUBLIC)

    class Meta:
        ordering = ["-dated", "title"]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")

    def __str__(self) -> str:
        return render_for(self, "title", get_language() or "en").text

    def get_absolute_url(self) -> str:
        return reverse("solidarity:letter", args=[self.pk])

    def audience_lines(self) -> list[str]:
        lines = [leaders_of(self.organisation), str(_("Its signatories."))]
        if self.audience == Audience.LEADERS:
            return lines
        if self.is_public:
            lines.append(self.audience_line(public_page=True))
        elif self.is_published and not self.is_for_the_public:
            lines.append(self.audience_line())
        else:
            lines.append(
                str(_("Once it is published: %(audience)s"))
                % {"audience": self.audience_line(public_page=True)}
            )
        return lines

    @property
    def all_confirmed(self) -> bool:
        """Every signature that counts (none withdrawn) is confirmed."""
        signatures = [s for s in self.signatures.all() if s.withdrawn_at is None]
        return bool(signatures) and all(s.confirmed_at for s in signatures)

    @property
    def shows_draft_mark(self) -> bool:
        """Its page and PDF say DRAFT until every co-signer has signed."""
        return not self.all_confirmed

    @property
    def takes_individual_signatures(self) -> bool:
        """Members and allies may add their names: open, and published."""
        return self.open_to_individuals and self.is_public

    @property
    def is_public(self) -> bool:
        """On its public page: published for the public, every signature confirmed."""
        return (
            self.status == self.Status.PUBLISHED
            and self.audience == Audience.PUBLIC
            and self.all_confirmed
        )

    @property
    def is_draft(self) -> bool:
        """Still taking signatories."""
        return self.status == self.Status.DRAFT

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class SignatureQuerySet(models.QuerySet):
    def active(self) -> "SignatureQuerySet":
        """The signatures that count: none withdrawn."""
        return self.filter(withdrawn_at__isnull=True)


class Signature(models.Model):
    """A co-signing organisation's signatory on a letter; counted only once
    confirmed: by the signer in Alianza, through an invitation link, or recorded by
    the letter's union from a confirmation on paper or by e-mail."""

    class Method(models.TextChoices):
        ALIANZA = "alianza", _("In Alianza, by the signatory")
        LINK = "link", _("Through an invitation link")
        PAPER = "paper", _("On paper")
        EMAIL = "email", _("By e-mail")

    letter = models.ForeignKey(
        Letter, on_delete=models.CASCADE, related_name="signatures"
    )
    person = models.ForeignKey(
        "orgs.Person", on_delete=models.PROTECT, related_name="signatures",
        verbose_name=_("signatory"), null=True, blank=True,
    )  # fmt: skip
    #: The signatory's name when she has no record in Alianza (an external signer).
    name = models.CharField(_("name"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="+",
        verbose_name=_("organisation"),
    )  # fmt: skip
    title = models.CharField(_("title"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    method = models.CharField(
        _("confirmed"), max_length=10, choices=Method.choices, default=Method.ALIANZA
    )
    #: The confirmation on paper or by e-mail, seen by the letter's union's leaders.
    evidence = models.FileField(
        _("confirmation"), upload_to="letters/evidence/%Y/%m/", blank=True
    )
    evidence_name = models.CharField(max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    recorded_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason"), blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    replaced_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = SignatureQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.UniqueConstraint(
                fields=["letter", "person"],
                condition=models.Q(withdrawn_at__isnull=True, person__isnull=False),
                name="one_signature_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.signatory_name} ({self.organisation})"

    @property
    def signatory_name(self) -> str:
        return self.person.name if self.person_id else self.name  # type: ignore[union-attr]

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def is_external(self) -> bool:
        """Signed for an organisation by someone without a record in Alianza."""
        return self.person_id is None

    @property
    def has_evidence(self) -> bool:
        return bool(self.evidence)

    @property
    def is_pending(self) -> bool:
        return self.confirmed_at is None and self.withdrawn_at is None
