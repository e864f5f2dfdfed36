"""The demo world: the alliance as the seed documents describe it.

Facts come from the seeds (the 2011 Solidarity Alliance, Leo W. Gerard's letter of
27 August 2018 and Los Mineros' letter on ASARCO). Anything invented to make the
world usable (local numbers, places, fictional people, phone numbers) is marked
``illustrative``. Demo logins belong to fictional people only; the real people the
seeds name appear as records holding their seats, never with an account.

``load()`` is idempotent: every record is keyed on a slug, a name or an e-mail.
``reset()`` removes the demo world (and only it) so that ``load()`` starts afresh.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q

from alianza.accounts.models import Invitation, User
from alianza.audit.models import AuditEntry
from alianza.bodies.models import Body, Seat
from alianza.contracts import demo as contracts_demo
from alianza.councils import demo as councils_demo
from alianza.elections import demo as elections_demo
from alianza.employers import demo as employers_demo
from alianza.employers.demo import described
from alianza.governance import demo as governance_demo
from alianza.multilingual.models import Translation
from alianza.orgs.models import ContactChannel, Membership, Organisation, Person, Unit
from alianza.orgs.roles import LEADING_ROLES, Role
from alianza.solidarity import demo as solidarity_demo
from alianza.spaces.models import JointSpace, Participant, Share

PASSWORD = "alianza-demo-2026"  # noqa: S105 - printed for everyone on purpose
DEMO_EMAIL_SUFFIX = ".example"
TOTP_HINT = "get the current 6-digit code with: alianza demo_totp EMAIL"

ADMIN, STAFF, OFFICER, MEMBER = Role.ADMIN, Role.STAFF, Role.OFFICER, Role.MEMBER
USW, LM, UNITE, WU = "usw", "los-mineros", "unite", "workers-uniting"


def M(org, unit, role, title="", ended=None) -> dict[str, Any]:
    """A membership: organisation slug, unit name (or None), role, title."""
    return dict(org=org, unit=unit, role=role, title=title, ended=ended)


def P(name, country, lang, speaks, *memberships, real=False, **extra):
    """A person: name, country, preferred language, languages spoken ("en es")."""
    return dict(
        name=name,
        country=country,
        lang=lang,
        speaks=speaks.split(),
        memberships=list(memberships),
        illustrative=not real,
        **extra,
    )


# The data tables below are laid out by hand.
# fmt: off

# --- Organisations ------------------------------------------------------------------

ORGANISATIONS: list[Any] = [
    dict(
        slug=USW, name="United Steelworkers", short_name="USW",
        countries=["US", "CA"], default_language="en",
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
        },
    ),
    dict(
        slug=LM,
        name="Sindicato Nacional de Trabajadores Mineros, Metalúrgicos, "
        "Siderúrgicos y Similares de la República Mexicana",
        short_name="Los Mineros", countries=["MX"], default_language="es",
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
        },
    ),
    dict(
        slug=UNITE, name="Unite the Union", short_name="Unite",
        countries=["GB", "IE"], default_language="en",
        description={
            "en": "Unite the Union organises workers in the United Kingdom and "
            "Ireland. With the United Steelworkers it formed the global union Workers "
            "Uniting.",
            "es": "Unite the Union organiza a trabajadores del Reino Unido e Irlanda. "
            "Con los Steelworkers formó el sindicato global Workers Uniting.",
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
        },
    ),
]
AFFILIATES = {WU: [USW, UNITE, LM]}

# --- Units: (organisation, name, kind, number, country, place, parent, illustrative) -

D, L, S, C = Unit.Kind.DISTRICT, Unit.Kind.LOCAL, Unit.Kind.SECTION, Unit.Kind.CAUCUS
D12 = "District 12"
UNITS: list[Any] = [
    (USW, "District 3", D, "3", "CA", "Vancouver, British Columbia", None, False),
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

# --- People -------------------------------------------------------------------------

# Real people the seeds name: records holding their seats, never a login.
PUBLIC_FIGURES: list[Any] = [
    P("Leo W. Gerard", "CA", "en", "en",
      M(USW, None, OFFICER, "International President"), real=True),
    P("Napoleón Gómez Urrutia", "MX", "es", "es",
      M(LM, None, OFFICER, "Presidente y Secretario General"), real=True),
    P("Sergio Beltrán Reyes", "MX", "es", "es",
      M(LM, None, OFFICER, "Secretario del Interior, Exterior y Actas"), real=True),
    P("Juan Linares Montufar", "MX", "es", "es",
      M(LM, None, OFFICER, "Secretario del Consejo General de Vigilancia y Justicia"),
      real=True),
    P("Len McCluskey", "GB", "en", "en",
      M(UNITE, None, OFFICER, "General Secretary"), real=True),
    # "our then District Director" (letter of 27 August 2018, about 2006): past office.
    P("Terry Bonds", "US", "en", "en",
      M(USW, D12, OFFICER, "District 12 Director (in 2006)", ended=date(2018, 8, 27)),
      real=True),
    P("LaVenture", "US", "en", "en",
      M(USW, None, MEMBER, "Addressee of Los Mineros' letter on ASARCO"), real=True),
]

# Fictional officials who hold seats but have no login.
OFFICIALS: list[Any] = [
    P("Michael Brennan", "US", "en", "en",
      M(USW, None, OFFICER, "International Secretary-Treasurer")),
    P("Harjit Sandhu", "CA", "en", "en fr", M(USW, "District 3", OFFICER, "Director")),
    P("Kevin Dombrowski", "US", "en", "en", M(USW, "District 7", OFFICER, "Director")),
    P("Elena Villarreal", "US", "en", "en es", M(USW, D12, OFFICER, "Director")),
    P("Margaret O'Connell", "US", "en", "en", M(USW, None, STAFF, "General Counsel")),
    P("Gregory Hall", "US", "en", "en",
      M(USW, None, STAFF, "Assistant to the International President")),
    P("Sandra Whitfield", "CA", "en", "en fr",
      M(USW, None, STAFF, "Research Department")),
    P("Ernesto Salinas Ortiz", "MX", "es", "es",
      M(LM, None, OFFICER, "Secretario Tesorero")),
    P("Guadalupe Rentería Soto", "MX", "es", "es",
      M(LM, None, OFFICER, "Secretaria de Seguridad e Higiene")),
    P("Rosa Elena Quiroz Ibarra", "MX", "es", "es",
      M(LM, None, OFFICER, "Vocal del Consejo General de Vigilancia y Justicia")),
    P("Tomás Arvizu Leyva", "MX", "es", "es",
      M(LM, None, OFFICER, "Vocal del Consejo General de Vigilancia y Justicia")),
    P("Arturo Ceballos Ruiz", "MX", "es", "es en",
      M(LM, None, OFFICER, "Delegado especial")),
    P("Verónica Lugo Medina", "MX", "es", "es en",
      M(LM, None, STAFF, "Departamento Jurídico")),
    P("Fernando Olvera Campos", "MX", "es", "es",
      M(LM, None, OFFICER, "Delegado de zona")),
]

# Fictional people with a demo login (every e-mail ends in ".example").
LOGINS: list[Any] = [
    P("Jordan Walker", "US", "en", "en es",
      M(USW, None, STAFF, "Director of International Affairs"),
      email="j.walker@usw.example",
      who="USW staff, international affairs; Joint Commission"),
    P("Dana Kowalski", "US", "en", "en",
      M(USW, None, ADMIN, "Membership systems administrator"),
      email="d.kowalski@usw.example", who="USW organisation administrator"),
    P("Ray Benavidez", "US", "en", "en es",
      M(USW, D12, OFFICER, "Cross-border solidarity coordinator"),
      email="r.benavidez@usw.example", who="USW officer, District 12"),
    P("Patricia Quinn", "CA", "en", "en es fr",
      M(USW, None, OFFICER, "International Vice President"),
      email="p.quinn@usw.example",
      who="USW officer on the IEB; observer on Los Mineros' NEC"),
    P("María Hernández", "MX", "es", "es en",
      M(LM, None, STAFF, "Departamento de Asuntos Internacionales"),
      email="maria.hernandez@mineros.example",
      who="Los Mineros staff, international affairs; Joint Commission"),
    P("José Luis Romero", "MX", "es", "es",
      M(LM, "Sección 65", OFFICER, "Secretario General de la Sección 65"),
      email="jl.romero@mineros.example",
      who="Los Mineros officer, Sección 65 (Cananea)"),
    P("Alejandra Castañeda", "MX", "es", "es en",
      M(LM, None, OFFICER, "Secretaria de Asuntos Internacionales"),
      email="a.castaneda@mineros.example",
      who="Los Mineros officer on the NEC; observer on the USW IEB"),
    P("Ramón Valenzuela", "MX", "es", "es", M(LM, "Sección 65", MEMBER),
      email="r.valenzuela@mineros.example",
      who="Los Mineros member, Sección 65 (Cananea)"),
    P("Linda Morales", "US", "en", "en es",
      M(USW, "Local 5101 (Hayden)", MEMBER), M(USW, "Women of Steel", MEMBER),
      email="l.morales@usw.example",
      who="USW member, ASARCO Local 5101 (Hayden); Women of Steel"),
    P("Alex Rivera", "US", "en", "en", email="alex.rivera@outside.example",
      who="Outsider: an account, no membership anywhere"),
]

# Rank-and-file members without a login or an e-mail: a phone number is enough.
# (name, country, language, languages spoken, organisation, unit, phone)
MEMBERS: list[Any] = [
    ("Jesús Manuel Ochoa", "MX", "es", "es", LM, "Sección 65", "+52 645 555 0101"),
    ("Francisca Durazo", "MX", "es", "es", LM, "Sección 65", "+52 645 555 0102"),
    ("Martín Coronado Félix", "MX", "es", "es", LM, "Sección 65", "+52 645 555 0103"),
    ("Luis Alberto Moreno", "MX", "es", "es en", LM, "Sección 65", "+52 645 555 0104"),
    ("Juan Carlos Escobedo", "MX", "es", "es", LM, "Sección 201", "+52 433 555 0105"),
    ("Margarita Ríos Cháirez", "MX", "es", "es", LM, "Sección 201", "+52 433 555 0106"),
    ("Pedro Sifuentes", "MX", "es", "es", LM, "Sección 201", "+52 433 555 0107"),
    ("Rogelio Bahena", "MX", "es", "es", LM, "Sección 17", "+52 762 555 0108"),
    ("Alma Delia Ocampo", "MX", "es", "es", LM, "Sección 17", "+52 762 555 0109"),
    ("Isidro Figueroa Román", "MX", "es", "es", LM, "Sección 17", "+52 762 555 0110"),
    ("Óscar Mendoza Pineda", "MX", "es", "es", LM, "Sección 271", "+52 753 555 0111"),
    ("Lucía Zamora Vega", "MX", "es", "es", LM, "Sección 271", "+52 753 555 0112"),
    ("Raúl Tapia Guzmán", "MX", "es", "es", LM, "Sección 271", "+52 753 555 0113"),
    ("Claudia Ibarra Sáenz", "MX", "es", "es", LM, "Mineras de Acero",
     "+52 55 5555 0114"),
    ("Daniel Nez", "US", "en", "en", USW, "Local 5101 (Hayden)", "+1 520 555 0115"),
    ("Rosa Elizondo", "US", "es", "es en", USW, "Local 5102 (Kearny)",
     "+1 520 555 0116"),
    ("Mike Trujillo", "US", "en", "en es", USW, "Local 5103 (Mission)",
     "+1 520 555 0117"),
    ("Anthony Luján", "US", "en", "en es", USW, "Local 5104 (Silver Bell)",
     "+1 520 555 0118"),
    ("Brenda Collins", "US", "en", "en", USW, "Local 5105 (Amarillo)",
     "+1 806 555 0119"),
    ("Marc Tremblay", "CA", "fr", "fr en", USW, "District 3", "+1 604 555 0120"),
    ("Shawna Jackson", "US", "en", "en", USW, "District 7", "+1 219 555 0121"),
    ("Karen Mitchell", "US", "en", "en", USW, "Women of Steel", "+1 412 555 0122"),
]

# --- Joint spaces: participants are (organisation, role, title, since) --------------

COORD, PART = Participant.Role.COORDINATOR, Participant.Role.PARTICIPANT
SPACES: list[Any] = [
    dict(
        slug="solidarity-alliance", name="Solidarity Alliance USW–Los Mineros",
        kind=JointSpace.Kind.ALLIANCE, established_on=date(2005, 5, 26),
        description={
            "en": "The alliance of the United Steelworkers and Los Mineros. The two "
            "unions signed a Strategic Alliance on 26 May 2005 and expanded it in "
            "the Solidarity Alliance approved and executed in Las Vegas on 16 August "
            "2011, at the USW International Convention. They remain separate "
            "organisations with separate constitutions; each has an observer, with "
            "the right to speak but not vote, on the other's executive body.",
            "es": "La alianza de los Steelworkers y Los Mineros. Los dos sindicatos "
            "firmaron una Alianza Estratégica el 26 de mayo de 2005 y la ampliaron en "
            "la Alianza de Solidaridad aprobada y firmada en Las Vegas el 16 de agosto "
            "de 2011, en la Convención Internacional de los Steelworkers. Siguen "
            "siendo organizaciones separadas con estatutos separados; cada una tiene "
            "un observador, con voz pero sin voto, en el órgano ejecutivo de la otra.",
        },
        participants=[(USW, COORD, "", date(2005, 5, 26)),
                      (LM, COORD, "", date(2005, 5, 26))],
    ),
    dict(
        slug="joint-commission", name="Joint Commission",
        kind=JointSpace.Kind.COMMISSION,
        established_on=date(2010, 1, 1),  # the seed says "in 2010": the day is invented
        description={
            "en": "The joint commission of the United Steelworkers and Los Mineros, "
            "established in 2010 (the day shown is illustrative). The 2011 Solidarity "
            "Alliance expanded it to include the General Counsel and the Director of "
            "International Affairs of the Steelworkers and two additional "
            "representatives of Los Mineros, and charged it with recommending all "
            "necessary actions to advance the Alliance's initiatives.",
            "es": "La comisión conjunta de los Steelworkers y Los Mineros, creada en "
            "2010 (el día indicado es ilustrativo). La Alianza de Solidaridad de 2011 "
            "la amplió con el Asesor Jurídico General y el Director de Asuntos "
            "Internacionales de los Steelworkers y dos representantes adicionales de "
            "Los Mineros, y le encargó recomendar todas las acciones necesarias para "
            "avanzar las iniciativas de la Alianza.",
        },
        participants=[(USW, COORD, "", None), (LM, COORD, "", None)],
    ),
    dict(
        slug="workers-uniting-space", name="Workers Uniting",
        kind=JointSpace.Kind.GLOBAL_UNION, established_on=None,
        description={
            "en": "The shared space of Workers Uniting, the global union formed by "
            "the USW and Unite the Union. Los Mineros joined in 2017.",
            "es": "El espacio compartido de Workers Uniting, el sindicato global "
            "formado por los Steelworkers y Unite the Union. Los Mineros se unieron "
            "en 2017.",
        },
        participants=[(USW, PART, "Founding affiliate", None),
                      (UNITE, PART, "Founding affiliate", None),
                      (LM, PART, "Affiliate since 2017", None)],
    ),
]

# --- Bodies; seats are (kind, title, holder, on behalf of) -------------------------

MEMB, OBS = Seat.Kind.MEMBER, Seat.Kind.OBSERVER
BODIES: list[Any] = [
    dict(
        name="Comité Ejecutivo Nacional", short_name="CEN",
        kind=Body.Kind.EXECUTIVE_BOARD, organisation=LM, language="es",
        description={
            "es": "El órgano de dirección nacional de Los Mineros. Por la Alianza de "
            "Solidaridad de 2011, los Steelworkers tienen un observador con derecho a "
            "voz pero sin voto, que no se considera miembro del Comité.",
            "en": "The national leadership of Los Mineros. Under the 2011 Solidarity "
            "Alliance the Steelworkers have an observer with the right to speak but "
            "not vote, who is not considered a member of the Committee.",
        },
        seats=[
            (MEMB, "Presidente y Secretario General", "Napoleón Gómez Urrutia", LM),
            (MEMB, "Secretario del Interior, Exterior y Actas",
             "Sergio Beltrán Reyes", LM),
            (MEMB, "Secretario Tesorero", "Ernesto Salinas Ortiz", LM),
            (MEMB, "Secretaria de Asuntos Internacionales", "Alejandra Castañeda", LM),
            (MEMB, "Secretaria de Seguridad e Higiene", "Guadalupe Rentería Soto", LM),
            (OBS, "Observadora de los Steelworkers (Alianza de Solidaridad, 2011)",
             "Patricia Quinn", USW),
        ],
    ),
    dict(
        name="Consejo General de Vigilancia y Justicia", short_name="CGVJ",
        kind=Body.Kind.OVERSIGHT, organisation=LM, language="es",
        description={
            "es": "El consejo que vigila la vida del Sindicato y su justicia interna.",
            "en": "The council that oversees the life of the Union and its internal "
            "justice.",
        },
        seats=[
            (MEMB, "Secretario", "Juan Linares Montufar", LM),
            (MEMB, "Primera Vocal", "Rosa Elena Quiroz Ibarra", LM),
            (MEMB, "Segundo Vocal", "Tomás Arvizu Leyva", LM),
        ],
    ),
    dict(
        name="International Executive Board", short_name="IEB",
        kind=Body.Kind.EXECUTIVE_BOARD, organisation=USW, language="en",
        description={
            "en": "The Steelworkers' International Executive Board. Under the 2011 "
            "Solidarity Alliance Los Mineros have an observer with the right to speak "
            "but not vote, who is not considered a member of the Board.",
            "es": "La Junta Ejecutiva Internacional de los Steelworkers. Por la "
            "Alianza de Solidaridad de 2011, Los Mineros tienen un observador con "
            "derecho a voz pero sin voto, que no se considera miembro de la Junta.",
        },
        seats=[
            (MEMB, "International President", "Leo W. Gerard", USW),
            (MEMB, "International Secretary-Treasurer", "Michael Brennan", USW),
            (MEMB, "International Vice President", "Patricia Quinn", USW),
            (MEMB, "Director, District 3", "Harjit Sandhu", USW),
            (MEMB, "Director, District 7", "Kevin Dombrowski", USW),
            (MEMB, "Director, District 12", "Elena Villarreal", USW),
            (OBS, "Observer for Los Mineros (Solidarity Alliance, 2011)",
             "Alejandra Castañeda", LM),
        ],
    ),
    dict(
        name="Joint Commission", short_name="",
        kind=Body.Kind.COMMISSION, space="joint-commission", language="en",
        established_on=date(2010, 1, 1),  # illustrative day, as for the space
        description={
            "en": "The members of the joint commission: those of 2010 (illustrative) "
            "and those added by the 2011 Solidarity Alliance.",
            "es": "Los miembros de la comisión conjunta: los de 2010 (ilustrativos) y "
            "los añadidos por la Alianza de Solidaridad de 2011.",
        },
        seats=[
            (MEMB, "Co-chair for the Steelworkers (since 2010)", "Gregory Hall", USW),
            (MEMB, "Steelworkers member (since 2010)", "Sandra Whitfield", USW),
            (MEMB, "Co-chair for Los Mineros (since 2010)",
             "Arturo Ceballos Ruiz", LM),
            (MEMB, "Los Mineros member (since 2010)", "Verónica Lugo Medina", LM),
            (MEMB, "General Counsel of the Steelworkers (added 2011)",
             "Margaret O'Connell", USW),
            (MEMB, "Director of International Affairs of the Steelworkers "
             "(added 2011)", "Jordan Walker", USW),
            (MEMB, "Additional representative of Los Mineros (added 2011)",
             "María Hernández", LM),
            (MEMB, "Second additional representative of Los Mineros (added 2011)",
             "Fernando Olvera Campos", LM),
        ],
    ),
]

# fmt: on


# --- Loading ------------------------------------------------------------------------


@dataclass
class DemoLogin:
    email: str
    password: str
    who: str
    totp_secret: str | None = None


def totp_secret_for(email: str) -> str:
    """A fixed, reproducible TOTP secret per demo account."""
    digest = hashlib.sha1((email + "alianza-demo").encode(), usedforsecurity=False)
    return base64.b32encode(digest.digest()[:20]).decode("ascii")


def _organisations() -> dict[str, Organisation]:
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


def _units(orgs: dict[str, Organisation]) -> dict[str, Unit]:
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
                parent=units[parent] if parent else None,
                illustrative=illustrative,
            ),
        )
    return units


def _person(data: dict, orgs, units, user: User | None = None) -> Person:
    person = Person.objects.filter(user=user).first() if user else None
    unlinked = Person.objects.filter(name=data["name"], user=None)
    person = person or unlinked.first() or Person()
    person.name, person.user, person.country = data["name"], user, data["country"]
    person.preferred_language, person.languages_spoken = data["lang"], data["speaks"]
    person.illustrative = data["illustrative"]
    person.save()
    for m in data["memberships"]:
        Membership.objects.update_or_create(
            person=person,
            organisation=orgs[m["org"]],
            unit=units[m["unit"]] if m["unit"] else None,
            defaults=dict(role=m["role"], title=m["title"], ended_on=m["ended"]),
        )
    if data.get("phone"):
        ContactChannel.objects.get_or_create(
            person=person,
            kind=ContactChannel.Kind.PHONE,
            value=data["phone"],
            defaults={"preferred": True},
        )
    return person


def _login(data: dict, orgs, units) -> DemoLogin:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP
    from allauth.mfa.utils import decrypt

    email = data["email"]
    assert email.endswith(DEMO_EMAIL_SUFFIX)
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, PASSWORD, language=data["lang"])
    elif not user.check_password(PASSWORD) or user.language != data["lang"]:
        user.set_password(PASSWORD)
        user.language = data["lang"]
        user.save()
    _person(data, orgs, units, user=user)
    secret = None
    if any(m["role"] in LEADING_ROLES for m in data["memberships"]):
        totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP)
        if not totp.exists():
            TOTP.activate(user, totp_secret_for(email))
        RecoveryCodes.activate(user)  # does nothing when codes exist already
        secret = decrypt(totp.get().data["secret"])
    return DemoLogin(
        email=email, password=PASSWORD, who=data["who"], totp_secret=secret
    )


def _spaces(orgs) -> dict[str, JointSpace]:
    spaces = {}
    for data in SPACES:
        fields = {k: data[k] for k in ("name", "kind", "established_on")}
        space = described(JointSpace, {"slug": data["slug"]}, data, "en", **fields)
        for slug, role, title, joined_on in data["participants"]:
            Participant.objects.update_or_create(
                space=space,
                organisation=orgs[slug],
                defaults=dict(role=role, title=title, joined_on=joined_on),
            )
        spaces[space.slug] = space
    return spaces


def _bodies(orgs, spaces, people: dict[str, Person]) -> None:
    for data in BODIES:
        lookup = {
            "name": data["name"],
            "organisation": orgs.get(data.get("organisation")),
            "space": spaces.get(data.get("space")),
        }
        fields = {k: data.get(k) for k in ("short_name", "kind", "established_on")}
        body = described(Body, lookup, data, data["language"], **fields)
        for order, (kind, title, holder, representing) in enumerate(data["seats"]):
            Seat.objects.update_or_create(
                body=body,
                title=title,
                defaults=dict(
                    kind=kind,
                    holder=people[holder],
                    representing=orgs[representing],
                    order=order,
                    **Seat.rights_for(kind),
                ),
            )


def load(stdout=None) -> list[DemoLogin]:
    """Create or update the demo world; return the demo logins."""
    with transaction.atomic():
        orgs = _organisations()
        units = _units(orgs)
        employers_demo.load(units)
        people: dict[str, Person] = {}
        for data in PUBLIC_FIGURES + OFFICIALS:
            people[data["name"]] = _person(data, orgs, units)
        for name, country, lang, speaks, org, unit, phone in MEMBERS:
            data = P(name, country, lang, speaks, M(org, unit, MEMBER), phone=phone)
            people[name] = _person(data, orgs, units)
        logins = []
        for data in LOGINS:
            logins.append(_login(data, orgs, units))
            people[data["name"]] = Person.objects.get(user__email=data["email"])
        spaces = _spaces(orgs)
        _bodies(orgs, spaces, people)
        councils_demo.load()
        governance_demo.load()
        elections_demo.load()
        solidarity_demo.load()
        contracts_demo.load()
    if stdout is not None:
        stdout.write(f"Demo world loaded: {len(people)} people, {len(logins)} logins.")
    return logins


# --- Reset --------------------------------------------------------------------------


def _demo_person_ids(orgs) -> set[int]:
    """The people of demo accounts, and those named in the data or in demo
    organisations who belong to no other organisation."""
    names = [p["name"] for p in PUBLIC_FIGURES + OFFICIALS + LOGINS]
    names += [m[0] for m in MEMBERS]
    outside = Membership.objects.exclude(organisation__in=orgs).values("person_id")
    people = Person.objects.filter(
        Q(user__email__endswith=DEMO_EMAIL_SUFFIX)
        | (Q(name__in=names, user=None) | Q(memberships__organisation__in=orgs))
        & ~Q(id__in=outside)
    )
    return set(people.values_list("id", flat=True))


def _drop_translations(model: type[models.Model], ids) -> None:
    ct = ContentType.objects.get_for_model(model)
    Translation.objects.filter(
        content_type=ct, object_id__in=[str(i) for i in ids]
    ).delete()


def reset(stdout=None) -> None:
    """Delete the demo world: the demo organisations and joint spaces with everything
    in them, the demo people and the ``.example`` accounts.

    The audit log is append-only, so an organisation, joint space or account that
    appears in it is kept (emptied, or with its sign-in factors removed) and
    ``load()`` restores it.
    """
    from allauth.mfa.models import Authenticator

    with transaction.atomic():
        orgs = Organisation.objects.filter(slug__in=[o["slug"] for o in ORGANISATIONS])
        spaces = JointSpace.objects.filter(slug__in=[s["slug"] for s in SPACES])
        users = User.objects.filter(email__endswith=DEMO_EMAIL_SUFFIX)
        person_ids = _demo_person_ids(orgs)

        Share.objects.filter(
            Q(space__in=spaces) | Q(shared_by__in=users) | Q(withdrawn_by__in=users)
        ).delete()
        Invitation.objects.filter(
            Q(organisation__in=orgs) | Q(invited_by__in=users)
        ).delete()
        bodies = Body.objects.filter(Q(organisation__in=orgs) | Q(space__in=spaces))
        _drop_translations(Body, bodies.values_list("id", flat=True))
        contracts_demo.reset()  # agreements protect employers and units
        governance_demo.reset()  # votes and motions refer to the seats
        elections_demo.reset()  # elections hold roles of demo people and units
        solidarity_demo.reset()  # campaigns hold worksites, units and people
        Seat.objects.filter(Q(body__in=bodies) | Q(representing__in=orgs)).delete()
        bodies.delete()
        Participant.objects.filter(
            Q(space__in=spaces) | Q(organisation__in=orgs) | Q(person_id__in=person_ids)
        ).delete()
        Membership.objects.filter(
            Q(organisation__in=orgs) | Q(unit__organisation__in=orgs)
        ).delete()
        councils_demo.reset()  # councils hold the demo units
        employers_demo.reset(orgs)  # representation by the demo units
        units = Unit.objects.filter(organisation__in=orgs)
        for _ in range(20):  # leaves first: a unit protects its children
            if not units.exists():
                break
            units.filter(children__isnull=True).delete()
        Person.objects.filter(id__in=person_ids).delete()

        audited_users = AuditEntry.objects.filter(actor__in=users).values("actor_id")
        Authenticator.objects.filter(user__in=users).delete()
        users.exclude(id__in=audited_users).delete()

        audited_spaces = AuditEntry.objects.exclude(space=None).values("space_id")
        _drop_translations(JointSpace, spaces.values_list("id", flat=True))
        spaces.exclude(id__in=audited_spaces).delete()
        audited = AuditEntry.objects.exclude(organisation=None).values(
            "organisation_id"
        )
        _drop_translations(Organisation, orgs.values_list("id", flat=True))
        for org in orgs:
            org.affiliates.clear()
        orgs.exclude(id__in=audited).delete()
    if stdout is not None:
        stdout.write("Demo world removed.")
