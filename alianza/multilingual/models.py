from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TranslatedText(models.Model):
    """One field of a user-written record in one language, with who wrote it and for
    which union: what a shown translation and a past one have in common."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    record = GenericForeignKey("content_type", "object_id")
    field = models.CharField(max_length=64)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    text = models.TextField(_("translation"))
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    translator_name = models.CharField(_("translated by"), max_length=200, blank=True)
    union = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("for the union"),
    )
    machine = models.BooleanField(
        _("machine translation"),
        default=False,
        help_text=_("A draft from the translation server that no person has reviewed."),
    )

    class Meta:
        abstract = True

    @property
    def union_name(self) -> str:
        return self.union.short_name if self.union else ""


class Translation(TranslatedText):
    """A translation of one field of a user-written record into one language."""

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


class PastTranslation(TranslatedText):
    """A translation that is no longer shown: replaced by a newer one, or withdrawn
    because the union the text belongs to (or its author) rejected it."""

    class Outcome(models.TextChoices):
        REPLACED = "replaced", _("Replaced")
        WITHDRAWN = "withdrawn", _("Rejected and withdrawn")

    written_at = models.DateTimeField(_("written"))
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    ended_by_name = models.CharField(max_length=200, blank=True)
    ended_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-ended_at", "-id"]
        verbose_name = _("past translation")
        verbose_name_plural = _("past translations")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.field} [{self.language}] {self.outcome}"

    @property
    def was_withdrawn(self) -> bool:
        return self.outcome == self.Outcome.WITHDRAWN


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
            ).select_related("union"):
                cache[(tr.field, tr.language)] = tr
            self._translations_cache = cache
        return {lang: tr for (f, lang), tr in cache.items() if f == field}


class GlossaryTerm(models.Model):
    """One term of the alliance's vocabulary in its three languages, reviewed by the
    unions: machine drafts use it, and so do searches across languages."""

    en = models.CharField(_("English"), max_length=120)
    es = models.CharField(_("Spanish"), max_length=120)
    fr = models.CharField(_("French"), max_length=120)
    note = models.TextField(
        _("note on usage"),
        blank=True,
        help_text=_("When to use it, and what not to confuse it with."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_for = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("for the union"),
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["en"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        constraints = [
            models.UniqueConstraint(fields=["en"], name="one_glossary_term_per_word")
        ]

    def __str__(self) -> str:
        return f"{self.en} / {self.es} / {self.fr}"

    def in_language(self, language: str) -> str:
        """The term in ``language`` ("en", "es" or "fr"); "" for another."""
        return (
            str(getattr(self, language, "")) if language in GLOSSARY_LANGUAGES else ""
        )


#: The languages the glossary is kept in (the alliance's languages).
GLOSSARY_LANGUAGES = ("en", "es", "fr")
