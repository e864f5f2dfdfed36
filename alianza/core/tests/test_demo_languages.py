"""The demo world speaks the alliance's three languages: every text written for others
in the bodies, seats, joint spaces, meetings, motions, follow-ups, minutes,
organisations and documents has its English, Spanish and French."""

import pytest
from django.conf import settings

from alianza.bodies.models import Body, Seat
from alianza.core import demo
from alianza.core.demo.spaces import BODIES, SPACES
from alianza.documents.models import Document
from alianza.governance.demo import MEETINGS
from alianza.governance.models import AgendaItem, FollowUp, Meeting, Minutes, Motion
from alianza.multilingual.text import render_for
from alianza.orgs.models import Organisation
from alianza.spaces.models import JointSpace, Participant

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Proper names read the same in every language.
PROPER_NAMES = {"Workers Uniting"}


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def demo_records() -> list:
    bodies = Body.objects.filter(name__in=[b["name"] for b in BODIES])
    spaces = JointSpace.objects.filter(slug__in=[s["slug"] for s in SPACES])
    meeting_bodies = [m["body"] for m in MEETINGS]
    meetings = Meeting.objects.filter(body__name__in=meeting_bodies)
    return [
        *Organisation.objects.filter(slug__in=[o["slug"] for o in demo.ORGANISATIONS]),
        *spaces,
        *Participant.objects.filter(space__in=spaces),
        *bodies,
        *Seat.objects.filter(body__in=bodies),
        *meetings,
        *AgendaItem.objects.filter(meeting__in=meetings),
        *Motion.objects.filter(meeting__in=meetings),
        *FollowUp.objects.filter(motion__meeting__in=meetings),
        *Minutes.objects.filter(meeting__in=meetings),
        *Document.objects.all(),
    ]


@pytest.mark.django_db
def test_every_translatable_text_of_the_demo_is_in_english_spanish_and_french():
    demo.load()
    records = demo_records()
    kinds = {type(r).__name__ for r in records}
    assert kinds >= {
        "Organisation", "JointSpace", "Participant", "Body", "Seat", "Meeting",
        "AgendaItem", "Motion", "FollowUp", "Minutes", "Document",
    }  # fmt: skip
    missing = []
    checked = 0
    for record in records:
        for field in record.TRANSLATABLE_FIELDS:
            original = getattr(record, field)
            if not original or original in PROPER_NAMES:
                continue
            checked += 1
            for language in LANGUAGES:
                shown = render_for(record, field, language)
                if shown.language != language or not shown.text.strip():
                    missing.append(f"{type(record).__name__} {original!r} [{language}]")
    assert missing == []
    assert checked >= 70


@pytest.mark.django_db
def test_the_demo_reads_in_each_language():
    """Spot checks of the union vocabulary, both directions."""
    demo.load()
    ieb = Body.objects.get(name="International Executive Board")
    cen = Body.objects.get(name="Comité Ejecutivo Nacional")
    commission = JointSpace.objects.get(slug="joint-commission")
    assert render_for(ieb, "name", "es").text == "Junta Ejecutiva Internacional"
    assert render_for(ieb, "name", "fr").text == "Conseil exécutif international"
    assert render_for(cen, "name", "en").text == "National Executive Committee"
    assert render_for(cen, "name", "fr").text == "Comité exécutif national"
    assert render_for(commission, "name", "fr").text == "Commission mixte"
    minutes = Minutes.objects.get(meeting__title__startswith="Sesión ordinaria")
    # The minutes in English name the committee in English and carry the motion's
    # English text; the original stays Spanish.
    english = render_for(minutes, "text", "en").text
    assert "National Executive Committee met on" in english
    assert "Send the letter of solidarity" in english
    assert "Comité Ejecutivo Nacional" in minutes.text
