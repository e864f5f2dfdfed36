from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from alianza.contracts.actions import open_round, table_proposal, update_proposal
from alianza.contracts.models import Proposal
from alianza.contracts.selectors import visible_rounds
from alianza.spaces.actions import share_record


@pytest.fixture
def asarco_round(world, hayden):
    bargaining_round = open_round(
        world["usw_officer"], hayden, title="ASARCO 2018", opened_on=date(2018, 5, 15)
    )
    table_proposal(
        world["usw_officer"], bargaining_round, side="employer", article="Article 6",
        clause=hayden.clauses.get(article="ARTICLE 6", number="6.1"),
        summary="Random drug and alcohol testing", effect="concession",
        tabled_on=date(2018, 5, 15),
    )  # fmt: skip
    return bargaining_round


def test_a_proposal_is_set_against_the_current_language(world, asarco_round):
    proposal = asarco_round.proposals.get()
    assert proposal.topic == "drug_testing"
    assert "reasonable cause" in proposal.clause.text
    update_proposal(
        world["usw_staff"], proposal, status="withdrawn", on=date(2018, 9, 1),
        note="Dropped after the strike vote",
    )  # fmt: skip
    assert [e.status for e in proposal.events.all()] == ["open", "withdrawn"]


def test_the_other_union_reads_the_round_only_when_shared(world, asarco_round):
    assert asarco_round not in visible_rounds(world["mineros_officer"])
    assert asarco_round not in visible_rounds(world["outsider"])
    share_record(world["usw_officer"], asarco_round, world.alliance)
    assert asarco_round in visible_rounds(world["mineros_officer"])
    with pytest.raises(PermissionDenied):
        table_proposal(
            world["mineros_staff"], asarco_round, side="union", article="Article 2",
            summary="x",
        )  # fmt: skip
    with pytest.raises(PermissionDenied):
        update_proposal(
            world["mineros_staff"], asarco_round.proposals.get(), status="agreed"
        )


def test_the_tracker_page(client, world, asarco_round):
    client.force_login(world["usw_officer"])
    url = reverse("contracts:round", args=[asarco_round.pk])
    response = client.post(
        reverse("contracts:proposal_add", args=[asarco_round.pk]),
        {"side": "union", "article": "Article 2", "summary": "4% a year",
         "effect": "gain", "tabled_on": "2018-05-22"},
    )  # fmt: skip
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "1 gain" in page and "1 concession" in page
    assert "Random drug and alcohol testing" in page
    assert "reasonable cause" in page  # the current language beside it
    assert "Timeline" in page
    proposal = Proposal.objects.get(summary="4% a year")
    client.post(
        reverse("contracts:proposal_status", args=[proposal.pk]), {"status": "agreed"}
    )
    proposal.refresh_from_db()
    assert proposal.status == "agreed"


def test_shared_into_a_council_when_the_union_chooses(client, world, asarco_round):
    from alianza.councils.actions import found_council

    council = found_council(world["usw_staff"], world.grupo)
    client.force_login(world["usw_officer"])
    page = client.get(reverse("contracts:round", args=[asarco_round.pk])).content
    assert b"Share into a joint space" in page
    response = client.post(
        reverse("spaces:share", args=[_ct(asarco_round), asarco_round.pk]),
        {"space": council.space.pk},
    )
    assert response.status_code == 302
    client.force_login(world["mineros_officer"])
    page = client.get(reverse("contracts:round", args=[asarco_round.pk])).content
    assert "Random drug and alcohol testing" in page.decode()
    assert b"Share into a joint space" not in page


def _ct(obj) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(type(obj)).pk


def test_a_proposals_side_and_effect_are_asked_of_it():
    employers = Proposal(side="employer", effect="concession")
    assert employers.is_the_employers and employers.is_concession
    assert not employers.is_gain
    unions = Proposal(side="union", effect="gain")
    assert unions.is_gain and not unions.is_the_employers and not unions.is_concession
    neither = Proposal(side="union", effect="neutral")
    assert not neither.is_gain and not neither.is_concession
