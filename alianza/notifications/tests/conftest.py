import pytest

from alianza.alerts.models import Reach


@pytest.fixture
def site(settings):
    settings.SITE_URL = "https://alianza.example.org/"
    return "https://alianza.example.org"


def reach(person, **said):
    Reach.objects.update_or_create(person=person, defaults=said)
