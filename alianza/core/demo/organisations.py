"""The demo world's unions, their affiliations and their units (see ``core.demo``)."""

from __future__ import annotations

from typing import Any

from alianza.employers.demo import described
from alianza.lib.when import guess_zone
from alianza.orgs.models import Organisation, Unit
from alianza.orgs.roles import Role

ADMIN, STAFF, OFFICER, MEMBER = Role.ADMIN, Role.STAFF, Role.OFFICER, Role.MEMBER
USW, LM, UNITE, WU = "usw", "los-mineros", "unite", "workers-uniting"


# The data tables below are laid out by hand.
# fmt: off

# --- Organisations ------------------------------------------------------------------

ORGANISATIONS: list[Any] = [
    dict(
        slug=USW, name="United Steelworkers", short_name="USW",
        countries=["US", "CA"], default_language="en",
        time_zone="America/New_York",  # headquarters: Pittsburgh
        description={
            "en": "The United Steel, Paper and Forestry, Rubber, Manufacturing, "
            "Energy, Allied Industrial and Service Workers International Union (the "
            "United Steelworkers) represents workers in the United States and Canada. "
            "It signed a Strategic Alliance with Los Mineros on 26 May 2005, expanded "
            "into the Solidarity Alliance at its 2011 International Convention, and "
            "with Unite the Union formed the global union Workers Uniting.",
            "es": "El Sindicato Internacional de Trabajadores Unidos del Acero, Papel "
            "y Forestales, Hule, Manufactura, Energía, Industriales Afines y de "
            "Servicios (los Steelworkers) representa a trabajadores de Estados Unidos "
            "y Canadá. Firmó una Alianza Estratégica con Los Mineros el 26 de mayo de "
            "2005, ampliada en la Alianza de Solidaridad en su Convención de 2011, y "
            "con Unite the Union formó el sindicato global Workers Uniting.",
            "fr": "Le Syndicat international des travailleurs unis de la métallurgie, "
            "du papier et de la foresterie, du caoutchouc, de la fabrication, de "
            "l'énergie, des industries connexes et des services (les Métallos) "
            "représente des travailleuses et des travailleurs aux États-Unis et au "
            "Canada, dont ceux du Québec au sein du Syndicat des Métallos. Il a signé "
            "une Alliance stratégique avec Los Mineros le 26 mai 2005, élargie en "
            "Alliance de solidarité à son Congrès international de 2011, et a formé "
            "avec Unite the Union le syndicat mondial Workers Uniting.",
        },
    ),
    dict(
        slug=LM,
        name="Sindicato Nacional de Trabajadores Mineros, Metalúrgicos, "
        "Siderúrgicos y Similares de la República Mexicana",
        short_name="Los Mineros", countries=["MX"], default_language="es",
        time_zone="America/Mexico_City",
        description={
            "es": "El Sindicato Nacional de Trabajadores Mineros, Metalúrgicos, "
            "Siderúrgicos y Similares de la República Mexicana (SNTMMSRM), Los "
            "Mineros, representa a los trabajadores de minas, plantas y fábricas de "
            "México. Firmó una Alianza Estratégica con los Steelworkers el 26 de mayo "
            "de 2005, ampliada en la Alianza de Solidaridad de 2011, y se unió a "
            "Workers Uniting en 2017.",
            "en": "The National Union of Mine, Metal, Steel and Related Workers of the "
            "Mexican Republic (SNTMMSRM), Los Mineros, represents the workers of the "
            "mines, mills and factories of Mexico. It signed a Strategic Alliance "
            "with the Steelworkers on 26 May 2005, expanded in the 2011 Solidarity "
            "Alliance, and joined Workers Uniting in 2017.",
            "fr": "Le Syndicat national des travailleurs des mines, de la métallurgie, "
            "de la sidérurgie et assimilés de la République mexicaine (SNTMMSRM), Los "
            "Mineros, représente les travailleurs des mines, des usines et des "
            "fabriques du Mexique. Il a signé une Alliance stratégique avec les "
            "Métallos le 26 mai 2005, élargie par l'Alliance de solidarité de 2011, "
            "et s'est joint à Workers Uniting en 2017.",
        },
    ),
    dict(
        slug=UNITE, name="Unite the Union", short_name="Unite",
        countries=["GB", "IE"], default_language="en", time_zone="Europe/London",
        description={
            "en": "Unite the Union organises workers in the United Kingdom and "
            "Ireland. With the United Steelworkers it formed the global union Workers "
            "Uniting.",
            "es": "Unite the Union organiza a trabajadores del Reino Unido e Irlanda. "
            "Con los Steelworkers formó el sindicato global Workers Uniting.",
            "fr": "Unite the Union regroupe des travailleurs du Royaume-Uni et "
            "d'Irlande. Avec les Métallos, il a formé le syndicat mondial Workers "
            "Uniting.",
        },
    ),
    dict(
        slug=WU, name="Workers Uniting", short_name="Workers Uniting",
        kind=Organisation.Kind.GLOBAL_UNION, members_count=2_000_000,
        countries=["CA", "IE", "MX", "GB", "US"], default_language="en",
        description={
            "en": "The global union formed by the United Steelworkers and Unite the "
            "Union, representing two million workers in Canada, Ireland, Mexico, the "
            "United Kingdom and the United States. Los Mineros joined in 2017.",
            "es": "El sindicato global formado por los Steelworkers y Unite the Union, "
            "que representa a dos millones de trabajadores en Canadá, Irlanda, "
            "México, el Reino Unido y Estados Unidos. Los Mineros se unieron en 2017.",
            "fr": "Le syndicat mondial formé par les Métallos et Unite the Union, qui "
            "représente deux millions de travailleurs au Canada, en Irlande, au "
            "Mexique, au Royaume-Uni et aux États-Unis. Los Mineros s'y sont joints "
            "en 2017.",
        },
    ),
]
AFFILIATES = {WU: [USW, UNITE, LM]}

# --- Units: (organisation, name, kind, number, country, place, parent, illustrative) -

D, L, S, C = Unit.Kind.DISTRICT, Unit.Kind.LOCAL, Unit.Kind.SECTION, Unit.Kind.CAUCUS
D12 = "District 12"
UNITS: list[Any] = [
    (USW, "District 3", D, "3", "CA", "Vancouver, British Columbia", None, False),
    # USW District 5 is Quebec, where the Steelworkers are the Syndicat des Métallos.
    (USW, "District 5 (Syndicat des Métallos)", D, "5", "CA", "Montréal, Québec", None,
     False),
    (USW, "District 7", D, "7", "US", "Indiana and Illinois", None, True),
    (USW, D12, D, "12", "US", "Southwest, including Arizona", None, False),
    (USW, "Women of Steel", C, "", "US", "", None, False),
    # The five ASARCO locals in Arizona and Texas (seed 002); numbers are invented.
    (USW, "Local 5101 (Hayden)", L, "5101", "US", "Hayden, Arizona", D12, True),
    (USW, "Local 5102 (Kearny)", L, "5102", "US", "Kearny, Arizona", D12, True),
    (USW, "Local 5103 (Mission)", L, "5103", "US", "Sahuarita, Arizona", D12, True),
    (USW, "Local 5104 (Silver Bell)", L, "5104", "US", "Marana, Arizona", D12, True),
    (USW, "Local 5105 (Amarillo)", L, "5105", "US", "Amarillo, Texas", D12, True),
    (LM, "Sección 65", S, "65", "MX", "Cananea, Sonora", None, False),
    (LM, "Sección 201", S, "201", "MX", "Sombrerete, Zacatecas", None, False),
    (LM, "Sección 17", S, "17", "MX", "Taxco, Guerrero", None, False),
    (LM, "Sección 271", S, "271", "MX", "Lázaro Cárdenas, Michoacán", None, True),
    (LM, "Mineras de Acero", C, "", "MX", "", None, False),
]

# fmt: on


def load_organisations() -> dict[str, Organisation]:
    orgs = {}
    for data in ORGANISATIONS:
        fields = {k: v for k, v in data.items() if k not in ("slug", "description")}
        fields.setdefault("kind", Organisation.Kind.UNION)
        language = data["default_language"]
        org = described(Organisation, {"slug": data["slug"]}, data, language, **fields)
        orgs[org.slug] = org
    for slug, affiliates in AFFILIATES.items():
        orgs[slug].affiliates.add(*(orgs[a] for a in affiliates))
    return orgs


def load_units(orgs: dict[str, Organisation]) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for org, name, kind, number, country, place, parent, illustrative in UNITS:
        units[name], _ = Unit.objects.update_or_create(
            organisation=orgs[org],
            name=name,
            defaults=dict(
                kind=kind,
                number=number,
                country=country,
                place=place,
                time_zone=guess_zone(country, place),
                parent=units[parent] if parent else None,
                illustrative=illustrative,
            ),
        )
    return units
