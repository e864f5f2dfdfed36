"""A vote at a workplace is on the workplace's clock: its notice period counts the
worksite's local days (Sonora keeps no summer time; Quintana Roo is an hour ahead of
Mexico City), unless the vote names a zone of its own."""

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from alianza.documents.actions import upload_document
from alianza.elections import actions
from alianza.employers.models import Worksite


def _legitimation(world, worksite, notice_on, **extra):
    # 06:30 UTC: 00:30 on 10 March in Mexico City, still 9 March in Sonora.
    return _legitimation_at(
        world, worksite, notice_on,
        opens_at=datetime(2027, 3, 10, 6, 30, tzinfo=UTC),
        closes_at=datetime(2027, 3, 11, 6, 30, tzinfo=UTC), **extra,
    )  # fmt: skip


def test_worksites_have_their_places_zones(world):
    assert world.cananea.zone_key == "America/Hermosillo"  # Sonora
    assert world.hayden.zone_key == "America/Phoenix"  # Arizona
    site = Worksite(employer=world.grupo, name="X", country="MX", region="Jalisco")
    assert site.zone_key == "America/Mexico_City"
    site.time_zone = "America/Cancun"
    assert site.zone_key == "America/Cancun"


def test_a_vote_in_sonora_counts_sonoras_days(world):
    with translation.override("en"), pytest.raises(ValidationError) as late:
        # Ten days before 10 March, but the vote opens on 9 March in Cananea.
        _legitimation(world, world.cananea, date(2027, 2, 28))
    assert "notice_on" in late.value.message_dict
    election = _legitimation(world, world.cananea, date(2027, 2, 27))
    assert election.time_zone == "America/Hermosillo"
    assert election.zone.key == "America/Hermosillo"
    # The same vote announced on Mexico City's clock counts Mexico City's days.
    on_the_capitals_clock = _legitimation(
        world, world.cananea, date(2027, 2, 28), time_zone="America/Mexico_City"
    )
    assert on_the_capitals_clock.zone.key == "America/Mexico_City"


def test_a_vote_east_of_the_capital_counts_its_own_days(world):
    """The other direction: at 05:30 UTC it is already 10 March in Cancún, still
    9 March in Mexico City."""
    cancun = Worksite.objects.create(
        employer=world.grupo, name="Planta Cancún", country="MX",
        region="Quintana Roo", time_zone="America/Cancun",
    )  # fmt: skip
    opens = {
        "opens_at": datetime(2027, 3, 10, 5, 30, tzinfo=UTC),
        "closes_at": datetime(2027, 3, 11, 5, 30, tzinfo=UTC),
    }
    election = _legitimation_at(world, cancun, date(2027, 2, 28), **opens)
    assert election.zone.key == "America/Cancun"
    with pytest.raises(ValidationError):
        _legitimation_at(
            world, cancun, date(2027, 2, 28), time_zone="America/Mexico_City", **opens
        )


def _legitimation_at(world, worksite, notice_on, opens_at, closes_at, **extra):
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = upload_document(
        world["mineros_staff"], world.mineros, title="Contrato colectivo", language="es",
        file=SimpleUploadedFile("contrato.pdf", b"%PDF-1.4 contrato", "application/pdf"),
    )  # fmt: skip
    return actions.create_election(
        world["mineros_staff"], world.mineros, kind="legitimation",
        title="Legitimación", question="¿Aprueba el contrato?", worksite=worksite,
        covered_workers=100, contract_document=document, notice_on=notice_on,
        opens_at=opens_at, closes_at=closes_at, language="es", **extra,
    )  # fmt: skip


def test_a_vote_without_a_zone_of_its_own_reads_its_worksites(world):
    election = _legitimation(world, world.cananea, date(2027, 2, 27))
    election.time_zone = ""
    assert election.zone.key == "America/Hermosillo"
    election.worksite = None
    election.unit = world.section65
    assert election.zone.key == world.section65.zone_key
