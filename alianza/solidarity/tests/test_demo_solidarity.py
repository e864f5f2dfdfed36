import pytest

from alianza.core import demo
from alianza.solidarity.models import (
    Campaign,
    Event,
    Letter,
    OrganizingTarget,
    SolidarityRequest,
    Strike,
)
from alianza.solidarity.selectors import public_letters


@pytest.mark.django_db
def test_the_seed_world_of_solidarity():
    demo.load()
    demo.load()  # idempotent
    titles = {c.title for c in Campaign.objects.all()}
    assert "Justicia para Pasta de Conchos" in titles
    assert "Justicia para el Río Sonora" in titles
    assert Campaign.objects.filter(kind="legal_defence").exists()
    strikes = {s.unit.name: s for s in Strike.objects.all()}
    assert set(strikes) == {"Sección 65", "Sección 17", "Sección 201"}
    assert all(s.started_on.isoformat() == "2007-07-30" for s in strikes.values())
    employers = set(
        OrganizingTarget.objects.values_list("worksite__employer__slug", flat=True)
    )
    assert employers == {
        "johnson-controls", "pkc", "teksid", "el-boleo", "minera-frisco", "excellon",
        "torex-gold",
    }  # fmt: skip
    for target in OrganizingTarget.objects.filter(
        stage__in=["certificate", "first_contract"]
    ):
        assert target.support_reached
    request = SolidarityRequest.objects.get(
        title="Solidarity with the Steelworkers at ASARCO"
    )
    assert {o.slug for o in request.audiences.all()} == {"los-mineros", "unite"}
    # A letter, a statement, a delegation, and a donation in pesos.
    assert request.pledges.filter(organisation__slug="los-mineros").count() == 4
    letter = Letter.objects.get(slug="los-mineros-solidarity-with-usw-at-asarco")
    assert letter in public_letters() and letter.request == request
    assert [s.person.name for s in letter.signatures.all()] == [
        "Napoleón Gómez Urrutia", "Sergio Beltrán Reyes", "Juan Linares Montufar",
    ]  # fmt: skip
    days = {
        (e.starts_on.month, e.starts_on.day) for e in Event.objects.filter(annual=True)
    }
    assert {(2, 19), (4, 20)} <= days
    demo.reset()
    assert not Campaign.objects.exists() and not Letter.objects.exists()
    demo.load()
    assert Strike.objects.count() == 3


@pytest.mark.django_db
def test_the_demo_organizing_target_at_teksid_is_joined_to_its_open_support_vote():
    demo.load()
    target = OrganizingTarget.objects.get(worksite__employer__slug="teksid")
    assert target.representation_election.kind == "representation"
    assert target.representation_election.status == "open"


@pytest.mark.django_db
def test_the_joint_letter_prints_three_letterheads_with_unites_recorded_signature():
    """Unite has no account: its signature was recorded from an e-mail, with the
    message attached; the published letter prints the three unions' letterheads,
    their logos, and no DRAFT mark."""
    from io import BytesIO

    from django.utils import translation
    from pypdf import PdfReader

    from alianza.solidarity.demo_letters import JOINT_LETTER
    from alianza.solidarity.models import Letter
    from alianza.solidarity.views.letters import letter_pdf_bytes

    demo.load()
    demo.load()  # idempotent: one signature of Unite, one file
    letter = Letter.objects.get(slug=JOINT_LETTER["slug"])
    unite = letter.signatures.get(organisation__slug="unite")
    assert unite.is_external and unite.method == "email" and unite.has_evidence
    assert unite.evidence.read().startswith(b"From: ")
    assert letter.is_public and letter.takes_individual_signatures
    with translation.override("en"):
        data = letter_pdf_bytes(letter, "en")
    reader = PdfReader(BytesIO(data))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for name in ("United Steelworkers", "Unite the Union", "Len McCluskey",
                 "Sindicato Nacional de Trabajadores Mineros"):  # fmt: skip
        assert name in text
    assert "DRAFT" not in text
    assert len(reader.pages[0].images) == 3  # a logo for each letterhead
