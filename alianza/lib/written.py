"""The language a person writes a text in, when the form does not ask for it."""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils.translation import get_language


def written_in(actor: Any, fallback: str = "") -> str:
    """The person's interface language (what she reads Alianza in is what she types
    in), else the language of the page she used, else ``fallback``, else English."""
    known = dict(settings.LANGUAGES)
    for code in (getattr(actor, "language", ""), get_language() or "", fallback):
        base = (code or "").split("-")[0]
        if base in known:
            return base
    return "en"


def prefetch_translations(records: Any) -> list[Any]:
    """Read the translations of many records of one or more models in one query per
    model, so that a list page shows each name in the reader's language without
    asking the database once per row. Returns the records (a list)."""
    from django.contrib.contenttypes.models import ContentType

    from alianza.multilingual.models import Translation

    rows = [r for r in records if r is not None]
    by_model: dict[type, dict[str, Any]] = {}
    for record in rows:
        if getattr(record, "_translations_cache", None) is None:
            by_model.setdefault(type(record), {})[str(record.pk)] = record
    for model, wanted in by_model.items():
        caches: dict[str, dict[tuple[str, str], Any]] = {pk: {} for pk in wanted}
        found = Translation.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=list(wanted),
        ).select_related("union")
        for tr in found:
            caches[tr.object_id][(tr.field, tr.language)] = tr
        for pk, record in wanted.items():
            record._translations_cache = caches[pk]
    return list(records)


def in_reader_language(field: str) -> Callable[[Any], str]:
    """A form choice's label (``label_from_instance``): the record's ``field`` in the
    language of the person reading the form, when a translation exists."""

    def label(record: Any) -> str:
        from alianza.multilingual.text import render_for

        return render_for(record, field, get_language() or "en").text

    return label


def seat_label(seat: Any) -> str:
    """A seat as a choice: its title in the reader's language, and who holds it."""
    title = in_reader_language("title")(seat) if seat.title else ""
    title = title or str(seat.get_kind_display())
    return f"{title} ({seat.holder.name})" if seat.holder_id else title
