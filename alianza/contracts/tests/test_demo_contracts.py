from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from alianza.accounts.models import User
from alianza.contracts import demo as contracts_demo
from alianza.contracts.compare import wage_rows
from alianza.contracts.models import Agreement, BargainingRound, Clause, Proposal, Topic
from alianza.contracts.selectors import visible_agreements, visible_rounds
from alianza.core import demo

MODELS = [Agreement, Clause, BargainingRound, Proposal]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def loaded():
    demo.load()


@pytest.mark.django_db
def test_the_asarco_round_holds_the_five_demands(loaded):
    bargaining_round = BargainingRound.objects.get(title=contracts_demo.ROUND_TITLE)
    demands = bargaining_round.proposals.filter(side="employer", effect="concession")
    assert {p.topic for p in demands} == {
        Topic.DRUG_TESTING, Topic.ATTENDANCE, Topic.LEAVE, Topic.COMMITTEES,
        Topic.GRIEVANCE,
    }  # fmt: skip
    assert all(p.clause is not None for p in demands)  # each against current language
    assert bargaining_round.agreement.employer.slug == "asarco"


@pytest.mark.django_db
def test_both_agreements_cover_the_taxonomy_and_compare(loaded):
    hayden = Agreement.objects.get(title=contracts_demo.HAYDEN_TITLE)
    section65 = Agreement.objects.get(title=contracts_demo.SECTION_65_TITLE)
    everything = set(Topic.values) - {Topic.OTHER}
    for agreement in (hayden, section65):
        assert {c.topic for c in agreement.clauses.all()} == everything
    assert section65.language == "es" and section65.registry_number
    assert all(row.hourly_usd is not None for row in wage_rows([hayden, section65]))


@pytest.mark.django_db
def test_each_union_sees_the_others_through_the_council(client, loaded):
    officer = User.objects.get(email="jl.romero@mineros.example")
    hayden = Agreement.objects.get(title=contracts_demo.HAYDEN_TITLE)
    assert hayden in visible_agreements(officer)
    assert visible_rounds(officer).filter(title=contracts_demo.ROUND_TITLE).exists()
    member = User.objects.get(email="r.valenzuela@mineros.example")
    assert not visible_agreements(member).exists()
    client.force_login(officer)
    section65 = Agreement.objects.get(title=contracts_demo.SECTION_65_TITLE)
    page = client.get(
        reverse("contracts:compare"),
        {"topic": "drug_testing", "agreements": [hayden.pk, section65.pk]},
    ).content.decode()
    assert "PRUEBAS DE ALCOHOL Y DROGAS" in page and "SUBSTANCE ABUSE" in page


@pytest.mark.django_db
def test_loading_twice_and_reset(loaded):
    first = counts()
    demo.load()
    assert counts() == first
    call_command("load_demo", "--reset", stdout=StringIO())
    assert counts() == first
