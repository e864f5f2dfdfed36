"""The demo world's people: the real people the seeds name (records without a
login), fictional officials and members, and the fictional demo logins."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any

from alianza.accounts.models import User
from alianza.orgs.models import ContactChannel, Membership, Person
from alianza.orgs.roles import LEADING_ROLES
from alianza.orgs.selectors import usual_zone_of

from .organisations import ADMIN, D12, LM, MEMBER, OFFICER, STAFF, UNITE, USW

PASSWORD = "alianza-demo-2026"  # noqa: S105 - printed for everyone on purpose
DEMO_EMAIL_SUFFIX = ".example"
TOTP_HINT = "get the current 6-digit code with: alianza demo_totp EMAIL"


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
    P("Sylvie Gagnon", "CA", "fr", "fr en",
      M(USW, "District 5 (Syndicat des Métallos)", OFFICER,
        "Représentante, solidarité internationale"),
      email="s.gagnon@usw.example",
      who="USW officer, District 5 (Syndicat des Métallos, Quebec)"),
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

# fmt: on

#: How some of the demo's people asked to be addressed (Spanish and French role and
#: seat names agree: the observers on each other's boards are "Observadora" and
#: "Observatrice"); the others have not said.
ADDRESSED_AS = {
    "Patricia Quinn": "feminine",
    "Alejandra Castañeda": "feminine",
    "María Hernández": "feminine",
    "Elena Villarreal": "feminine",
    "Guadalupe Rentería Soto": "feminine",
    "Rosa Elena Quiroz Ibarra": "feminine",
    "Verónica Lugo Medina": "feminine",
    "Linda Morales": "feminine",
    "José Luis Romero": "masculine",
    "Ray Benavidez": "masculine",
    "Arturo Ceballos Ruiz": "masculine",
    "Jordan Walker": "neutral",
}


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


def load_person(data: dict, orgs, units, user: User | None = None) -> Person:
    person = Person.objects.filter(user=user).first() if user else None
    unlinked = Person.objects.filter(name=data["name"], user=None)
    person = person or unlinked.first() or Person()
    person.name, person.user, person.country = data["name"], user, data["country"]
    person.preferred_language, person.languages_spoken = data["lang"], data["speaks"]
    person.illustrative = data["illustrative"]
    person.address_as = ADDRESSED_AS.get(data["name"], "")
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


def load_login(data: dict, orgs, units) -> DemoLogin:
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
    person = load_person(data, orgs, units, user=user)
    # Her clock: her unit's or union's, as an invitation would have set it.
    zone = usual_zone_of(person)
    if user.time_zone != zone:
        user.time_zone = zone
        user.save(update_fields=["time_zone"])
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
