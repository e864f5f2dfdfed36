"""The Spanish and French catalogues are complete, and their compiled files current."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize("language", ["es", "fr"])
def test_every_message_is_translated(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as po:
        catalogue = read_po(po)
    missing = [
        m.id
        for m in catalogue
        if m.id and not all(m.string if isinstance(m.string, tuple) else [m.string])
    ]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert missing == [] and fuzzy == []


@pytest.mark.parametrize("language", ["es", "fr"])
def test_compiled_catalogue_matches_the_source(language):
    """Every translation of the source is in the compiled catalogue, as Python's
    gettext reads it, context included ("Title" of a document and of a position)."""
    import gettext

    folder = LOCALE / language / "LC_MESSAGES"
    with open(folder / "django.po", "rb") as po, open(folder / "django.mo", "rb") as mo:
        source, compiled = read_po(po), gettext.GNUTranslations(mo)
    table = compiled._catalog  # type: ignore[attr-defined]
    stale = []
    for m in source:
        if not m.id:
            continue
        prefix = f"{m.context}\x04" if m.context else ""
        if isinstance(m.id, list | tuple):
            for n, text in enumerate(m.string):
                if table.get((prefix + m.id[0], n)) != text:
                    stale.append((m.context, m.id[0], n))
        elif table.get(prefix + m.id) != m.string:
            stale.append((m.context, m.id))
    assert stale == [], "run: alianza compilemessages --ignore=.venv"


@pytest.mark.parametrize("language", ["es", "fr"])
def test_placeholders_survive_translation(language):
    import re

    pattern = re.compile(r"%\(\w+\)s")
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as po:
        catalogue = read_po(po)
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = (
            message.string if isinstance(message.string, tuple) else (message.string,)
        )
        expected = set(pattern.findall(ids[-1]))
        for text in strings:
            assert set(pattern.findall(text)) <= expected | set(
                pattern.findall(ids[0])
            ), message.id
