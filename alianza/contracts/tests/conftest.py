from datetime import date
from decimal import Decimal

import pytest

from alianza.contracts.actions import add_agreement, add_wage
from alianza.contracts.demo_texts import HAYDEN, SECTION_65
from alianza.contracts.models import ExchangeRate


@pytest.fixture
def hayden(world):
    agreement = add_agreement(
        world["usw_staff"], world.usw, employer=world.asarco, unit=world.local,
        worksites=[world.hayden], title="ASARCO – Local 915", language="en",
        country="US", effective_on=date(2014, 7, 1), expires_on=date(2018, 6, 30),
        annual_increases=[Decimal("3.0"), Decimal("2.5"), Decimal("2.5"), Decimal("2.0")],
        text=HAYDEN,
    )  # fmt: skip
    add_wage(
        world["usw_staff"], agreement, classification="Smelter operator",
        amount=Decimal("27.85"), currency="USD", per="hour", hours=Decimal(1),
        effective_on=date(2014, 7, 1),
    )  # fmt: skip
    return agreement


@pytest.fixture
def section65(world):
    agreement = add_agreement(
        world["mineros_officer"], world.mineros, employer=world.grupo,
        unit=world.section65, worksites=[world.cananea],
        title="Contrato colectivo Sección 65", language="es", country="MX",
        effective_on=date(2025, 1, 15), expires_on=date(2027, 1, 14),
        annual_increases=[Decimal("8"), Decimal("7")],
        registry_number="CFCRL/CCT/SON/2025/000065", legitimation="legitimated",
        text=SECTION_65,
    )  # fmt: skip
    add_wage(
        world["mineros_officer"], agreement, classification="Operador de acarreo",
        amount=Decimal("780"), currency="MXN", per="day", hours=Decimal(8),
        effective_on=date(2025, 1, 15),
    )  # fmt: skip
    ExchangeRate.objects.create(
        currency="MXN", valid_on=date(2025, 1, 2), usd_per_unit=Decimal("0.0485")
    )
    return agreement
