from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alianza.multilingual.models import Multilingual
from alianza.orgs.audience import Audience, HasAudience, audience_field, leaders_of


class Document(HasAudience, Multilingual):
    """A file a union keeps: a contract, a report, a letter. Its own until shared."""

    TRANSLATABLE_FIELDS = ("title", "description")

    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title of the document"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    file = models.FileField(_("file"), upload_to="documents/%Y/%m/")
    original_name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    audience = audience_field(Audience.LEADERS)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("documents:document", args=[self.pk])

    def audience_lines(self) -> list[str]:
        lines = [leaders_of(self.organisation)]
        if self.audience != Audience.LEADERS:
            lines.append(self.audience_line())
        return lines
