"""Organizing targets: worksites where a campaign seeks a union's representation."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from .campaigns import Campaign

#: Mexico's Federal Labour Law: a union needs the support of 30% of the covered
#: workers for a representation certificate (constancia de representatividad).
CERTIFICATE_THRESHOLD = 30


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
        return f"{self.worksite.employer.name} – {self.worksite.display_name}"

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
