"""Employers, worksites and representation notes in the reader's language."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from alianza.employers import actions
from alianza.employers.models import Employer, Sector, Worksite
from alianza.multilingual.actions import save_translation
from alianza.multilingual.models import Translation


def _page(client, user, slug, language):
    user.language = language
    user.save()
    client.force_login(user)
    return client.get(reverse("employers:employer", args=[slug])).content.decode()


def test_a_sector_is_shown_in_the_readers_language(client, world):
    Employer.objects.filter(pk=world.grupo.pk).update(sector=Sector.COPPER_MINING)
    english = _page(client, world["usw_staff"], "grupo-mexico", "en")
    assert "Copper mining" in english
    with translation.override("es"):
        spanish_label = str(Sector.COPPER_MINING.label)
    page = _page(client, world["mineros_staff"], "grupo-mexico", "es")
    assert spanish_label in page
    if spanish_label != "Copper mining":  # once the catalogue has it
        assert "Copper mining" not in page


def test_an_import_takes_a_sector_in_any_language_and_refuses_an_unknown_one(world):
    with translation.override("es"):
        spanish = str(Sector.STEEL.label)
    text = (
        "name,country,parent,sector\n"
        f"Acerera del Norte,MX,,{spanish.upper()}\n"
        "Minera Uno,MX,,copper mining\n"
    )
    report = actions.import_csv(world["mineros_staff"], "employers", text)
    assert report.ok, report.lines
    assert Employer.objects.get(name="Acerera del Norte").sector == "steel"
    assert Employer.objects.get(name="Minera Uno").sector == "copper mining"
    report = actions.import_csv(
        world["mineros_staff"], "employers", "name,country,sector\nOtra,MX,astrology\n"
    )
    assert not report.ok
    assert not Employer.objects.filter(name="Otra").exists()


def test_an_english_worksite_name_reads_in_spanish_and_a_spanish_note_in_english(
    client, world
):
    hayden = world.hayden  # named in English
    save_translation(world["usw_staff"], hayden, "name", "es", "Fundición de Hayden")
    rep = actions.record_representation(
        world["mineros_staff"],
        world.cananea,
        status="on_strike",
        unit=world.section65,
        note="En huelga desde el 30 de julio de 2007.",
    )
    assert rep.language == "es"  # the language Sofía's pages are in
    save_translation(
        world["mineros_staff"], rep, "note", "en", "On strike since 30 July 2007."
    )

    page = _page(client, world["mineros_officer"], "asarco", "es")
    assert "<td>Fundición de Hayden" in page
    # The English original is a tap away, marked as English.
    assert 'lang="en">Hayden smelter</span>' in page
    page = _page(client, world["usw_officer"], "grupo-mexico", "en")
    assert "On strike since 30 July 2007." in page
    # The Spanish original a tap away, marked as Spanish.
    assert 'lang="es">En huelga desde el 30 de julio de 2007.' in page
    page = _page(client, world["usw_officer"], "asarco", "en")
    assert "Hayden smelter" in page and "Fundición de Hayden" not in page
    with translation.override("es"):
        assert str(Worksite.objects.get(pk=hayden.pk)).startswith("Fundición de Hayden")


def test_the_other_union_may_not_translate_a_representation_note(world):
    rep = world.cananea.representations.get()  # Los Mineros' Sección 65
    rep.note = "En huelga."
    rep.language = "es"
    rep.save()
    with pytest.raises(PermissionDenied):
        save_translation(world["usw_staff"], rep, "note", "en", "On strike.")
    for name in ("outsider", "member", "usw_member"):
        with pytest.raises(PermissionDenied):
            save_translation(world[name], rep, "note", "en", "On strike.")
        with pytest.raises(PermissionDenied):
            save_translation(world[name], world.hayden, "name", "es", "Fundición")
    assert not Translation.objects.exists()
    save_translation(world["mineros_staff"], rep, "note", "en", "On strike.")
