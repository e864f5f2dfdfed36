from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alianza.multilingual.models import Multilingual


class JointSpace(Multilingual):
    """A space several organisations share: the alliance, a commission, a council."""

    class Kind(models.TextChoices):
        ALLIANCE = "alliance", _("Alliance")
        COMMISSION = "commission", _("Joint commission")
        COUNCIL = "council", _("Council at a common employer")
        GLOBAL_UNION = "global_union", _("Global union")

    TRANSLATABLE_FIELDS = ("description",)

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


class Participant(models.Model):
    """Who takes part in a joint space: a whole organisation (its officers, staff and
    administrators) or one person."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        PARTICIPANT = "participant", _("Participant")

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
