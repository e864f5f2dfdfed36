from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alianza.audit.log import record, scope_of
from alianza.lib.permissions import require

from .models import Multilingual, Translation


@transaction.atomic
def save_translation(
    actor: Any, record_obj: Multilingual, field: str, language: str, text: str
) -> Translation:
    """Attach (or replace) the translation of one field into one language.

    Whoever may edit the record may translate it.
    """
    meta = record_obj._meta
    require(actor, f"{meta.app_label}.change_{meta.model_name}", record_obj)
    if field not in record_obj.TRANSLATABLE_FIELDS:
        raise ValidationError(_("This text cannot be translated."))
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    if language == record_obj.language:
        raise ValidationError(
            {"language": _("This is the language the text was written in.")}
        )
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("The translation is empty.")})
    translation, _created = Translation.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(type(record_obj)),
        object_id=str(record_obj.pk),
        field=field,
        language=language,
        defaults={"text": text, "translated_by": actor, "updated_at": timezone.now()},
    )
    record_obj.__dict__.pop("_translations_cache", None)
    record(
        "multilingual.translation_saved",
        actor=actor,
        target=record_obj,
        data={"field": field, "language": language},
        **scope_of(record_obj),
    )
    return translation
