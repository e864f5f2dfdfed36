"""Checks of the text fields every kind of record shares."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def language_code(language: str) -> str:
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    return language


def required_text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value
