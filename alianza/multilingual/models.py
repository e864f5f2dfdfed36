from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Translation(models.Model):
    """A translation of one field of a user-written record into one language."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    record = GenericForeignKey("content_type", "object_id")
    field = models.CharField(max_length=64)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    text = models.TextField(_("translation"))
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="one_translation_per_language",
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.field} [{self.language}]"


class Multilingual(models.Model):
    """Mixin for records whose text users write in one language and others translate.

    ``language`` records the language the text was written in; ``TRANSLATABLE_FIELDS``
    names the fields that translations may be attached to.
    """

    TRANSLATABLE_FIELDS: tuple[str, ...] = ()

    language = models.CharField(
        _("written in"), max_length=8, choices=settings.LANGUAGES, default="en"
    )

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        raise NotImplementedError

    def translations_for(self, field: str) -> dict[str, Translation]:
        cache = getattr(self, "_translations_cache", None)
        if cache is None:
            ct = ContentType.objects.get_for_model(type(self))
            cache = {}
            for tr in Translation.objects.filter(
                content_type=ct, object_id=str(self.pk)
            ):
                cache[(tr.field, tr.language)] = tr
            self._translations_cache = cache
        return {lang: tr for (f, lang), tr in cache.items() if f == field}
