"""What a solidarity request asks for (its asks), and what answers it: the pledges
of the unions, locals and sections asked, and the personal pledges of members."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from alianza.lib.money import validate_currency
from alianza.multilingual.models import Multilingual
from alianza.multilingual.text import render_for

from .requests import SolidarityRequest


class Ask(Multilingual):
    """One thing a request asks for: a letter, a donation, a delegation, a rally."""

    class Kind(models.TextChoices):
        LETTER = "letter", _("Letter")
        DONATION = "donation", _("Donation")
        DELEGATION = "delegation", _("Delegation")
        RALLY = "rally", _("Rally")
        OTHER = "other", _("Other")

    TRANSLATABLE_FIELDS = ("description",)

    request = models.ForeignKey(
        SolidarityRequest, on_delete=models.CASCADE, related_name="asks"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    description = models.CharField(_("what we ask"), max_length=300)
    #: How much or how many, if the request says (an amount for a donation, a
    #: number of letters or of people otherwise).
    target = models.DecimalField(
        _("target"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, validators=[validate_currency]
    )

    class Meta:
        ordering = ["request", "pk"]
        verbose_name = _("ask")
        verbose_name_plural = _("asks")

    def __str__(self) -> str:
        return render_for(self, "description", get_language() or "en").text

    def get_absolute_url(self) -> str:
        return self.request.get_absolute_url() + f"#ask-{self.pk}"

    @property
    def is_donation(self) -> bool:
        return self.kind == self.Kind.DONATION


class Pledge(Multilingual):
    """A partner's answer to a solidarity request: what a union, or one of its locals
    or sections, will do, then did."""

    class Kind(models.TextChoices):
        LETTER = "letter", _("Letter")
        RALLY = "rally", _("Rally")
        DELEGATION = "delegation", _("Delegation")
        DONATION = "donation", _("Donation")
        STATEMENT = "statement", _("Statement")
        OTHER = "other", _("Other")

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
    #: The local or section that pledges; empty when the union pledges as a whole.
    unit = models.ForeignKey(
        "orgs.Unit", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("unit"),
    )  # fmt: skip
    #: The ask of the request it answers, if any.
    ask = models.ForeignKey(
        Ask, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="pledges", verbose_name=_("answers the ask"),
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
        return f"{self.pledger_name}: {description}"

    def get_absolute_url(self) -> str:
        return self.request.get_absolute_url() + f"#pledge-{self.pk}"

    @property
    def is_done(self) -> bool:
        """The pledging union did what it pledged."""
        return self.status == self.Status.DONE

    @property
    def is_donation(self) -> bool:
        return self.kind == self.Kind.DONATION

    @property
    def pledger_name(self) -> str:
        """The local or section that pledged, or its union as a whole."""
        if self.unit is not None:
            return f"{self.unit} ({self.organisation.short_name})"
        return str(self.organisation)


class PersonalPledge(models.Model):
    """What one member will do herself for a request: write, attend, call, share,
    donate. Counted apart from the pledges of unions; she may withdraw it."""

    class Kind(models.TextChoices):
        WRITE = "write", _("Write a letter or message")
        ATTEND = "attend", _("Attend the action")
        CALL = "call", _("Make a call")
        SHARE = "share", _("Share the request")
        DONATE = "donate", _("Donate")

    request = models.ForeignKey(
        SolidarityRequest, on_delete=models.CASCADE, related_name="personal_pledges"
    )
    person = models.ForeignKey(
        "orgs.Person", on_delete=models.CASCADE, related_name="solidarity_pledges"
    )
    kind = models.CharField(_("I will"), max_length=8, choices=Kind.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    language = models.CharField(
        _("written in"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    pledged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-pledged_at"]
        verbose_name = _("personal pledge")
        verbose_name_plural = _("personal pledges")

    def __str__(self) -> str:
        return f"{self.person}: {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse("solidarity:request", args=[self.request_id]) + "#my-pledges"
