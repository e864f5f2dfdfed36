"""The demo world's councils, employers, solidarity work and alerts are written in
English, Spanish and French: every translatable text of these apps has all three."""

import pytest

from alianza.alerts.models import Alert
from alianza.core import demo
from alianza.councils.models import ActionItem, Council, CouncilPost
from alianza.employers.models import Employer, Representation, Sector, Worksite
from alianza.solidarity.models import (
    Campaign,
    Delegation,
    Event,
    Letter,
    Pledge,
    SolidarityRequest,
    Strike,
    TimelineEntry,
)

MODELS = [
    ActionItem,
    CouncilPost,
    Employer,
    Worksite,
    Representation,
    Campaign,
    TimelineEntry,
    Strike,
    Event,
    Delegation,
    SolidarityRequest,
    Pledge,
    Letter,
    Alert,
]


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.mark.django_db
def test_every_text_of_these_apps_is_in_three_languages():
    demo.load()
    missing = []
    checked = 0
    for model in MODELS:
        records = list(model._default_manager.all())
        assert records, f"the demo has no {model.__name__}"
        for record in records:
            for field in model.TRANSLATABLE_FIELDS:
                if not (getattr(record, field) or "").strip():
                    continue
                checked += 1
                have = {record.language, *record.translations_for(field)}
                if have != {"en", "es", "fr"}:
                    missing.append(f"{model.__name__} #{record.pk} {field}: {have}")
    assert checked > 100
    assert missing == []


@pytest.mark.django_db
def test_council_names_and_sectors_read_in_each_language():
    from django.utils import translation

    demo.load()
    council = Council.objects.get(space__slug="council-grupo-mexico")
    names = {}
    for language in ("en", "es", "fr"):
        with translation.override(language):
            names[language] = str(Council.objects.get(pk=council.pk))
    assert names == {
        "en": "Grupo México Council",
        "es": "Consejo Grupo México",
        "fr": "Conseil Grupo México",
    }
    sectors = set(Employer.objects.values_list("sector", flat=True))
    sectors |= set(Worksite.objects.values_list("sector", flat=True))
    assert sectors <= set(Sector.values)  # each one shown from the translated list
