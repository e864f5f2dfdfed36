"""The demo world's employers: the companies, mines and mills the seed documents name.

Facts come from the seeds: Grupo México and its subsidiary ASARCO (five USW locals
in Arizona and Texas), the strikes of Sections 17, 65 and 201 that began on 30 July
2007, Pasta de Conchos, Lázaro Cárdenas, the employers where the two unions
coordinate their industrial strategy and the organizing campaigns against protection
contracts. Everything else (headcounts, most plant locations, which demo unit stands
in for a section or local the demo does not include) is marked ``illustrative``.
Coordinates are approximate: those of the mine or of the town.

``load()`` is idempotent: employers are keyed on their slug, worksites on their
employer and name, representation on its worksite and unit. ``reset()`` removes what
``load()`` created so that the demo units can be deleted.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import ProtectedError, Q, QuerySet

from alianza.lib.when import guess_zone
from alianza.multilingual.models import Translation
from alianza.orgs.models import Organisation, Unit

from .demo_texts import (
    ASARCO_NOTE,
    NEAREST,
    NOTES,
    PRODUCTS,
    PROTECTION_NOTE,
    SITE_NAMES,
    STANDS_IN,
    STRIKE_NOTE,
)
from .models import Employer, Representation, Worksite

USW, LM = "usw", "los-mineros"
REPRESENTED = Representation.Status.REPRESENTED
ON_STRIKE = Representation.Status.ON_STRIKE
ORGANIZING = Representation.Status.ORGANIZING
PROTECTION = Representation.Status.PROTECTION_CONTRACT
NON_UNION = Representation.Status.NON_UNION
STRIKES_BEGAN = date(2007, 7, 30)


def E(slug, name, country, sector, parent=None, illustrative=False, **extra):
    """An employer: slug, name, country, sector, parent's slug."""
    return dict(
        slug=slug, name=name, country=country, sector=sector, parent=parent,
        illustrative=illustrative, **extra,
    )  # fmt: skip


def R(status, org=None, unit=None, since=None, note=""):
    """A representation: status, organisation slug and unit name (or None), since."""
    return dict(status=status, org=org, unit=unit, since=since, note=note)


# The data tables below are laid out by hand.
# fmt: off

# --- Employers: parents before their subsidiaries -----------------------------------

EMPLOYERS: list[Any] = [
    E("grupo-mexico", "Grupo México", "MX", "mining", description={
        "en": "A Mexican mining and transport group owned by Germán Larrea Mota "
        "Velasco, with copper mines, smelters and refineries in Mexico, the United "
        "States (through ASARCO) and Peru. Los Mineros have been on strike against it "
        "at Cananea, Taxco and Sombrerete since 30 July 2007, and 65 miners died in "
        "the explosion at its Pasta de Conchos coal mine on 19 February 2006.",
        "es": "Un grupo mexicano de minería y transporte, propiedad de Germán Larrea "
        "Mota Velasco, con minas, fundiciones y refinerías de cobre en México, Estados "
        "Unidos (a través de ASARCO) y Perú. Los Mineros están en huelga contra él en "
        "Cananea, Taxco y Sombrerete desde el 30 de julio de 2007, y 65 mineros "
        "murieron en la explosión de su mina de carbón de Pasta de Conchos el 19 de "
        "febrero de 2006.",
        "fr": "Groupe minier et ferroviaire mexicain appartenant à Germán Larrea Mota "
        "Velasco, qui exploite des mines, des fonderies et des affineries de cuivre au "
        "Mexique, aux États-Unis (par ASARCO) et au Pérou. Los Mineros sont en grève "
        "contre lui à Cananea, à Taxco et à Sombrerete depuis le 30 juillet 2007, et "
        "65 mineurs ont péri dans l'explosion de sa mine de charbon de Pasta de Conchos "
        "le 19 février 2006.",
    }),
    E("asarco", "ASARCO", "US", "copper mining",
      parent="grupo-mexico", description={
        "en": "Grupo México's subsidiary in the United States: copper mines, a "
        "smelter and a refinery in Arizona and Texas. The Steelworkers and other "
        "unions bargain with it in five locals. ASARCO members of USW District 12 "
        "have worked with Los Mineros in Cananea and Arizona since before 2006.",
        "es": "La filial de Grupo México en Estados Unidos: minas de cobre, una "
        "fundición y una refinería en Arizona y Texas. Los Steelworkers y otros "
        "sindicatos negocian con ella en cinco locales. Los miembros del Distrito 12 "
        "de los Steelworkers en ASARCO trabajan con Los Mineros en Cananea y Arizona "
        "desde antes de 2006.",
        "fr": "La filiale de Grupo México aux États-Unis : des mines de cuivre, une "
        "fonderie et une affinerie en Arizona et au Texas. Les Métallos et d'autres "
        "syndicats y négocient dans cinq sections locales. Les membres d'ASARCO du "
        "District 12 des Métallos travaillent avec Los Mineros à Cananea et en Arizona "
        "depuis avant 2006.",
    }),
    E("buenavista-del-cobre", "Buenavista del Cobre (Mexicana de Cananea)", "MX",
      "copper mining", parent="grupo-mexico"),
    E("industrial-minera-mexico", "Industrial Minera México", "MX", "mining",
      parent="grupo-mexico"),
    # Headquartered in Luxembourg, which is not one of the countries Alianza knows.
    E("arcelormittal", "ArcelorMittal", "GB", "steel", description={
        "en": "A steel company headquartered in Luxembourg, with mills in Europe and "
        "the Americas. In Mexico it owns the steel plant of Lázaro Cárdenas, "
        "Michoacán, where two workers were killed in the strike of 20 April 2006; "
        "the Steelworkers represent the workers of its mills in the United States.",
        "es": "Una empresa siderúrgica con sede en Luxemburgo y acerías en Europa y "
        "las Américas. En México es dueña de la siderúrgica de Lázaro Cárdenas, "
        "Michoacán, donde dos trabajadores fueron asesinados en la huelga del 20 de "
        "abril de 2006; los Steelworkers representan a los trabajadores de sus "
        "acerías en Estados Unidos.",
        "fr": "Une entreprise sidérurgique dont le siège est au Luxembourg, avec des "
        "aciéries en Europe et dans les Amériques. Au Mexique, elle possède l'aciérie "
        "de Lázaro Cárdenas, au Michoacán, où deux travailleurs ont été tués pendant "
        "la grève du 20 avril 2006 ; les Métallos représentent les travailleurs de ses "
        "aciéries aux États-Unis.",
    }),
    E("arcelormittal-mexico", "ArcelorMittal México", "MX", "steel",
      parent="arcelormittal"),
    E("arcelormittal-usa", "ArcelorMittal USA", "US", "steel", parent="arcelormittal"),
    # Coordinated industrial strategy (letter of 27 August 2018).
    E("asf-k", "ASF-K de México", "MX", "railway castings"),
    E("dana", "Dana Incorporated", "US", "auto parts"),
    E("grupo-ch", "Grupo CH", "MX", "steel"),
    E("newmont", "Newmont", "US", "gold mining"),
    E("penasquito", "Minera Peñasquito", "MX", "gold and silver mining",
      parent="newmont"),
    # Organizing campaigns against protection contracts (same letter). PKC is a
    # Finnish group: it appears with the country of the operations the demo shows.
    E("johnson-controls", "Johnson Controls", "US", "auto parts"),
    E("pkc", "PKC Group", "MX", "auto parts", illustrative=True),
    E("teksid", "Teksid Hierro de México", "MX", "iron foundry"),
    E("el-boleo", "Minera y Metalúrgica del Boleo", "MX", "copper and cobalt mining"),
    E("minera-frisco", "Minera Frisco", "MX", "gold and silver mining"),
    E("excellon", "Excellon Resources", "CA", "silver mining"),
    E("torex-gold", "Torex Gold Resources", "CA", "gold mining"),
]

# --- Worksites ----------------------------------------------------------------------
# (employer, name, country, region, municipality, latitude, longitude, sector,
#  products, workers, RRM-covered facility, illustrative, [representation])

WORKSITES: list[Any] = [
    # Grupo México
    ("asarco", "Hayden smelter", "US", "Arizona", "Hayden", "33.00510", "-110.78540",
     "copper smelting", "copper anodes, sulphuric acid", 350, False, True,
     [R(REPRESENTED, USW, "Local 5101 (Hayden)", note=ASARCO_NOTE)]),
    ("asarco", "Ray mine", "US", "Arizona", "Kearny", "33.16000", "-110.98000",
     "copper mining", "copper concentrate", 650, False, True,
     [R(REPRESENTED, USW, "Local 5102 (Kearny)", note=ASARCO_NOTE)]),
    ("asarco", "Mission mine", "US", "Arizona", "Sahuarita", "31.99000", "-111.08000",
     "copper mining", "copper concentrate", 600, False, True,
     [R(REPRESENTED, USW, "Local 5103 (Mission)", note=ASARCO_NOTE)]),
    ("asarco", "Silver Bell mine", "US", "Arizona", "Marana", "32.40000", "-111.50000",
     "copper mining", "copper cathodes", 150, False, True,
     [R(REPRESENTED, USW, "Local 5104 (Silver Bell)", note=ASARCO_NOTE)]),
    ("asarco", "Amarillo copper refinery", "US", "Texas", "Amarillo", "35.28000",
     "-101.74000", "copper refining", "copper cathodes, rod", 250, False, True,
     [R(REPRESENTED, USW, "Local 5105 (Amarillo)", note=ASARCO_NOTE)]),
    ("buenavista-del-cobre", "Cananea copper mine", "MX", "Sonora", "Cananea",
     "30.98660", "-110.29600", "copper mining", "copper concentrate, cathodes",
     1300, True, True,
     [R(ON_STRIKE, LM, "Sección 65", STRIKES_BEGAN,
        "On strike against Grupo México since 30 July 2007.")]),
    ("industrial-minera-mexico", "San Martín mine", "MX", "Zacatecas", "Sombrerete",
     "23.63470", "-103.63970", "mining", "zinc, lead, silver, copper", 350, True, True,
     [R(ON_STRIKE, LM, "Sección 201", STRIKES_BEGAN, STRIKE_NOTE)]),
    ("industrial-minera-mexico", "Taxco mine", "MX", "Guerrero", "Taxco de Alarcón",
     "18.55640", "-99.60500", "mining", "zinc, lead, silver", 400, True, True,
     [R(ON_STRIKE, LM, "Sección 17", STRIKES_BEGAN, STRIKE_NOTE)]),
    ("industrial-minera-mexico", "Pasta de Conchos coal mine", "MX", "Coahuila",
     "San Juan de Sabinas", "27.93900", "-101.21800", "coal mining", "coal", None,
     False, False,
     [R(NON_UNION, since=date(2006, 2, 19),
        note="Closed after the explosion of 19 February 2006 that killed 65 miners; "
        "63 of them were still in the mine in 2018.")]),
    # ArcelorMittal
    ("arcelormittal-mexico", "Lázaro Cárdenas steel plant", "MX", "Michoacán",
     "Lázaro Cárdenas", "17.95800", "-102.19400", "steel",
     "slabs, wire rod, rebar", 3000, True, True,
     [R(REPRESENTED, LM, "Sección 271", date(2007, 1, 1),
        "Date illustrative. Héctor Álvarez Gómez and Mario Alberto Castillo were "
        "killed in the strike of 20 April 2006 at the plant, then SICARTSA.")]),
    ("arcelormittal-usa", "Indiana Harbor Works", "US", "Indiana", "East Chicago",
     "41.66000", "-87.44000", "steel", "hot- and cold-rolled sheet", 4000, False, True,
     [R(REPRESENTED, USW, "District 7",
        note=STANDS_IN.format(unit="District 7", what="USW locals at the plant"))]),
    # Coordinated industrial strategy
    ("asf-k", "Ciudad Sahagún plant", "MX", "Hidalgo", "Tepeapulco", "19.77100",
     "-98.58000", "railway castings", "freight car bogies and couplers", 600, True,
     True, [R(ORGANIZING, LM, "Sección 17", note=NEAREST.format(unit="Sección 17"))]),
    ("dana", "Querétaro plant", "MX", "Querétaro", "Querétaro", "20.58880",
     "-100.38990", "auto parts", "axles and driveshafts", 800, True, True,
     [R(REPRESENTED, LM, "Sección 17",
        note=STANDS_IN.format(unit="Sección 17", what="Los Mineros section at the "
                              "plant"))]),
    ("dana", "Fort Wayne plant", "US", "Indiana", "Fort Wayne", "41.07930",
     "-85.13940", "auto parts", "axles", 400, False, True,
     [R(REPRESENTED, USW, "District 7",
        note=STANDS_IN.format(unit="District 7", what="USW local at the plant"))]),
    ("grupo-ch", "Guadalajara steel mill", "MX", "Jalisco", "Guadalajara",
     "20.67670", "-103.34750", "steel", "special bar quality steel", 900, True, True,
     [R(ORGANIZING, LM, "Sección 271", note=NEAREST.format(unit="Sección 271"))]),
    ("penasquito", "Peñasquito mine", "MX", "Zacatecas", "Mazapil", "24.65000",
     "-101.71000", "gold and silver mining", "gold, silver, lead, zinc", 2700, True,
     True,
     [R(REPRESENTED, LM, "Sección 201",
        note=STANDS_IN.format(unit="Sección 201 (Zacatecas)", what="Los Mineros "
                              "section at the mine"))]),
    # Organizing targets
    ("johnson-controls", "Puebla seating plant", "MX", "Puebla", "Puebla",
     "19.04140", "-98.20630", "auto parts", "car seats and interiors", 400, True,
     True, [R(PROTECTION, note=PROTECTION_NOTE)]),
    ("pkc", "Ciudad Acuña wire harness plant", "MX", "Coahuila", "Acuña", "29.32320",
     "-100.95220", "auto parts", "wire harnesses", 2500, True, True,
     [R(PROTECTION, note=PROTECTION_NOTE)]),
    ("teksid", "Frontera foundry", "MX", "Coahuila", "Frontera", "26.92690",
     "-101.44970", "iron foundry", "engine blocks and heads", 1500, True, True,
     [R(PROTECTION, note=PROTECTION_NOTE)]),
    ("el-boleo", "El Boleo mine", "MX", "Baja California Sur", "Mulegé",
     "27.33890", "-112.26690", "mining", "copper, cobalt, zinc", 1000, True, True,
     [R(PROTECTION, note=PROTECTION_NOTE)]),
    ("minera-frisco", "El Coronel mine", "MX", "Zacatecas", "Ojocaliente",
     "22.57170", "-102.25830", "gold mining", "gold, silver", 500, True, True,
     [R(ORGANIZING, LM, "Sección 201", note=NEAREST.format(unit="Sección 201"))]),
    ("excellon", "La Platosa mine", "MX", "Durango", "Mapimí", "25.88690",
     "-103.61970", "silver mining", "silver, lead, zinc", 400, True, True,
     [R(PROTECTION, note=PROTECTION_NOTE)]),
    ("torex-gold", "El Limón-Guajes mine", "MX", "Guerrero", "Cocula", "18.23300",
     "-99.65600", "gold mining", "gold", 1500, True, True,
     [R(ORGANIZING, LM, "Sección 17", note=NEAREST.format(unit="Sección 17"))]),
]

def translated(record: models.Model, field: str, texts: dict[str, str]) -> None:
    """Attach ``texts`` (language → text) to ``record``'s ``field`` as translations;
    the record's own language is skipped. The demo's helper for every short text."""
    ct = ContentType.objects.get_for_model(type(record))
    for language, text in texts.items():
        if language != getattr(record, "language", None) and text:
            Translation.objects.update_or_create(
                content_type=ct,
                object_id=str(record.pk),
                field=field,
                language=language,
                defaults={"text": text},
            )


def _es_fr(table: dict[str, tuple[str, str]], text: str) -> dict[str, str]:
    if text not in table:
        return {}
    es, fr = table[text]
    return {"es": es, "fr": fr}


# --- Loading ------------------------------------------------------------------------


def _unit(units: dict[str, Unit] | None, org: str, name: str) -> Unit:
    if units is not None and name in units:
        unit = units[name]
        if unit.organisation.slug == org:
            return unit
    return Unit.objects.get(organisation__slug=org, name=name)


def described(
    model: type[models.Model], lookup: dict, data: dict, language: str, **fields
):
    """Create or update a multilingual record. Its description is written in
    ``language``; the description's other languages become translations.

    The demo world's helper for every described record (organisations, spaces,
    bodies, employers): it lives here, in the lowest app whose demo needs it, so
    that the whole world's loader (``core.demo``) imports it and not the reverse."""
    texts = data["description"]
    record, _ = model._default_manager.update_or_create(
        **lookup,
        defaults={**fields, "language": language, "description": texts[language]},
    )
    ct = ContentType.objects.get_for_model(model)
    for other, text in texts.items():
        if other != language:
            Translation.objects.update_or_create(
                content_type=ct,
                object_id=str(record.pk),
                field="description",
                language=other,
                defaults={"text": text},
            )
    return record


def _employers() -> dict[str, Employer]:
    employers: dict[str, Employer] = {}
    for data in EMPLOYERS:
        fields = {k: data[k] for k in ("name", "country", "sector", "illustrative")}
        fields["parent"] = employers[data["parent"]] if data["parent"] else None
        lookup = {"slug": data["slug"]}
        if "description" in data:
            employer = described(Employer, lookup, data, "en", **fields)
        else:
            employer, _ = Employer.objects.update_or_create(**lookup, defaults=fields)
        employers[employer.slug] = employer
    return employers


def load(units: dict[str, Unit] | None = None) -> None:
    """Create or update the demo employers, worksites and representation.

    ``units`` maps unit names to the demo's units; without it the units are looked
    up by organisation slug and name (the demo organisations must exist).
    """
    with transaction.atomic():
        employers = _employers()
        for (
            employer, name, country, region, municipality, latitude, longitude,
            sector, products, headcount, rrm_covered, illustrative, representation,
        ) in WORKSITES:  # fmt: skip
            site, _ = Worksite.objects.update_or_create(
                employer=employers[employer],
                name=name,
                defaults=dict(
                    country=country,
                    region=region,
                    municipality=municipality,
                    latitude=Decimal(latitude),
                    longitude=Decimal(longitude),
                    sector=sector,
                    products=products,
                    headcount=headcount,
                    rrm_covered=rrm_covered,
                    # The workplace's clock: Hermosillo's for Sonora, Phoenix's for
                    # Arizona (neither keeps summer time), Toronto's for Ontario...
                    time_zone=guess_zone(country, f"{region} {municipality}"),
                    illustrative=illustrative,
                    language="en",
                ),
            )
            translated(site, "name", _es_fr(SITE_NAMES, name))
            translated(site, "products", _es_fr(PRODUCTS, products))
            for rep in representation:
                unit = _unit(units, rep["org"], rep["unit"]) if rep["unit"] else None
                rep_record, _ = Representation.objects.update_or_create(
                    worksite=site,
                    unit=unit,
                    defaults=dict(
                        status=rep["status"],
                        started_on=rep["since"],
                        ended_on=None,
                        note=rep["note"],
                        language="en",
                    ),
                )
                translated(rep_record, "note", _es_fr(NOTES, rep["note"]))


def _drop_translations(model: type[models.Model], ids: Any) -> None:
    Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=[str(pk) for pk in ids],
    ).delete()


# --- Reset --------------------------------------------------------------------------


def reset(organisations: QuerySet[Organisation] | None = None) -> None:
    """Delete the demo worksites (with their representation), the representation
    held by the units of ``organisations`` (which the demo reset deletes), and the
    demo employers left without worksites or subsidiaries.

    An employer that another record protects (a council founded at it, say) is kept
    and ``load()`` restores its worksites.
    """
    with transaction.atomic():
        sites = Q(pk__in=[])
        for employer, name, *_ in WORKSITES:
            sites |= Q(employer__slug=employer, name=name)
        reps = Representation.objects.filter(
            worksite__in=Worksite.objects.filter(sites)
        )
        if organisations is not None:
            reps |= Representation.objects.filter(unit__organisation__in=organisations)
        _drop_translations(Representation, reps.values_list("pk", flat=True))
        _drop_translations(
            Worksite, Worksite.objects.filter(sites).values_list("pk", flat=True)
        )
        if organisations is not None:
            Representation.objects.filter(unit__organisation__in=organisations).delete()
        Worksite.objects.filter(sites).delete()
        demo = Employer.objects.filter(slug__in=[e["slug"] for e in EMPLOYERS])
        ct = ContentType.objects.get_for_model(Employer)
        kept: set[int] = set()
        for _ in range(10):  # leaves first: a parent protects its subsidiaries
            leaves = demo.filter(worksites=None, subsidiaries=None).exclude(id__in=kept)
            if not leaves.exists():
                break
            for employer in leaves.distinct():
                pk = employer.pk
                try:
                    with transaction.atomic():
                        employer.delete()
                except ProtectedError:
                    kept.add(pk)
                    continue
                Translation.objects.filter(content_type=ct, object_id=str(pk)).delete()
