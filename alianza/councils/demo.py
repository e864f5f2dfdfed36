"""The councils of the demo world: Grupo México and ArcelorMittal (Solidarity Alliance,
2011: "councils … where our unions represent employees at major common employers").

Written with the ORM like the rest of the demo, so that ``load_demo --reset`` can
remove it; meetings, news and action items are illustrative.
"""

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from alianza.accounts.models import User
from alianza.bodies.models import Body, Seat
from alianza.employers.models import Employer
from alianza.governance.models import AgendaItem, Meeting
from alianza.multilingual.models import Translation
from alianza.orgs.models import Membership, Person, Unit
from alianza.orgs.roles import MANAGING_ROLES
from alianza.spaces.models import Acceptance, JointSpace, Participant, Proposal

from .models import ActionItem, Council, CouncilMeeting, CouncilPost, CouncilUnit
from .selectors import candidate_units, representing_units

#: The title and agenda of the Arizona meeting, in English, Spanish and French.
ARIZONA_TITLE = {
    "en": "Grupo México Council: meeting at Kearny",
    "es": "Consejo Grupo México: reunión en Kearny",
    "fr": "Conseil Grupo México : réunion à Kearny",
}
ARIZONA_AGENDA = [
    ({"en": "Welcome from Local 5102 and roll call of delegates",
      "es": "Bienvenida del Local 5102 y lista de delegados",
      "fr": "Accueil de la section locale 5102 et appel des délégués"}, 20),
    ({"en": "Bargaining at ASARCO: the company's concession demands",
      "es": "Negociación en ASARCO: las exigencias de concesiones de la empresa",
      "fr": "Négociation chez ASARCO : les concessions exigées par l'employeur"}, 60),
    ({"en": "Health and safety at the Ray mine and the Hayden smelter",
      "es": "Salud y seguridad en la mina Ray y la fundición de Hayden",
      "fr": "Santé et sécurité à la mine Ray et à la fonderie de Hayden"}, 45),
    ({"en": "Solidarity with Sección 65 (Cananea)",
      "es": "Solidaridad con la Sección 65 (Cananea)",
      "fr": "Solidarité avec la Section 65 (Cananea)"}, 30),
    ({"en": "Next meeting, by rotation",
      "es": "Próxima reunión, por rotación",
      "fr": "Prochaine réunion, par rotation"}, 10),
]  # fmt: skip
MX = ZoneInfo("America/Mexico_City")
AZ = ZoneInfo("America/Phoenix")
CHI = ZoneInfo("America/Chicago")

COUNCILS: dict[str, Any] = {
    "grupo-mexico": {
        "name": {"en": "Grupo México Council", "es": "Consejo Grupo México",
                 "fr": "Conseil Grupo México"},
        "description": {
            "en": "The council of the Los Mineros sections and the Steelworkers locals at Grupo México and its subsidiary ASARCO, in Mexico and the United States.",
            "es": "El consejo de las secciones de Los Mineros y los locales de los Steelworkers en Grupo México y su filial ASARCO, en México y Estados Unidos.",
            "fr": "Le conseil des sections de Los Mineros et des sections locales des Métallos chez Grupo México et sa filiale ASARCO, au Mexique et aux États-Unis.",
        },
        "founded_on": date(2012, 3, 15),
        "meetings": [  # (start, country, host unit name, place)
            (datetime(2024, 10, 12, 9, tzinfo=MX), "MX", "Sección 65", "Cananea, Sonora"),
            (datetime(2025, 4, 26, 9, tzinfo=AZ), "US", "Local 5101 (Hayden)", "Hayden, Arizona"),
            (datetime(2026, 10, 17, 9, tzinfo=MX), "MX", "Sección 201", "Sombrerete, Zacatecas"),
            # The next turn, in the United States: Kearny, on Arizona's clock (no
            # summer time), with its agenda in the council's three languages.
            (datetime(2027, 7, 15, 9, tzinfo=AZ), "US", "Local 5102 (Kearny)", "Kearny, Arizona"),
        ],
        "posts": [
            ("strike", "es", "La huelga de Cananea sigue firme",
             "Los compañeros de la Sección 65 mantienen la huelga iniciada el 30 de julio de 2007. Se pide el apoyo de los locales de ASARCO.",
             "The Cananea strike holds firm",
             "The members of Section 65 keep up the strike that began on 30 July 2007. They ask the ASARCO locals for support.",
             "La grève de Cananea tient bon",
             "Les camarades de la Section 65 poursuivent la grève déclenchée le 30 juillet 2007. Ils demandent l'appui des sections locales d'ASARCO."),
            ("bargaining", "en", "ASARCO concession demands",
             "ASARCO wants drug and alcohol testing, a new attendance policy, fewer absences for a family medical emergency, the end of the civil rights committees and a new grievance procedure.",
             "Exigencias de concesiones de ASARCO",
             "ASARCO exige pruebas de drogas y alcohol, una nueva política de asistencia, menos ausencias por emergencia médica familiar, el fin de los comités de derechos civiles y un nuevo procedimiento de quejas.",
             "Les concessions exigées par ASARCO",
             "ASARCO veut imposer des tests de dépistage de drogues et d'alcool, une nouvelle politique d'assiduité, moins d'absences permises en cas d'urgence médicale familiale, la fin des comités des droits civiques et une nouvelle procédure de griefs."),
        ],
        "actions": [
            ({"en": "Send Los Mineros' letter of support to the five ASARCO locals",
              "es": "Enviar la carta de apoyo de Los Mineros a los cinco locales de ASARCO",
              "fr": "Envoyer la lettre d'appui de Los Mineros aux cinq sections locales d'ASARCO"},
             "es", "maria.hernandez@mineros.example", 5),
            ({"en": "Organise the District 12 delegation to Pasta de Conchos on 19 February",
              "es": "Organizar la delegación del Distrito 12 a Pasta de Conchos el 19 de febrero",
              "fr": "Organiser la délégation du District 12 à Pasta de Conchos le 19 février"},
             "en", "r.benavidez@usw.example", 40),
        ],
    },
    "arcelormittal": {
        "name": {"en": "ArcelorMittal Council", "es": "Consejo ArcelorMittal",
                 "fr": "Conseil ArcelorMittal"},
        "description": {
            "en": "The council of the Los Mineros sections and the Steelworkers locals at ArcelorMittal's mills in Mexico and the United States.",
            "es": "El consejo de las secciones de Los Mineros y los locales de los Steelworkers en las acerías de ArcelorMittal en México y Estados Unidos.",
            "fr": "Le conseil des sections de Los Mineros et des sections locales des Métallos dans les aciéries d'ArcelorMittal au Mexique et aux États-Unis.",
        },
        "founded_on": date(2013, 4, 20),
        "meetings": [
            (datetime(2025, 4, 20, 10, tzinfo=MX), "MX", "Sección 271", "Lázaro Cárdenas, Michoacán"),
            (datetime(2026, 9, 12, 10, tzinfo=CHI), "US", "District 7", "East Chicago, Indiana"),
        ],
        "posts": [
            ("incident", "es", "Aniversario del 20 de abril",
             "Recordamos a Héctor Álvarez Gómez y Mario Alberto Castillo, asesinados en la huelga de 2006. La delegación del Distrito 7 nos acompaña otra vez.",
             "The 20 April anniversary",
             "We remember Héctor Álvarez Gómez and Mario Alberto Castillo, killed in the 2006 strike. The District 7 delegation joins us again.",
             "L'anniversaire du 20 avril",
             "Nous nous souvenons d'Héctor Álvarez Gómez et de Mario Alberto Castillo, tués pendant la grève de 2006. La délégation du District 7 est encore à nos côtés."),
        ],
        "actions": [
            ({"en": "Share the Lázaro Cárdenas contract with District 7 before bargaining",
              "es": "Compartir el contrato colectivo de Lázaro Cárdenas con el Distrito 7 antes de la negociación",
              "fr": "Transmettre la convention collective de Lázaro Cárdenas au District 7 avant la négociation"},
             "es", "jl.romero@mineros.example", 20),
        ],
    },
}  # fmt: skip


# Delegates whose seat title is feminine in Spanish and French.
WOMEN = {"maria.hernandez@mineros.example", "s.gagnon@usw.example"}


def _translate(record, field: str, language: str, text: str) -> None:
    Translation.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(type(record)),
        object_id=str(record.pk),
        field=field,
        language=language,
        defaults={"text": text},
    )


def load() -> None:
    today = date.today()  # noqa: DTZ011  (the demo's relative due dates)
    for slug, data in COUNCILS.items():
        employer = Employer.objects.filter(slug=slug).first()
        if employer is None:
            continue
        units = list(representing_units(employer))
        orgs = sorted({u.organisation for u in units}, key=lambda o: o.short_name)
        space, _ = JointSpace.objects.update_or_create(
            slug=f"council-{slug}",
            defaults={
                "name": data["name"]["en"],
                "kind": JointSpace.Kind.COUNCIL,
                "language": "en",
                "description": data["description"]["en"],
                "established_on": data["founded_on"],
            },
        )
        for language in ("es", "fr"):
            _translate(space, "name", language, data["name"][language])
            _translate(space, "description", language, data["description"][language])
        for org in orgs:
            Participant.objects.get_or_create(
                space=space,
                organisation=org,
                defaults={"role": Participant.Role.COORDINATOR},
            )
        body, _ = Body.objects.get_or_create(
            space=space, kind=Body.Kind.COUNCIL, defaults={"name": data["name"]["en"]}
        )
        for language in ("es", "fr"):
            _translate(body, "name", language, data["name"][language])
        council, _ = Council.objects.get_or_create(
            employer=employer,
            defaults={"space": space, "body": body, "founded_on": data["founded_on"]},
        )
        for unit in units:
            CouncilUnit.objects.get_or_create(council=council, unit=unit)
        for starts_at, country, host, place in data["meetings"]:
            _meeting(council, slug, starts_at, country, host, place)
        for post_data in data["posts"]:
            kind, language, title, body_text, other_title, other_body = post_data[:6]
            fr_title, fr_body = post_data[6:]
            author = (
                User.objects.filter(email__endswith=".example").order_by("id").first()
            )
            if author is None:
                continue
            post, created = CouncilPost.objects.get_or_create(
                council=council,
                title=title,
                defaults={
                    "kind": kind,
                    "body": body_text,
                    "language": language,
                    "author": author,
                },
            )
            other = "en" if language == "es" else "es"
            _translate(post, "title", other, other_title)
            _translate(post, "body", other, other_body)
            _translate(post, "title", "fr", fr_title)
            _translate(post, "body", "fr", fr_body)
        for titles, language, email, days in data["actions"]:
            owner = Person.objects.filter(user__email=email).first()
            creator = (
                User.objects.filter(email__endswith=".example").order_by("id").first()
            )
            if owner is None or creator is None:
                continue
            item, _ = ActionItem.objects.update_or_create(
                council=council,
                title=titles[language],
                defaults={"language": language},
                create_defaults={
                    "language": language,
                    "owner": owner,
                    "due_on": today + timedelta(days=days),
                    "created_by": creator,
                },
            )
            for other in titles:
                if other != language:
                    _translate(item, "title", other, titles[other])
        _propose_a_unit(council, orgs)
        for holder in Person.objects.filter(
            user__email__in=[email for _t, _l, email, _d in data["actions"]]
        ):
            membership = holder.memberships.current().first()
            if membership is not None:
                seat, _ = Seat.objects.get_or_create(
                    body=body, holder=holder,
                    defaults={"kind": Seat.Kind.MEMBER, "title": "Delegate", "representing": membership.organisation},
                )  # fmt: skip
                if seat.title == "Delegate":  # the title agrees with its holder
                    woman = holder.user is not None and holder.user.email in WOMEN
                    _translate(seat, "title", "es", "Delegada" if woman else "Delegado")
                    _translate(seat, "title", "fr", "Déléguée" if woman else "Délégué")


def _meeting(council: Council, slug: str, starts_at, country, host, place) -> None:
    """One record: the meeting of the council's body, with the council's side."""
    arizona = starts_at.tzinfo == AZ and starts_at.year == 2027
    host_unit = Unit.objects.get(name=host)
    title = ARIZONA_TITLE["en"] if arizona else f"{council.space.name}: {place}"
    meeting, _ = Meeting.objects.get_or_create(
        body=council.body,
        starts_at=starts_at,
        defaults={
            "title": title,
            "ends_at": starts_at + timedelta(hours=7),
            "place": place,
            "time_zone": str(starts_at.tzinfo),
            "language": "en",
        },
    )
    CouncilMeeting.objects.get_or_create(
        meeting=meeting,
        defaults={
            "council": council,
            "country": country,
            "host_unit": host_unit,
            "interpretation": ["en-es", "en-fr", "es-fr"] if arizona else ["en-es"],
            "uid": f"demo-{slug}-{starts_at:%Y%m%d}@alianza",
        },
    )
    if not arizona:
        return
    for language in ("es", "fr"):
        _translate(meeting, "title", language, ARIZONA_TITLE[language])
    for position, (titles, minutes) in enumerate(ARIZONA_AGENDA, 1):
        item, _ = AgendaItem.objects.get_or_create(
            meeting=meeting,
            position=position,
            defaults={"title": titles["en"], "minutes": minutes, "language": "en"},
        )
        for language in ("es", "fr"):
            _translate(item, "title", language, titles[language])


def _propose_a_unit(council: Council, orgs: list) -> None:
    """An illustrative proposal waiting for an answer: the first coordinating union's
    staff proposes one of its units that is not a member yet."""
    for org in orgs:
        proposer = (
            Membership.objects.current()
            .filter(
                organisation=org, role__in=MANAGING_ROLES, person__user__isnull=False
            )
            .select_related("person__user")
            .order_by("id")
            .first()
        )
        unit = candidate_units(council).filter(organisation=org).first()
        if proposer is None or unit is None or proposer.person.user is None:
            continue
        user = proposer.person.user
        proposal, created = Proposal.objects.get_or_create(
            space=council.space,
            kind=Proposal.Kind.ADD_UNIT,
            unit=unit,
            defaults={"organisation": org, "proposed_by": user, "proposed_for": org},
        )
        if created:
            Acceptance.objects.create(
                proposal=proposal, organisation=org, accepted=True, answered_by=user
            )
        return


def reset() -> None:
    """Remove the demo councils and all they hold (before their units go)."""
    councils = Council.objects.filter(employer__slug__in=COUNCILS)
    posts = CouncilPost.objects.filter(council__in=councils)
    Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(CouncilPost),
        object_id__in=[str(pk) for pk in posts.values_list("pk", flat=True)],
    ).delete()
    posts.delete()
    items = ActionItem.objects.filter(council__in=councils)
    Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(ActionItem),
        object_id__in=[str(pk) for pk in items.values_list("pk", flat=True)],
    ).delete()
    items.delete()
    meeting_ids = list(
        CouncilMeeting.objects.filter(council__in=councils).values_list(
            "meeting_id", flat=True
        )
    )
    item_ids = [
        str(pk)
        for pk in AgendaItem.objects.filter(meeting_id__in=meeting_ids).values_list(
            "pk", flat=True
        )
    ]
    for model, ids in (
        (AgendaItem, item_ids),
        (Meeting, [str(i) for i in meeting_ids]),
    ):
        Translation.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id__in=ids
        ).delete()
    CouncilMeeting.objects.filter(council__in=councils).delete()
    Meeting.objects.filter(pk__in=meeting_ids).delete()
    CouncilUnit.objects.filter(council__in=councils).delete()
    Proposal.objects.filter(space__council__in=councils).delete()
    spaces = JointSpace.objects.filter(
        Q(council__in=councils) | Q(slug__in=[f"council-{s}" for s in COUNCILS])
    )
    body_ids = list(councils.values_list("body_id", flat=True))
    space_ids = list(spaces.values_list("id", flat=True))
    councils.delete()
    Seat.objects.filter(body_id__in=body_ids).delete()
    # The delegates' seat titles: the whole demo's reset may have removed the seats
    # already, so the translations of seats that no longer exist go.
    seat_ids = [str(pk) for pk in Seat.objects.values_list("pk", flat=True)]
    Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(Seat)
    ).exclude(object_id__in=seat_ids).delete()
    Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(Body),
        object_id__in=[str(pk) for pk in body_ids],
    ).delete()
    Body.objects.filter(id__in=body_ids).delete()
    Participant.objects.filter(space_id__in=space_ids).delete()
    Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(JointSpace),
        object_id__in=[str(pk) for pk in space_ids],
    ).delete()
    JointSpace.objects.filter(id__in=space_ids, audit_entries__isnull=True).delete()
