"""The demo world's joint spaces and bodies, with their participants and seats."""

from __future__ import annotations

from datetime import date
from typing import Any

from alianza.bodies.models import Body, Seat
from alianza.employers.demo import described
from alianza.orgs.models import Person
from alianza.spaces.models import JointSpace, Participant

from .organisations import LM, UNITE, USW

# The data tables below are laid out by hand.
# fmt: off

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
        time_zone="America/New_York",  # it meets in Pittsburgh
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


def load_spaces(orgs) -> dict[str, JointSpace]:
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


def load_bodies(orgs, spaces, people: dict[str, Person]) -> None:
    for data in BODIES:
        lookup = {
            "name": data["name"],
            "organisation": orgs.get(data.get("organisation")),
            "space": spaces.get(data.get("space")),
        }
        fields = {k: data.get(k) for k in ("short_name", "kind", "established_on")}
        fields["time_zone"] = data.get("time_zone", "")
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
