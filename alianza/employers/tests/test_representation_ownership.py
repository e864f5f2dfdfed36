"""A worksite's representation belongs to its union: the other union cannot end or
replace it, nor back-date a new status so that the current one ends before it began,
on the page, through the API or with an import line."""

from datetime import date

import pytest
from django.urls import reverse

from alianza.audit.models import AuditEntry
from alianza.employers import actions
from alianza.employers.models import Representation
from conftest import client_for


@pytest.fixture(autouse=True)
def _refusals_read_in_english(world):
    """These tests read the refusals' words in English, so every persona reads English
    here (the Spanish and French wording is the catalogues', checked in CI)."""
    from alianza.accounts.models import User

    User.objects.update(language="en")


def _snapshot():
    return sorted(
        Representation.objects.values_list(
            "pk", "worksite_id", "unit_id", "status", "started_on", "ended_on"
        )
    )


def _file(*lines: str) -> str:
    return "employer,worksite,status,organisation,unit,since,until\n" + "".join(
        f"{line}\n" for line in lines
    )


def _page(client, user, site, data):
    return client_for(client, user).post(
        reverse("employers:representation_add", args=[site.pk]), data
    )


def _api(client, user, site, data):
    return client_for(client, user).post(
        f"/api/v1/worksites/{site.pk}/representation",
        data,
        content_type="application/json",
    )


# Each attack: (who, the worksite of the other union, what the page posts).
def _attacks(w):
    return [
        # USW ends Sección 65's strike at Cananea in 1990, before it began.
        ("usw_staff", w.cananea, {"status": "non_union", "started_on": "1990-01-01"}),
        ("usw_admin", w.cananea, {"status": "organizing", "unit": w.local.pk}),
        # Los Mineros ends Local 915's representation at Hayden.
        ("mineros_staff", w.hayden, {"status": "protection_contract"}),
        ("mineros_staff", w.hayden, {"status": "organizing", "unit": w.section65.pk}),
    ]


@pytest.mark.parametrize("index", range(4))
def test_the_page_refuses_to_end_the_other_unions_representation(world, client, index):
    who, site, data = _attacks(world)[index]
    before = _snapshot()
    response = _page(client, world[who], site, data)
    assert response.status_code == 403
    assert "only that union" in response.content.decode()
    assert _snapshot() == before
    assert not AuditEntry.objects.filter(
        action="employers.representation_recorded"
    ).exists()


@pytest.mark.parametrize("index", range(4))
def test_the_api_refuses_to_end_the_other_unions_representation(world, client, index):
    who, site, data = _attacks(world)[index]
    payload = {"status": data["status"], "unit_id": data.get("unit")}
    if "started_on" in data:
        payload["started_on"] = data["started_on"]
    before = _snapshot()
    response = _api(client, world[who], site, payload)
    assert response.status_code == 403
    assert "only that union" in response.json()["detail"]
    assert _snapshot() == before


@pytest.mark.parametrize(
    "who,line",
    [
        ("usw_staff", "Grupo México,Buenavista del Cobre,non_union,,,1990-01-01,"),
        ("usw_staff", "Grupo México,Buenavista del Cobre,organizing,usw,Local 915,,"),
        ("mineros_staff", "ASARCO,Hayden smelter,protection_contract,,,2020-01-01,"),
    ],
)
def test_an_import_line_cannot_end_the_other_unions_representation(world, who, line):
    before = _snapshot()
    report = actions.import_csv(world[who], "representation", _file(line))
    assert not report.ok and report.saved == 0
    assert "only that union" in " ".join(report.lines[0].errors)
    assert _snapshot() == before


@pytest.mark.parametrize("how", ["page", "api"])
def test_the_outsider_and_the_officers_record_nothing(world, client, how):
    before = _snapshot()
    for who in ("outsider", "member", "mineros_officer", "usw_officer", "observer"):
        client.logout()
        if how == "page":
            response = _page(client, world[who], world.cananea, {"status": "non_union"})
        else:
            response = _api(client, world[who], world.cananea, {"status": "non_union"})
        assert response.status_code in {403, 404}, who
    assert _snapshot() == before


def test_the_owning_union_replaces_its_own_representation(world, client):
    response = _page(
        client,
        world["mineros_staff"],
        world.cananea,
        {
            "status": "represented",
            "unit": world.section65.pk,
            "started_on": "2024-01-01",
        },
    )
    assert response.status_code == 302
    strike, now = world.cananea.representations.order_by("started_on")
    assert (strike.status, strike.ended_on) == ("on_strike", date(2024, 1, 1))
    assert (now.status, now.unit, now.ended_on) == (
        "represented",
        world.section65,
        None,
    )
    entry = AuditEntry.objects.get(action="employers.representation_recorded")
    assert entry.data["union"] == world.mineros.pk


def test_the_owning_union_replaces_it_through_the_api(world, client):
    response = _api(
        client,
        world["usw_staff"],
        world.hayden,
        {"status": "on_strike", "unit_id": world.local.pk, "started_on": "2026-01-05"},
    )
    assert response.status_code == 201
    current = world.hayden.representations.filter(ended_on__isnull=True)
    assert [(r.status, r.started_on) for r in current] == [
        ("on_strike", date(2026, 1, 5))
    ]


def test_the_owning_union_replaces_it_with_an_import_line(world):
    report = actions.import_csv(
        world["mineros_staff"],
        "representation",
        _file("Grupo México,Buenavista del Cobre,represented,los-mineros,"
              "Sección 65,2024-01-01,"),
    )  # fmt: skip
    assert report.ok and report.saved == 1, [line.errors for line in report.lines]
    assert world.cananea.representations.get(status="on_strike").ended_on == date(
        2024, 1, 1
    )


def test_a_back_dated_status_is_refused_even_to_the_owning_union(world, client):
    before = _snapshot()
    data = {"status": "represented", "unit": world.section65.pk}
    response = client_for(client, world["mineros_staff"]).post(
        reverse("employers:representation_add", args=[world.cananea.pk]),
        {**data, "started_on": "1990-01-01"},
        follow=True,
    )
    assert "cannot begin before it" in response.content.decode()
    assert _snapshot() == before
    response = _api(
        client,
        world["mineros_staff"],
        world.cananea,
        {"status": "represented", "unit_id": world.section65.pk,
         "started_on": "1990-01-01"},
    )  # fmt: skip
    assert response.status_code == 422
    assert "cannot begin before it" in response.json()["detail"]
    assert _snapshot() == before
    report = actions.import_csv(
        world["mineros_staff"],
        "representation",
        _file("Grupo México,Buenavista del Cobre,represented,los-mineros,"
              "Sección 65,1990-01-01,"),
    )  # fmt: skip
    assert not report.ok
    assert "2007-07-30" in " ".join(report.lines[0].errors)
    assert _snapshot() == before


def test_a_site_without_a_union_may_be_recorded_by_either_union(world, client):
    world.cananea.representations.all().delete()
    Representation.objects.create(
        worksite=world.cananea,
        status="protection_contract",
        started_on=date(2000, 1, 1),
    )
    response = _page(
        client,
        world["usw_staff"],
        world.cananea,
        {"status": "organizing", "unit": world.local.pk, "started_on": "2025-01-01"},
    )
    assert response.status_code == 302
    assert world.cananea.representations.get(
        status="protection_contract"
    ).ended_on == date(2025, 1, 1)


def test_the_employer_page_offers_a_change_only_where_the_union_may_make_it(
    world, client
):
    url = reverse("employers:employer", args=[world.grupo.slug])

    def row(user, site):
        page = client_for(client, user).get(url).content.decode()
        return page.split(f'id="worksite-{site.pk}"')[1].split("</tr>")[0]

    def form(site):
        return reverse("employers:representation_add", args=[site.pk])

    cananea = row(world["usw_staff"], world.cananea)
    assert "Another union represents the workers here" in cananea
    assert form(world.cananea) not in cananea
    assert form(world.hayden) in row(world["usw_staff"], world.hayden)
    assert form(world.cananea) in row(world["mineros_staff"], world.cananea)
    assert form(world.hayden) not in row(world["mineros_staff"], world.hayden)


def test_a_change_without_a_unit_is_audited_for_the_union_that_acted(world, client):
    world.cananea.representations.all().delete()
    response = _page(client, world["usw_staff"], world.cananea, {"status": "non_union"})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="employers.representation_recorded")
    assert entry.organisation == world.usw and entry.data["union"] == world.usw.pk
