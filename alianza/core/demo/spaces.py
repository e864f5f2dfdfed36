"""The demo world's joint spaces and bodies, with their participants and seats."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType

from alianza.bodies.models import Body, Seat
from alianza.employers.demo import described
from alianza.multilingual.models import Translation
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
        names={"es": "Alianza de Solidaridad Steelworkers–Los Mineros",
               "fr": "Alliance de solidarité Métallos–Los Mineros"},
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
            "fr": "L'alliance des Métallos et de Los Mineros. Les deux syndicats ont "
            "signé une Alliance stratégique le 26 mai 2005 et l'ont élargie par "
            "l'Alliance de solidarité approuvée et signée à Las Vegas le 16 août 2011, "
            "au Congrès international des Métallos. Ils demeurent des organisations "
            "distinctes, avec des statuts distincts; chacun a un observateur, avec "
            "droit de parole mais sans droit de vote, au sein de l'organe exécutif de "
            "l'autre.",
        },
        participants=[(USW, COORD, "", date(2005, 5, 26)),
                      (LM, COORD, "", date(2005, 5, 26))],
    ),
    dict(
        slug="joint-commission", name="Joint Commission",
        names={"es": "Comisión Conjunta", "fr": "Commission mixte"},
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
            "fr": "La commission mixte des Métallos et de Los Mineros, créée en 2010 "
            "(le jour indiqué est illustratif). L'Alliance de solidarité de 2011 l'a "
            "élargie à l'avocat général et au directeur des affaires internationales "
            "des Métallos ainsi qu'à deux représentants supplémentaires de Los "
            "Mineros, et l'a chargée de recommander toutes les mesures nécessaires "
            "pour faire avancer les initiatives de l'Alliance.",
        },
        participants=[(USW, COORD, "", None), (LM, COORD, "", None)],
    ),
    dict(
        # A proper name: the same in every language (stored as its own translation,
        # so that a reader sees it is not missing one).
        slug="workers-uniting-space", name="Workers Uniting",
        names={"es": "Workers Uniting", "fr": "Workers Uniting"},
        kind=JointSpace.Kind.GLOBAL_UNION, established_on=None,
        description={
            "en": "The shared space of Workers Uniting, the global union formed by "
            "the USW and Unite the Union. Los Mineros joined in 2017.",
            "es": "El espacio compartido de Workers Uniting, el sindicato global "
            "formado por los Steelworkers y Unite the Union. Los Mineros se unieron "
            "en 2017.",
            "fr": "L'espace commun de Workers Uniting, le syndicat mondial formé par "
            "les Métallos et Unite the Union. Los Mineros s'y sont joints en 2017.",
        },
        participants=[(USW, PART, "Founding affiliate", None),
                      (UNITE, PART, "Founding affiliate", None),
                      (LM, PART, "Affiliate since 2017", None)],
    ),
]

# Participants' titles in the other languages.
PARTICIPANT_TITLES: dict[str, dict[str, str]] = {
    "Founding affiliate": {"es": "Afiliado fundador", "fr": "Affilié fondateur"},
    "Affiliate since 2017": {"es": "Afiliado desde 2017", "fr": "Affilié depuis 2017"},
}

# --- Bodies; seats are (kind, title, holder, on behalf of) -------------------------

MEMB, OBS = Seat.Kind.MEMBER, Seat.Kind.OBSERVER
BODIES: list[Any] = [
    dict(
        name="Comité Ejecutivo Nacional", short_name="CEN",
        names={"en": "National Executive Committee", "fr": "Comité exécutif national"},
        short_names={"en": "NEC", "fr": "CEN"},
        kind=Body.Kind.EXECUTIVE_BOARD, organisation=LM, language="es",
        description={
            "es": "El órgano de dirección nacional de Los Mineros. Por la Alianza de "
            "Solidaridad de 2011, los Steelworkers tienen un observador con derecho a "
            "voz pero sin voto, que no se considera miembro del Comité.",
            "en": "The national leadership of Los Mineros. Under the 2011 Solidarity "
            "Alliance the Steelworkers have an observer with the right to speak but "
            "not vote, who is not considered a member of the Committee.",
            "fr": "La direction nationale de Los Mineros. En vertu de l'Alliance de "
            "solidarité de 2011, les Métallos y ont un observateur avec droit de "
            "parole mais sans droit de vote, qui n'est pas considéré comme membre du "
            "Comité.",
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
        names={"en": "General Council of Oversight and Justice",
               "fr": "Conseil général de surveillance et de justice"},
        short_names={"en": "GCOJ", "fr": "CGSJ"},
        kind=Body.Kind.OVERSIGHT, organisation=LM, language="es",
        description={
            "es": "El consejo que vigila la vida del Sindicato y su justicia interna.",
            "en": "The council that oversees the life of the Union and its internal "
            "justice.",
            "fr": "Le conseil qui veille sur la vie du Syndicat et sur sa justice "
            "interne.",
        },
        seats=[
            (MEMB, "Secretario", "Juan Linares Montufar", LM),
            (MEMB, "Primera Vocal", "Rosa Elena Quiroz Ibarra", LM),
            (MEMB, "Segundo Vocal", "Tomás Arvizu Leyva", LM),
        ],
    ),
    dict(
        name="International Executive Board", short_name="IEB",
        names={"es": "Junta Ejecutiva Internacional",
               "fr": "Conseil exécutif international"},
        short_names={"es": "JEI", "fr": "CEI"},
        kind=Body.Kind.EXECUTIVE_BOARD, organisation=USW, language="en",
        time_zone="America/New_York",  # it meets in Pittsburgh
        description={
            "en": "The Steelworkers' International Executive Board. Under the 2011 "
            "Solidarity Alliance Los Mineros have an observer with the right to speak "
            "but not vote, who is not considered a member of the Board.",
            "es": "La Junta Ejecutiva Internacional de los Steelworkers. Por la "
            "Alianza de Solidaridad de 2011, Los Mineros tienen un observador con "
            "derecho a voz pero sin voto, que no se considera miembro de la Junta.",
            "fr": "Le Conseil exécutif international des Métallos. En vertu de "
            "l'Alliance de solidarité de 2011, Los Mineros y ont un observateur avec "
            "droit de parole mais sans droit de vote, qui n'est pas considéré comme "
            "membre du Conseil.",
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
        names={"es": "Comisión Conjunta", "fr": "Commission mixte"},
        kind=Body.Kind.COMMISSION, space="joint-commission", language="en",
        established_on=date(2010, 1, 1),  # illustrative day, as for the space
        description={
            "en": "The members of the joint commission: those of 2010 (illustrative) "
            "and those added by the 2011 Solidarity Alliance.",
            "es": "Los miembros de la comisión conjunta: los de 2010 (ilustrativos) y "
            "los añadidos por la Alianza de Solidaridad de 2011.",
            "fr": "Les membres de la commission mixte : ceux de 2010 (illustratifs) "
            "et ceux qu'a ajoutés l'Alliance de solidarité de 2011.",
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

# Seats' titles in the other languages (agreeing with who holds them).
SEAT_TITLES: dict[str, dict[str, str]] = {
    "Presidente y Secretario General": {
        "en": "President and General Secretary",
        "fr": "Président et secrétaire général"},
    "Secretario del Interior, Exterior y Actas": {
        "en": "Secretary of Internal and External Affairs and Records",
        "fr": "Secrétaire aux affaires intérieures et extérieures et aux procès-verbaux"},
    "Secretario Tesorero": {"en": "Secretary-Treasurer", "fr": "Secrétaire-trésorier"},
    "Secretaria de Asuntos Internacionales": {
        "en": "Secretary of International Affairs",
        "fr": "Secrétaire aux affaires internationales"},
    "Secretaria de Seguridad e Higiene": {
        "en": "Secretary of Health and Safety",
        "fr": "Secrétaire à la santé et à la sécurité du travail"},
    "Observadora de los Steelworkers (Alianza de Solidaridad, 2011)": {
        "en": "Steelworkers' observer (Solidarity Alliance, 2011)",
        "fr": "Observatrice des Métallos (Alliance de solidarité, 2011)"},
    "Secretario": {"en": "Secretary", "fr": "Secrétaire"},
    "Primera Vocal": {"en": "First Member", "fr": "Première conseillère"},
    "Segundo Vocal": {"en": "Second Member", "fr": "Deuxième conseiller"},
    "International President": {
        "es": "Presidente Internacional", "fr": "Président international"},
    "International Secretary-Treasurer": {
        "es": "Secretario-Tesorero Internacional",
        "fr": "Secrétaire-trésorier international"},
    "International Vice President": {
        "es": "Vicepresidenta Internacional", "fr": "Vice-présidente internationale"},
    "Director, District 3": {
        "es": "Director del Distrito 3", "fr": "Directeur du District 3"},
    "Director, District 7": {
        "es": "Director del Distrito 7", "fr": "Directeur du District 7"},
    "Director, District 12": {
        "es": "Directora del Distrito 12", "fr": "Directrice du District 12"},
    "Observer for Los Mineros (Solidarity Alliance, 2011)": {
        "es": "Observadora de Los Mineros (Alianza de Solidaridad, 2011)",
        "fr": "Observatrice de Los Mineros (Alliance de solidarité, 2011)"},
    "Co-chair for the Steelworkers (since 2010)": {
        "es": "Copresidente por los Steelworkers (desde 2010)",
        "fr": "Coprésident pour les Métallos (depuis 2010)"},
    "Steelworkers member (since 2010)": {
        "es": "Integrante por los Steelworkers (desde 2010)",
        "fr": "Membre pour les Métallos (depuis 2010)"},
    "Co-chair for Los Mineros (since 2010)": {
        "es": "Copresidente por Los Mineros (desde 2010)",
        "fr": "Coprésident pour Los Mineros (depuis 2010)"},
    "Los Mineros member (since 2010)": {
        "es": "Integrante por Los Mineros (desde 2010)",
        "fr": "Membre pour Los Mineros (depuis 2010)"},
    "General Counsel of the Steelworkers (added 2011)": {
        "es": "Asesora Jurídica General de los Steelworkers (incorporada en 2011)",
        "fr": "Avocate générale des Métallos (ajoutée en 2011)"},
    "Director of International Affairs of the Steelworkers (added 2011)": {
        "es": "Director de Asuntos Internacionales de los Steelworkers "
              "(incorporado en 2011)",
        "fr": "Directeur des affaires internationales des Métallos (ajouté en 2011)"},
    "Additional representative of Los Mineros (added 2011)": {
        "es": "Representante adicional de Los Mineros (incorporada en 2011)",
        "fr": "Représentante supplémentaire de Los Mineros (ajoutée en 2011)"},
    "Second additional representative of Los Mineros (added 2011)": {
        "es": "Segundo representante adicional de Los Mineros (incorporado en 2011)",
        "fr": "Deuxième représentant supplémentaire de Los Mineros (ajouté en 2011)"},
}

# fmt: on


def translate(record: Any, field: str, texts: dict[str, str]) -> None:
    """Attach ``texts`` (language → text) as the translations of ``field``; the
    record's own language is its original."""
    ct = ContentType.objects.get_for_model(type(record))
    for language, text in texts.items():
        if language != record.language and text:
            Translation.objects.update_or_create(
                content_type=ct,
                object_id=str(record.pk),
                field=field,
                language=language,
                defaults={"text": text},
            )


def load_spaces(orgs) -> dict[str, JointSpace]:
    spaces = {}
    for data in SPACES:
        fields = {k: data[k] for k in ("name", "kind", "established_on")}
        space = described(JointSpace, {"slug": data["slug"]}, data, "en", **fields)
        translate(space, "name", data["names"])
        for slug, role, title, joined_on in data["participants"]:
            participant, _ = Participant.objects.update_or_create(
                space=space,
                organisation=orgs[slug],
                defaults=dict(
                    role=role, title=title, joined_on=joined_on, language="en"
                ),
            )
            translate(participant, "title", PARTICIPANT_TITLES.get(title, {}))
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
        translate(body, "name", data["names"])
        if body.short_name:
            translate(body, "short_name", data["short_names"])
        for order, (kind, title, holder, representing) in enumerate(data["seats"]):
            seat, _ = Seat.objects.update_or_create(
                body=body,
                title=title,
                defaults=dict(
                    kind=kind,
                    holder=people[holder],
                    representing=orgs[representing],
                    order=order,
                    language=data["language"],
                    **Seat.rights_for(kind),
                ),
            )
            translate(seat, "title", SEAT_TITLES[title])
