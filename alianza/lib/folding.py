"""One way to fold text for search: lower case, no accents, letters spelled plainly.

A person looking for *Ramón Peña* types ``ramon pena``; for *Œuvres Sociales*,
``oeuvres``; for *Gdańsk*, ``gdansk``. :func:`fold` gives the one spelling both the
stored name and the query are compared in, on any database: records keep it in a
column of their own (see :class:`FoldedField`), written by Python when they are saved,
so SQLite and PostgreSQL compare the same strings.
"""

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from django.db import models
from django.db.models import Q

#: Letters that Unicode does not decompose into a base letter and a mark.
_PLAIN = {
    "œ": "oe",
    "æ": "ae",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ı": "i",
    "ħ": "h",
    "ŧ": "t",
    "ŀ": "l",
    "ĸ": "k",
    "ŋ": "n",
    "ʼ": "'",
    "’": "'",
    "‘": "'",
}
_PLAIN_LETTER = re.compile("[" + "".join(_PLAIN) + "]")
#: The combining marks (accents) left apart by decomposition.
_MARK = re.compile(
    "["
    + "".join(
        re.escape(chr(point))
        for point in range(0x10000)
        if unicodedata.combining(chr(point))
    )
    + "]"
)


def _spelled_plainly(found: re.Match[str]) -> str:
    return _PLAIN[found.group()]


def fold(text: str) -> str:
    """Lower case without accents: *Ramón*, *RAMON* and *ramon* are one word;
    ñ→n, ç→c, œ→oe, æ→ae, ß→ss, ł→l, ligatures (ﬁ) spelled out."""
    bare = _MARK.sub("", unicodedata.normalize("NFKD", text.casefold()))
    return _PLAIN_LETTER.sub(_spelled_plainly, bare)


def query_words(query: str) -> list[str]:
    """The folded words of a query, each of which a name must contain."""
    return fold(query).split()


def matching(query: str, *fields: str) -> Q:
    """A filter for records that hold every word of ``query``, folded, in one of the
    folded ``fields`` (in any order): ``"garcia ramon"`` finds *Ramón García*.
    An empty query: everything."""
    condition = Q()
    for word in query_words(query):
        either = Q()
        for field in fields:
            either |= Q(**{f"{field}__contains": word})
        condition &= either
    return condition


class FoldedField(models.CharField):
    """The folded text of some of the record's fields, for search.

    Written on every save (and by ``bulk_create``) from ``sources``; a save limited
    to ``update_fields`` that names a source writes it too (see
    :func:`with_folded_fields`)."""

    def __init__(self, *args: Any, sources: Iterable[str] = (), **kwargs: Any) -> None:
        self.sources = tuple(sources)
        kwargs.setdefault("max_length", 600)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("default", "")
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> tuple[Any, Any, Any, Any]:
        name, path, args, kwargs = super().deconstruct()
        kwargs["sources"] = self.sources
        for key, value in (
            ("max_length", 600),
            ("editable", False),
            ("default", ""),
            ("blank", True),
        ):
            if kwargs.get(key) == value:
                del kwargs[key]
        return name, path, args, kwargs

    def folded_from(self, instance: models.Model) -> str:
        parts = (str(getattr(instance, source) or "") for source in self.sources)
        return fold(" ".join(p for p in parts if p))[: self.max_length]

    def pre_save(self, model_instance: models.Model, add: bool) -> str:
        value = self.folded_from(model_instance)
        setattr(model_instance, self.attname, value)
        return value


def with_folded_fields(model: type[models.Model], update_fields: Any) -> Any:
    """``update_fields`` with the folded fields whose sources it names (a save's
    ``update_fields`` argument; None stays None: everything is saved)."""
    if update_fields is None:
        return None
    named = set(update_fields)
    for field in model._meta.concrete_fields:
        if isinstance(field, FoldedField) and named & set(field.sources):
            named.add(field.name)
    return named


def refold(model: type[models.Model]) -> None:
    """Write the folded fields of every row of ``model`` again (a data migration's
    step, when a folded field is added or :func:`fold` changes)."""
    fields = [f for f in model._meta.concrete_fields if isinstance(f, FoldedField)]
    if not fields:
        return
    sources = {s for f in fields for s in f.sources}
    rows = []
    for row in model._default_manager.only("pk", *sources).iterator(chunk_size=2000):  # type: ignore[attr-defined]
        for field in fields:
            setattr(row, field.attname, field.folded_from(row))
        rows.append(row)
    model._default_manager.bulk_update(  # type: ignore[attr-defined]
        rows, [f.name for f in fields], batch_size=1000
    )


class KeepsFolded:
    """Mixin for a model with :class:`FoldedField` columns: a save limited to
    ``update_fields`` writes the folded fields of the sources it names."""

    def save(self, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = with_folded_fields(
                type(self),  # type: ignore[arg-type]
                kwargs["update_fields"],
            )
        super().save(*args, **kwargs)  # type: ignore[misc]
