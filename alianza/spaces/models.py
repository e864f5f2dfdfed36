from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from alianza.multilingual.models import Multilingual
from alianza.multilingual.text import render_for
from alianza.orgs.address import addressed, addressed_label


class JointSpace(Multilingual):
    """A space several organisations share: the alliance, a commission, a council."""

    class Kind(models.TextChoices):
        ALLIANCE = "alliance", _("Alliance")
        COMMISSION = "commission", _("Joint commission")
        COUNCIL = "council", _("Council at a common employer")
        GLOBAL_UNION = "global_union", _("Global union")

    TRANSLATABLE_FIELDS = ("name", "description")

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    established_on = models.DateField(_("established"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("joint space")
        verbose_name_plural = _("joint spaces")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("spaces:space", args=[self.slug])

    def audience_lines(self) -> list[str]:
        return [
            str(
                _(
                    "Its participants: the people named, and the administrators, staff "
                    "and officers of the participating organisations."
                )
            )
        ]


class Participant(Multilingual):
    """Who takes part in a joint space: a whole organisation (its officers, staff and
    administrators) or one person."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        PARTICIPANT = "participant", _("Participant")

    TRANSLATABLE_FIELDS = ("title",)

    space = models.ForeignKey(
        JointSpace, on_delete=models.CASCADE, related_name="participants"
    )
    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="space_participations",
    )
    person = models.ForeignKey(
        "orgs.Person",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="space_participations",
    )
    role = models.CharField(
        _("role"), max_length=16, choices=Role.choices, default=Role.PARTICIPANT
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    joined_on = models.DateField(_("since"), null=True, blank=True)

    class Meta:
        ordering = ["space", "role", "id"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(organisation__isnull=False, person__isnull=True)
                    | models.Q(organisation__isnull=True, person__isnull=False)
                ),
                name="participant_is_organisation_or_person",
            )
        ]

    def __str__(self) -> str:
        return str(self.organisation or self.person)

    @property
    def addressed_role(self) -> str:
        """The role's name; for a person, agreeing with her ("Coordinadora")."""
        address = self.person.address_as if self.person is not None else ""
        return addressed_label(self.Role(self.role).label, address)

    @property
    def addressed_title(self) -> str:
        """Its title in the reader's language when someone translated it; else
        agreeing with the person when it is a usual name."""
        rendition = render_for(self, "title", get_language() or "en")
        if rendition.is_translation:
            return rendition.text
        address = self.person.address_as if self.person is not None else ""
        return addressed(self.title, address)

    def get_absolute_url(self) -> str:
        """A participant is shown on its space's page."""
        return self.space.get_absolute_url()


class ShareQuerySet(models.QuerySet["Share"]):
    def active(self) -> "ShareQuerySet":
        return self.filter(withdrawn_at__isnull=True)

    def of(self, record: models.Model) -> "ShareQuerySet":
        ct = ContentType.objects.get_for_model(type(record))
        return self.filter(content_type=ct, object_id=str(record.pk))


class Share(models.Model):
    """The explicit, logged act of sharing a record into a joint space."""

    space = models.ForeignKey(
        JointSpace, on_delete=models.CASCADE, related_name="shares"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    record = GenericForeignKey("content_type", "object_id")
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    shared_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(_("note"), max_length=300, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ShareQuerySet.as_manager()

    class Meta:
        ordering = ["-shared_at"]
        verbose_name = _("share")
        verbose_name_plural = _("shares")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.content_type.model}#{self.object_id} → {self.space}"


class Proposal(Multilingual):
    """A decision that concerns a joint space as a whole, proposed by one coordinating
    union: it takes effect when each coordinating union has accepted it, and any of
    them may reject it."""

    class Kind(models.TextChoices):
        ADD_PARTICIPANT = "add_participant", _("Add a participant")
        ADD_UNIT = "add_unit", _("Add a unit to the council")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the other unions")
        ACCEPTED = "accepted", _("Accepted, in effect")
        REJECTED = "rejected", _("Rejected")

    TRANSLATABLE_FIELDS = ("title",)

    space = models.ForeignKey(
        JointSpace, on_delete=models.CASCADE, related_name="proposals"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    role = models.CharField(
        _("role"), max_length=16, choices=Participant.Role.choices, blank=True
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    unit = models.ForeignKey(
        "orgs.Unit",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit"),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_for = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("proposed for"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    proposed_at = models.DateTimeField(_("proposed"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["-proposed_at", "-id"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject}"

    def get_absolute_url(self) -> str:
        return self.space.get_absolute_url() + f"#proposal-{self.pk}"

    @property
    def subject(self) -> str:
        """What is proposed: the unit or the organisation it concerns."""
        return str(self.unit or self.organisation or "")

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_accepted(self) -> bool:
        return self.status == self.Status.ACCEPTED

    @property
    def is_rejected(self) -> bool:
        return self.status == self.Status.REJECTED


class Acceptance(models.Model):
    """One coordinating union's answer to a proposal."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="answers"
    )
    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    accepted = models.BooleanField(_("accepted"))
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered"), default=timezone.now)

    class Meta:
        ordering = ["answered_at", "id"]
        verbose_name = _("answer to a proposal")
        verbose_name_plural = _("answers to proposals")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "organisation"], name="one_answer_per_union"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.proposal}"
