"""Timelines, pledges, delegations and a campaign's target government in the
reader's language, the original a tap away."""

import re
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from alianza.multilingual.actions import save_translation
from alianza.multilingual.models import Translation
from alianza.solidarity import actions
from alianza.solidarity.models import Campaign
from alianza.spaces.actions import share_record


@pytest.fixture
def campaign(world):
    campaign = actions.create_campaign(
        world["mineros_staff"], world.mineros, kind="strike_support",
        title="Huelga de Cananea", summary="Desde 2007.", language="es",
        worksite=world.cananea, started_on=date(2007, 7, 30),
        government="Gobierno de México",
    )  # fmt: skip
    share_record(world["mineros_staff"], campaign, world.alliance)
    return campaign


def _page(client, user, language, url):
    user.language = language
    user.save()
    client.force_login(user)
    return client.get(url).content.decode()


def test_a_spanish_entry_reads_in_english_and_an_english_one_in_spanish(
    client, world, campaign
):
    spanish = actions.add_timeline_entry(
        world["mineros_staff"], campaign, kind="rally", happened_on=date(2012, 7, 30),
        title="Mitin en Sombrerete en el quinto aniversario",
    )  # fmt: skip
    usw_staff = world["usw_staff"]
    english = actions.add_timeline_entry(
        usw_staff, campaign, kind="donation", happened_on=date(2009, 12, 15),
        title="Strike fund donation from District 12", organisation=world.usw,
    )  # fmt: skip
    assert (spanish.language, english.language) == ("es", "en")
    save_translation(
        world["mineros_staff"], spanish, "title", "en", "Rally in Sombrerete"
    )
    save_translation(usw_staff, english, "title", "es", "Donativo del Distrito 12")
    url = campaign.get_absolute_url()

    page = _page(client, usw_staff, "en", url)
    assert "Rally in Sombrerete" in page
    assert re.search(
        r'lang="es">(<p>)?Mitin en Sombrerete en el quinto aniversario', page
    )
    assert "Strike fund donation from District 12" in page

    page = _page(client, world["mineros_officer"], "es", url)
    assert "Donativo del Distrito 12" in page
    assert re.search(r'lang="en">(<p>)?Strike fund donation from District 12', page)
    assert "Mitin en Sombrerete en el quinto aniversario" in page


def test_the_target_government_is_translated(world, campaign):
    save_translation(
        world["mineros_staff"], campaign, "government", "en", "Government of Mexico"
    )
    fresh = Campaign.objects.get(pk=campaign.pk)
    with translation.override("en"):
        assert "Government of Mexico" in fresh.targets()
    fresh = Campaign.objects.get(pk=campaign.pk)
    with translation.override("es"):
        assert "Gobierno de México" in fresh.targets()


def test_a_union_translates_only_its_own_entries(world, campaign):
    entry = actions.add_timeline_entry(
        world["mineros_staff"], campaign, kind="rally", happened_on=date(2012, 7, 30),
        title="Mitin en Sombrerete",
    )  # fmt: skip
    for name in ("usw_staff", "outsider", "member", "usw_member"):
        with pytest.raises(PermissionDenied):
            save_translation(world[name], entry, "title", "en", "Rally")
    assert not Translation.objects.filter(field="title", language="en").exists()


def test_the_entry_history_is_for_those_who_see_the_campaign(client, world, campaign):
    entry = actions.add_timeline_entry(
        world["mineros_staff"], campaign, kind="rally", happened_on=date(2012, 7, 30),
        title="Mitin en Sombrerete",
    )  # fmt: skip
    save_translation(world["mineros_staff"], entry, "title", "en", "Rally")
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(type(entry))
    url = reverse("multilingual:history", args=[ct.pk, str(entry.pk)])
    client.force_login(world["usw_staff"])  # through the alliance it is shared into
    assert client.get(url).status_code == 200
    client.force_login(world["outsider"])
    assert client.get(url).status_code in (403, 404)


def test_a_delegation_note_reads_in_each_language_and_only_its_union_translates_it(
    client, world
):
    event = actions.create_event(
        world["mineros_staff"], world.mineros, kind="commemoration",
        title="Conmemoración de Pasta de Conchos", starts_on=date(2006, 2, 19),
        country="MX", language="es",
    )  # fmt: skip
    delegation = actions.add_delegation(
        world["usw_staff"], event, organisation=world.usw, people=8,
        note="Eight members of District 12",
    )  # fmt: skip
    assert delegation.language == "en"
    for name in ("mineros_staff", "outsider", "usw_member"):
        with pytest.raises(PermissionDenied):
            save_translation(world[name], delegation, "note", "es", "Ocho miembros")
    save_translation(
        world["usw_staff"], delegation, "note", "es", "Ocho miembros del Distrito 12"
    )
    url = reverse("solidarity:events")
    page = _page(client, world["mineros_officer"], "es", url)
    assert "Ocho miembros del Distrito 12" in page
    assert re.search(r'lang="en">Eight members of District 12', page)
    page = _page(client, world["usw_officer"], "en", url)
    assert "Eight members of District 12" in page
    assert "Ocho miembros" not in page


def test_an_english_pledge_reads_in_spanish_and_only_its_union_translates_it(
    client, world
):
    from datetime import timedelta

    from django.utils import timezone

    req = actions.draft_request(
        world["mineros_officer"], world.mineros, title="Solidaridad con Cananea",
        body="Pedimos apoyo.", language="es", audiences=[world.usw],
        deadline=timezone.localdate() + timedelta(days=30),
    )  # fmt: skip
    actions.vet_request(world["mineros_staff"], req)
    save_translation(world["mineros_staff"], req, "title", "en", "Solidarity")
    save_translation(world["mineros_staff"], req, "body", "en", "We ask support.")
    actions.publish_request(world["mineros_officer"], req)
    pledge = actions.pledge(
        world["usw_officer"], req, organisation=world.usw, kind="rally",
        description="Rally of District 12 at the Hayden smelter",
        unit=world.district12,
    )  # fmt: skip
    assert pledge.language == "en"
    for name in ("mineros_staff", "outsider", "usw_member"):
        with pytest.raises(PermissionDenied):
            save_translation(world[name], pledge, "description", "es", "Mitin")
    save_translation(
        world["usw_officer"], pledge, "description", "es",
        "Mitin del Distrito 12 en la fundición de Hayden",
    )  # fmt: skip
    url = reverse("solidarity:request", args=[req.pk])
    page = _page(client, world["mineros_officer"], "es", url)
    assert "Mitin del Distrito 12 en la fundición de Hayden" in page
    assert re.search(r'lang="en">Rally of District 12 at the Hayden smelter', page)
    page = _page(client, world["usw_officer"], "en", url)
    assert "Rally of District 12 at the Hayden smelter" in page
