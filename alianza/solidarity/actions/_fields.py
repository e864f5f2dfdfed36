"""Checks of the text fields every kind of record shares."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from alianza.orgs.audience import Audience, check_audience


def language_code(language: str) -> str:
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    return language


def required_text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


def audience_fields(model, organisation, audience: str | None, unit) -> dict:
    """The audience the author chose (the model's default when she chose none),
    checked: a unit of her own union when it is for a unit's members."""
    audience = audience or model._meta.get_field("audience").default
    check_audience(audience, unit, organisation)
    return {
        "audience": audience,
        "audience_unit": unit if audience == Audience.UNIT else None,
    }
