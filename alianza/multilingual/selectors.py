"""Reads of a record's translations and their history, for the pages."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from .models import PastTranslation, Translation


def _of(model: Any, record: Any) -> Any:
    content_type = ContentType.objects.get_for_model(type(record))
    return model.objects.filter(content_type=content_type, object_id=str(record.pk))


def translations_of(record: Any) -> QuerySet[Translation]:
    """The translations shown today, with who wrote them and for which union."""
    return (
        _of(Translation, record).select_related("union").order_by("field", "language")
    )


def history_of(record: Any) -> QuerySet[PastTranslation]:
    """The translations no longer shown (replaced or rejected), newest first."""
    return _of(PastTranslation, record).select_related("union")
