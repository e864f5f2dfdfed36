"""multilingual's part of the demo world: the alliance's reviewed glossary (also
seeded by a data migration; loading it again adds only the terms someone removed)."""

from .glossary_terms import REVIEWED_TERMS
from .models import GlossaryTerm


def load() -> None:
    for en, es, fr, note in REVIEWED_TERMS:
        GlossaryTerm.objects.get_or_create(
            en=en, defaults={"es": es, "fr": fr, "note": note}
        )
