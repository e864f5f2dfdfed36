from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from alianza.contracts.actions import set_exchange_rate
from alianza.contracts.compare import usd_per_unit, wage_rows
from alianza.spaces.actions import share_record


def test_wages_are_normalised_per_hour_and_converted_at_the_dated_rate(
    world, section65
):
    [row] = wage_rows([section65])
    assert row.hourly == Decimal("97.50")  # 780 pesos for an eight-hour day
    assert row.hourly_usd == Decimal("4.73")  # at 0.0485 dollars per peso
    assert row.rate_date == date(2025, 1, 2)
    assert usd_per_unit("MXN", date(2024, 12, 31)) is None  # no rate that early


def test_only_administrators_keep_the_rates(world):
    set_exchange_rate(
        world["usw_admin"], currency="MXN", valid_on=date(2026, 1, 2),
        usd_per_unit=Decimal("0.054"),
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        set_exchange_rate(
            world["usw_staff"], currency="MXN", valid_on=date(2026, 1, 2),
            usd_per_unit=Decimal("1"),
        )  # fmt: skip


def test_side_by_side_in_spanish(client, world, hayden, section65):
    share_record(world["usw_staff"], hayden, world.alliance)
    client.force_login(world["mineros_officer"])
    page = client.get(
        reverse("contracts:compare"),
        {"topic": "leave", "agreements": [hayden.pk, section65.pk]},
    ).content.decode()
    assert "Family medical emergency" in page
    assert "emergencia médica de un familiar" in page
    assert "Permisos y ausencias" in page  # the topic, in Spanish
    assert "<svg" in page and "4,73" in page  # the chart and the converted wage
    assert "27,85" in page
    assert "2,50 %" in page  # the average annual increase of Hayden
    assert "48 meses" in page


def test_the_other_unions_agreement_cannot_be_compared_unshared(
    client, world, hayden, section65
):
    client.force_login(world["mineros_officer"])
    page = client.get(
        reverse("contracts:compare"),
        {"topic": "leave", "agreements": [hayden.pk, section65.pk]},
    ).content.decode()
    assert "Family medical emergency" not in page
