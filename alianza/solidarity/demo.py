"""The solidarity work the seeds recount: Pasta de Conchos, the strikes of Cananea,
Taxco and Sombrerete (since 30 July 2007), the Río Sonora spill (6 August 2014), the
legal defence of Los Mineros, organizing against protection contracts, the ASARCO
bargaining with Los Mineros' letter of support, and the yearly commemorations.

Dates and facts come from the seeds; anything else (organizing stages and figures,
contacts, some timeline dates) is marked ``illustrative``. ``load()`` is idempotent
(records keyed on their organisation and title); ``reset()`` removes them.
"""

from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q

from alianza.accounts.models import User
from alianza.alerts.models import Alert
from alianza.employers.models import Employer, Worksite
from alianza.multilingual.models import Translation
from alianza.orgs.models import Organisation, Person, Unit
from alianza.spaces.models import JointSpace, Share

from .models import (
    Campaign,
    Delegation,
    Event,
    Letter,
    OrganizingContact,
    OrganizingTarget,
    Pledge,
    Signature,
    SolidarityRequest,
    Strike,
    TimelineEntry,
)

MX = ZoneInfo("America/Mexico_City")
USW, LM = "usw", "los-mineros"
K, S = Campaign.Kind, Campaign.Status
T = TimelineEntry.Kind
STRIKES_BEGAN = date(2007, 7, 30)

# fmt: off
CAMPAIGNS: list[dict[str, Any]] = [
    dict(org=LM, kind=K.COMMEMORATION, started=date(2006, 2, 19),
         employer="grupo-mexico", worksite=("industrial-minera-mexico", "Pasta de Conchos coal mine"),
         government="Government of Mexico",
         title={"en": "Justice for Pasta de Conchos", "es": "Justicia para Pasta de Conchos"},
         summary={
             "en": "65 workers perished at Grupo México's Pasta de Conchos mine on 19 February 2006. "
             "We will continue until our 65 brothers are rescued, their families receive apologies "
             "and proper compensation from the government and Grupo México, and those responsible "
             "are punished.",
             "es": "65 trabajadores murieron en la mina Pasta de Conchos de Grupo México el 19 de "
             "febrero de 2006. Seguiremos hasta que nuestros 65 hermanos sean rescatados, sus familias "
             "reciban disculpas y una indemnización justa del gobierno y de Grupo México, y los "
             "responsables sean castigados.",
         },
         timeline=[
             (T.EVENT, date(2006, 2, 19), "Explosion at the Pasta de Conchos coal mine: 65 miners die", LM),
             (T.DELEGATION, date(2006, 2, 19), "The Steelworkers visit the families of the victims", USW),
             (T.RALLY, date(2018, 2, 19), "Steelworkers march in the yearly commemoration", USW),
             (T.RALLY, date(2018, 2, 19), "Global protests on the anniversary", USW),
         ]),
    dict(org=LM, kind=K.STRIKE_SUPPORT, started=STRIKES_BEGAN, employer="grupo-mexico",
         title={"en": "The strikes of Cananea, Taxco and Sombrerete",
                "es": "Las huelgas de Cananea, Taxco y Sombrerete"},
         summary={
             "en": "Sections 65 of Cananea, Sonora, 17 of Taxco, Guerrero, and 201 of Sombrerete, "
             "Zacatecas, have been on strike against Grupo México since 30 July 2007. Members of "
             "USW District 12 at ASARCO have accompanied Los Mineros every step of the way.",
             "es": "Las Secciones 65 de Cananea, Sonora, 17 de Taxco, Guerrero, y 201 de Sombrerete, "
             "Zacatecas, están en huelga contra Grupo México desde el 30 de julio de 2007. Los "
             "miembros del Distrito 12 del USW en ASARCO han acompañado a Los Mineros en cada paso.",
         },
         timeline=[
             (T.EVENT, STRIKES_BEGAN, "Sections 65, 17 and 201 go on strike against Grupo México", LM),
         ]),
    dict(org=LM, kind=K.ENVIRONMENTAL, started=date(2014, 8, 6), employer="grupo-mexico",
         worksite=("buenavista-del-cobre", "Cananea copper mine"),
         government="Government of Mexico",
         title={"en": "Justice for the Río Sonora", "es": "Justicia para el Río Sonora"},
         summary={
             "en": "Grupo México's toxic waste spill of 6 August 2014 left tens of thousands of "
             "residents of the Río Sonora valley ill and economically devastated. We demand justice, "
             "fair compensation, and the right of Mexican citizens to sue corporations for "
             "environmental crimes.",
             "es": "El derrame de desechos tóxicos de Grupo México del 6 de agosto de 2014 dejó "
             "enfermos y arruinados a decenas de miles de habitantes del valle del Río Sonora. "
             "Exigimos justicia, una indemnización justa y el derecho de los mexicanos a demandar "
             "a las empresas por delitos ambientales.",
         },
         timeline=[
             (T.EVENT, date(2014, 8, 6), "Toxic waste spill into the Río Sonora", LM),
         ]),
    dict(org=LM, kind=K.LEGAL_DEFENCE, started=date(2006, 2, 1), government="Government of Mexico",
         illustrative=True,
         title={"en": "Legal defence of Los Mineros and their leaders",
                "es": "Defensa legal de Los Mineros y sus dirigentes"},
         summary={
             "en": "The long and victorious legal struggle to restore the union's legal recognition "
             "(toma de nota), to defeat all the false criminal charges against Napoleón Gómez Urrutia "
             "and other union leaders, and to cancel the Interpol Red Notice, which Interpol's "
             "internal review commission concluded was politically motivated.",
             "es": "La larga y victoriosa lucha legal para recuperar el reconocimiento legal del "
             "sindicato (toma de nota), derrotar todos los falsos cargos penales contra Napoleón "
             "Gómez Urrutia y otros dirigentes, y cancelar la notificación roja de Interpol, que "
             "su comisión interna de revisión concluyó que tenía motivos políticos.",
         },
         timeline=[
             (T.LEGAL, date(2006, 2, 1), "February 2006: Vicente Fox's government tries to remove Napoleón Gómez Urrutia from the union's leadership", LM),
             (T.DELEGATION, date(2006, 3, 1), "The Steelworkers help Napoleón and his family cross to Albuquerque, then to Vancouver (District 3)", USW),
             (T.LEGAL, date(2018, 8, 27), "Toma de nota restored, false charges defeated, the Interpol Red Notice cancelled", LM),
         ]),
    dict(org=LM, kind=K.ORGANIZING, started=date(2011, 8, 16), illustrative=True,
         title={"en": "Organizing against protection contracts",
                "es": "Organización contra los contratos de protección"},
         summary={
             "en": "Campaigns, supported by the Steelworkers, to stamp out protection contracts and "
             "establish democratic local unions under the banner of Los Mineros.",
             "es": "Campañas, con el apoyo de los Steelworkers, para acabar con los contratos de "
             "protección y establecer secciones democráticas bajo la bandera de Los Mineros.",
         },
         timeline=[]),
    dict(org=USW, kind=K.BARGAINING, started=date(2013, 1, 1), employer="asarco", illustrative=True,
         title={"en": "ASARCO bargaining in five locals", "es": "Negociación con ASARCO en cinco locales"},
         summary={
             "en": "The Steelworkers and the other unions at ASARCO, affiliate of Grupo México, in five "
             "locals in Arizona and Texas, resist the company's demands: drug and alcohol testing, "
             "changes in the attendance policy, fewer permitted absences for a family medical "
             "emergency, the end of the labour-management civil rights committees and radical "
             "changes in the grievance procedure.",
             "es": "Los Steelworkers y los demás sindicatos de ASARCO, filial de Grupo México, en cinco "
             "locales de Arizona y Texas, resisten las exigencias de la empresa: pruebas de drogas y "
             "alcohol, cambios en la política de asistencia, menos ausencias permitidas por "
             "emergencia médica familiar, el fin de los comités de derechos civiles y cambios "
             "radicales en el procedimiento de quejas.",
         },
         timeline=[]),
    dict(org=USW, kind=K.POLICY, started=date(2017, 1, 1), government="Governments of Mexico, Canada and the United States",
         illustrative=True,
         title={"en": "Enforceable labour rights in NAFTA and Mexico's labour law reform",
                "es": "Derechos laborales exigibles en el TLCAN y la reforma laboral en México"},
         summary={
             "en": "Coordinated political work for strong, enforceable labour standards in a "
             "renegotiated NAFTA, a Federal Labour Law that implements the 2017 Constitutional reform "
             "with a free, secret and personal vote, and an Extractive Industries Ombudsperson for "
             "Canadian mining companies.",
             "es": "Trabajo político coordinado por normas laborales fuertes y exigibles en un TLCAN "
             "renegociado, una Ley Federal del Trabajo que aplique la reforma constitucional de 2017 "
             "con el voto libre, secreto y personal, y un Ombudsperson para las industrias "
             "extractivas canadienses.",
         },
         timeline=[]),
]

STRIKES = [  # (unit, employer slug, worksite, demands in Spanish, in English)
    ("Sección 65", "buenavista-del-cobre", "Cananea copper mine",
     "Respeto al contrato colectivo, condiciones de seguridad e higiene en la mina y el fin del "
     "hostigamiento de Grupo México al sindicato.",
     "Respect for the collective agreement, safety and health in the mine and an end to Grupo "
     "México's harassment of the union."),
    ("Sección 17", "industrial-minera-mexico", "Taxco mine",
     "Respeto al contrato colectivo y condiciones de seguridad e higiene.",
     "Respect for the collective agreement and safe, healthy working conditions."),
    ("Sección 201", "industrial-minera-mexico", "San Martín mine",
     "Respeto al contrato colectivo y condiciones de seguridad e higiene.",
     "Respect for the collective agreement and safe, healthy working conditions."),
]
STRIKE_SUPPORT = [  # (unit on strike, kind, date, what, organisation)
    ("Sección 65", T.DELEGATION, date(2008, 6, 1), "ASARCO members of USW District 12 accompany the strikers in Cananea", USW),
    ("Sección 65", T.DONATION, date(2009, 12, 15), "Strike fund donation from USW District 12", USW),
    ("Sección 65", T.STATEMENT, date(2013, 7, 30), "Statement on six years of resistance", LM),
    ("Sección 17", T.LETTER, date(2010, 7, 30), "Letter to the Government of Mexico on the Taxco strike", USW),
    ("Sección 201", T.RALLY, date(2012, 7, 30), "Rally in Sombrerete on the fifth anniversary", LM),
]

# Organizing targets: (employer slug, worksite, stage, covered workers, supporters)
TARGETS = [
    ("johnson-controls", "Puebla seating plant", "committee", 400, 96),
    ("pkc", "Ciudad Acuña wire harness plant", "certificate", 2500, 812),
    ("teksid", "Frontera foundry", "contacts", 1500, None),
    ("el-boleo", "El Boleo mine", "first_contract", 1000, 640),
    ("minera-frisco", "El Coronel mine", "approval_vote", 500, 204),
    ("excellon", "La Platosa mine", "first_contract", 400, 310),
    ("torex-gold", "El Limón-Guajes mine", "protection", 1500, None),
]
CONTACTS = [  # fictional workers, only for the organizing team
    ("teksid", "Rubén Cázares", "+52 866 555 0201", "Moulding line", True),
    ("teksid", "Norma Elizondo", "+52 866 555 0202", "Quality control", False),
    ("johnson-controls", "Gabriela Paredes", "+52 222 555 0203", "Sewing line", True),
]

EVENTS: list[Any] = [  # (org, kind, title en/es, date, place, country, annual, description en/es, delegations)
    (LM, Event.Kind.COMMEMORATION,
     {"en": "Pasta de Conchos commemoration", "es": "Conmemoración de Pasta de Conchos"},
     date(2006, 2, 19), "San Juan de Sabinas, Coahuila", "MX", True,
     {"en": "Every 19 February we remember the 65 miners who perished at Pasta de Conchos.",
      "es": "Cada 19 de febrero recordamos a los 65 mineros que murieron en Pasta de Conchos."},
     [(USW, "District 12", 8, "Illustrative size"), (LM, None, 200, "")]),
    (LM, Event.Kind.COMMEMORATION,
     {"en": "Lázaro Cárdenas commemoration", "es": "Conmemoración de Lázaro Cárdenas"},
     date(2006, 4, 20), "Lázaro Cárdenas, Michoacán", "MX", True,
     {"en": "Every 20 April we remember Héctor Álvarez Gómez and Mario Alberto Castillo, killed "
            "in the 2006 strike. A Steelworkers and Workers Uniting delegation organized by USW "
            "District 7 has joined Los Mineros for ten years.",
      "es": "Cada 20 de abril recordamos a Héctor Álvarez Gómez y Mario Alberto Castillo, "
            "asesinados en la huelga de 2006. Una delegación de los Steelworkers y Workers Uniting "
            "organizada por el Distrito 7 del USW acompaña a Los Mineros desde hace diez años."},
     [(USW, "District 7", 12, "Illustrative size"), (LM, "Sección 271", 150, "")]),
    (LM, Event.Kind.RALLY,
     {"en": "Anniversary of the Cananea, Taxco and Sombrerete strikes",
      "es": "Aniversario de las huelgas de Cananea, Taxco y Sombrerete"},
     STRIKES_BEGAN, "Cananea, Sonora", "MX", True,
     {"en": "The strikes began on 30 July 2007.", "es": "Las huelgas comenzaron el 30 de julio de 2007."},
     [(USW, "District 12", 6, "Illustrative size")]),
    (LM, Event.Kind.RALLY,
     {"en": "Río Sonora: anniversary of the spill", "es": "Río Sonora: aniversario del derrame"},
     date(2014, 8, 6), "Arizpe, Sonora", "MX", True,
     {"en": "Grupo México's toxic waste spill of 6 August 2014.",
      "es": "El derrame de desechos tóxicos de Grupo México del 6 de agosto de 2014."}, []),
]

ASARCO_REQUEST = {
    "title": {"en": "Solidarity with the Steelworkers at ASARCO",
              "es": "Solidaridad con los Steelworkers en ASARCO"},
    "body": {
        "en": "Our locals at ASARCO, affiliate of Grupo México, in Arizona and Texas are in "
        "negotiations. The company wants to nullify gains for workers: drug and alcohol testing, "
        "changes in the attendance policy, fewer permitted absences for a family medical emergency, "
        "the end of the labour-management civil rights committees and radical changes in the "
        "grievance procedure. We ask our partners for letters, statements and their presence.",
        "es": "Nuestros locales en ASARCO, filial de Grupo México, en Arizona y Texas están en "
        "negociación. La empresa quiere anular conquistas de los trabajadores: pruebas de drogas y "
        "alcohol, cambios en la política de asistencia, menos ausencias permitidas por emergencia "
        "médica familiar, el fin de los comités de derechos civiles y cambios radicales en el "
        "procedimiento de quejas. Pedimos a nuestros aliados cartas, declaraciones y su presencia.",
    },
}

LETTER_002 = {
    "slug": "los-mineros-solidarity-with-usw-at-asarco",
    "title": "Los Mineros' solidarity with the Steelworkers at ASARCO",
    "title_es": "Solidaridad de Los Mineros con los Steelworkers en ASARCO",
    "addressee": "Dear Brother LaVenture:",
    "body": (
        "By this communication, the National Executive Committee, General Council of Vigilance and "
        "Justice, as well as the Special and Zone Delegates of the National Miners' and "
        "Metalworkers' Union of the Mexican Republic, express our solidarity with the comrades of "
        "the United Steelworkers and the other unions that find themselves in the process of "
        "negotiations with the company ASARCO, affiliate of Grupo Mexico, in five locals in Arizona "
        "and Texas.\n\n"
        "We understand that our Steelworker brothers and sisters have maintained a permanent "
        "mobilization against the Company's intentions to nullify gains for workers, which include "
        "the imposition of drug and alcohol testing, changes in the attendance policy, a reduction "
        "in the number of permitted absences in the case of a family medical emergency, elimination "
        "of labor-management civil rights committees and radical changes in the grievance "
        "procedure, among other things.\n\n"
        "These actions do not surprise us, given Grupo Mexico's permanent campaign against our "
        "union, which ultimately includes the repeated refusal to retrieve the bodies of our "
        "brothers who perished in the Pasta de Conchos mine and the repression of three strikes in "
        "Section 17 of Taxco, Guerrero; 201 of Sombrerete, Zacatecas, and 65 of Cananea, Sonora. "
        "There is no other possible response except a common front of all the workers and unions "
        "of the USA, Mexico, and Peru.\n\n"
        "The National Miners' and Metalworkers' Union and all of our affiliates reaffirm our "
        "disposition of supporting and accompanying our brothers and sisters of the Steelworkers at "
        "ASARCO in the way and at the moment that they deem it convenient, so that our past will be "
        "respected and our future assured.\n\n"
        "We bid farewell to you, repeating our support and the best wishes for a fast and favorable "
        "resolution.\n\nIn solidarity,"
    ),
    "signers": [
        ("Napoleón Gómez Urrutia", "President and Secretary General"),
        ("Sergio Beltrán Reyes", "Secretary of the Interior, Exterior, and Acts"),
        ("Juan Linares Montufar", "Secretary of the General Council of Vigilance and Justice"),
    ],
}
LETTER_000 = {
    "slug": "usw-to-napoleon-gomez-urrutia-2018",
    "title": "Congratulations on the swearing-in to the Senate",
    "title_es": "Felicitaciones por la toma de protesta en el Senado",
    "addressee": "Napoleón Gómez Urrutia, President and General Secretary, SNTMMSRM",
    "dated": date(2018, 8, 27),
    "body": (
        "Dear Napoleón,\n\n"
        "As you prepare to return to Mexico to be sworn in as a Senator of the Mexican Republic, I "
        "wanted to take a moment not only to congratulate you on this historic achievement, but "
        "also to reflect on its significance for workers not only in Mexico but throughout North "
        "America and around the world.\n\n"
        "Los Mineros have won a tremendous victory, for your families, the workers of Mexico, and "
        "the international working class.\n\n"
        "We also remember the 65 workers who perished at Grupo México's mine at Pasta de Conchos, "
        "and the thousands affected by the toxic waste spill in the Río Sonora valley. There must "
        "be justice for all of the victims of government and corporate impunity.\n\n"
        "In solidarity,"
    ),
    "signers": [("Leo W. Gerard", "International President")],
}
# fmt: on


def _translate(record: Model, field: str, language: str, text: str) -> None:
    Translation.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(type(record)),
        object_id=str(record.pk),
        field=field,
        language=language,
        defaults={"text": text},
    )


def _worksite(employer: str, name: str) -> Worksite:
    return Worksite.objects.get(employer__slug=employer, name=name)


def _campaigns(orgs: dict[str, Organisation], team: list[Any]) -> dict[str, Campaign]:
    found: dict[str, Campaign] = {}
    for data in CAMPAIGNS:
        worksite = _worksite(*data["worksite"]) if data.get("worksite") else None
        lang = "es" if data["org"] == LM else "en"
        campaign, _ = Campaign.objects.update_or_create(
            organisation=orgs[data["org"]],
            title=data["title"][lang],
            defaults=dict(
                kind=data["kind"], language=lang, summary=data["summary"][lang],
                started_on=data["started"], government=data.get("government", ""),
                employer=Employer.objects.filter(slug=data.get("employer")).first()
                or (worksite.employer if worksite else None),
                worksite=worksite, illustrative=data.get("illustrative", False),
            ),
        )  # fmt: skip
        other = "en" if lang == "es" else "es"
        _translate(campaign, "title", other, data["title"][other])
        _translate(campaign, "summary", other, data["summary"][other])
        campaign.team.add(*[p for p in team if p is not None])
        for kind, day, title, org in data["timeline"]:
            TimelineEntry.objects.update_or_create(
                campaign=campaign, title=title,
                defaults=dict(kind=kind, happened_on=day, organisation=orgs[org]),
            )  # fmt: skip
        found[data["title"]["en"]] = campaign
    return found


def _strikes(campaign: Campaign, orgs: dict[str, Organisation]) -> None:
    for unit, employer, site, demands_es, demands_en in STRIKES:
        strike, _ = Strike.objects.update_or_create(
            campaign=campaign,
            unit=Unit.objects.get(organisation=orgs[LM], name=unit),
            defaults=dict(
                worksite=_worksite(employer, site), started_on=STRIKES_BEGAN,
                demands=demands_es, language="es",
            ),
        )  # fmt: skip
        _translate(strike, "demands", "en", demands_en)
    for unit, kind, day, title, org in STRIKE_SUPPORT:
        strike = campaign.strikes.get(unit__name=unit)
        TimelineEntry.objects.update_or_create(
            campaign=campaign, strike=strike, title=title,
            defaults=dict(kind=kind, happened_on=day, organisation=orgs[org]),
        )  # fmt: skip


def _organizing(campaign: Campaign) -> None:
    stages = list(OrganizingTarget.Stage.values)
    for employer, site, stage, covered, supporters in TARGETS:
        target, _ = OrganizingTarget.objects.update_or_create(
            campaign=campaign,
            worksite=_worksite(employer, site),
            defaults=dict(
                stage=stage, covered_workers=covered, supporters=supporters,
                support_recorded_on=date(2018, 8, 1) if supporters else None,
                illustrative=True,
            ),
        )  # fmt: skip
        assert (
            stages.index(stage) < stages.index("certificate") or target.support_reached
        )
    # The open vote of support at Teksid's Frontera foundry (the elections demo).
    from alianza.elections.models import Election

    vote = Election.objects.filter(
        kind="representation", worksite__employer__slug="teksid"
    ).first()
    if vote is not None:
        campaign.organizing_targets.filter(worksite=vote.worksite).update(
            representation_election=vote
        )
    author = User.objects.filter(email="maria.hernandez@mineros.example").first()
    for employer, name, phone, position, committee in CONTACTS:
        if author is None:
            break
        target = campaign.organizing_targets.get(worksite__employer__slug=employer)
        OrganizingContact.objects.update_or_create(
            target=target, name=name,
            defaults=dict(phone=phone, position=position, on_committee=committee,
                          added_by=author),
        )  # fmt: skip


def _events(orgs: dict[str, Organisation], campaigns: dict[str, Campaign]) -> None:
    for org, kind, title, day, place, country, annual, text, delegations in EVENTS:
        event, _ = Event.objects.update_or_create(
            organisation=orgs[org], title=title["es"],
            defaults=dict(
                kind=kind, language="es", starts_on=day, place=place, country=country,
                annual=annual, description=text["es"],
                campaign=campaigns["Justice for Pasta de Conchos"]
                if day.month == 2 else None,
            ),
        )  # fmt: skip
        if not event.uid:
            event.uid = f"demo-event-{event.pk}@alianza"
            event.save(update_fields=["uid"])
        _translate(event, "title", "en", title["en"])
        _translate(event, "description", "en", text["en"])
        for d_org, unit, people, note in delegations:
            Delegation.objects.update_or_create(
                event=event, organisation=orgs[d_org],
                unit=Unit.objects.filter(organisation=orgs[d_org], name=unit).first(),
                defaults=dict(people=people, note=note),
            )  # fmt: skip


def _letter(data: dict, org: Organisation, request: Any = None) -> Letter:
    letter, _ = Letter.objects.update_or_create(
        slug=data["slug"],
        defaults=dict(
            organisation=org, title=data["title"], body=data["body"], language="en",
            addressee=data["addressee"], dated=data.get("dated", date(2013, 7, 1)),
            status=Letter.Status.PUBLISHED, request=request,
            published_at=datetime.combine(data.get("dated", date(2013, 7, 1)), time(12), tzinfo=MX),
        ),
    )  # fmt: skip
    _translate(letter, "title", "es", data["title_es"])
    for order, (name, title) in enumerate(data["signers"]):
        person = Person.objects.get(name=name, user=None)
        Signature.objects.update_or_create(
            letter=letter, person=person,
            defaults=dict(
                organisation=person.memberships.first().organisation,  # type: ignore[union-attr]
                title=title, order=order, confirmed_at=letter.published_at,
            ),
        )  # fmt: skip
    return letter


def _asarco(orgs: dict[str, Organisation], campaigns: dict[str, Campaign]) -> None:
    campaign = campaigns["ASARCO bargaining in five locals"]
    req, _ = SolidarityRequest.objects.update_or_create(
        organisation=orgs[USW], title=ASARCO_REQUEST["title"]["en"],
        defaults=dict(
            campaign=campaign, language="en", body=ASARCO_REQUEST["body"]["en"],
            status=SolidarityRequest.Status.PUBLISHED,
            published_at=datetime(2013, 6, 1, 12, tzinfo=MX),
            vetted_by=User.objects.filter(email="j.walker@usw.example").first(),
        ),
    )  # fmt: skip
    req.audiences.set([orgs[LM], orgs["unite"]])
    _translate(req, "title", "es", ASARCO_REQUEST["title"]["es"])
    _translate(req, "body", "es", ASARCO_REQUEST["body"]["es"])
    letter = _letter(LETTER_002, orgs[LM], req)
    letter.campaign = campaign
    letter.save(update_fields=["campaign"])
    pledges = [
        (Pledge.Kind.LETTER, "Letter of support from the National Executive Committee to the "
         "five ASARCO locals", Pledge.Status.DONE),
        (Pledge.Kind.STATEMENT, "To support and accompany the Steelworkers at ASARCO in the way "
         "and at the moment that they deem it convenient", Pledge.Status.PLEDGED),
        (Pledge.Kind.DELEGATION, "A delegation of Sección 65 to the ASARCO locals in Arizona "
         "(illustrative)", Pledge.Status.PLEDGED),
    ]  # fmt: skip
    for kind, text, status in pledges:
        Pledge.objects.update_or_create(
            request=req, organisation=orgs[LM], kind=kind,
            defaults=dict(description=text, status=status,
                          done_on=date(2013, 7, 1) if status == "done" else None),
        )  # fmt: skip


def load() -> None:
    orgs = {o.slug: o for o in Organisation.objects.filter(slug__in=[USW, LM, "unite"])}
    team = [
        Person.objects.filter(user__email=email).first()
        for email in ("maria.hernandez@mineros.example", "jl.romero@mineros.example")
    ]
    campaigns = _campaigns(orgs, team)
    usw_team = [Person.objects.filter(user__email="r.benavidez@usw.example").first()]
    for title in ("ASARCO bargaining in five locals",):
        campaigns[title].team.set([p for p in usw_team if p])
    _strikes(campaigns["The strikes of Cananea, Taxco and Sombrerete"], orgs)
    _organizing(campaigns["Organizing against protection contracts"])
    _events(orgs, campaigns)
    _asarco(orgs, campaigns)
    _letter(LETTER_000, orgs[USW])
    # The strikes and Pasta de Conchos are shared into the Solidarity Alliance.
    alliance = JointSpace.objects.filter(kind=JointSpace.Kind.ALLIANCE).first()
    sharer = User.objects.filter(email="maria.hernandez@mineros.example").first()
    if alliance is not None and sharer is not None:
        for title in ("The strikes of Cananea, Taxco and Sombrerete", "Justice for Pasta de Conchos",
                      "Justice for the Río Sonora"):  # fmt: skip
            campaign = campaigns[title]
            if not Share.objects.active().of(campaign).filter(space=alliance).exists():
                Share.objects.create(space=alliance, record=campaign, shared_by=sharer)


def reset() -> None:
    """Remove the demo's solidarity records (before the demo organisations go)."""
    orgs = Organisation.objects.filter(slug__in=[USW, LM, "unite"])
    records: list[tuple[type[Model], Any]] = []
    alerts = Alert.objects.filter(organisation__in=orgs)
    letters = Letter.objects.filter(
        Q(organisation__in=orgs) | Q(signatures__organisation__in=orgs)
    )
    requests = SolidarityRequest.objects.filter(organisation__in=orgs)
    events = Event.objects.filter(organisation__in=orgs)
    campaigns = Campaign.objects.filter(organisation__in=orgs)
    strikes = Strike.objects.filter(campaign__in=campaigns)
    pairs: list[tuple[type[Model], Any]] = [
        (Alert, alerts), (Letter, letters), (SolidarityRequest, requests),
        (Event, events), (Campaign, campaigns), (Strike, strikes),
    ]  # fmt: skip
    for model, queryset in pairs:
        records.append((model, list(queryset.values_list("pk", flat=True))))
    for model, ids in records:
        Translation.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in ids],
        ).delete()
        Share.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in ids],
        ).delete()
    alerts.delete()
    Letter.objects.filter(pk__in=dict(records)[Letter]).delete()
    Pledge.objects.filter(Q(request__in=requests) | Q(organisation__in=orgs)).delete()
    requests.delete()
    Delegation.objects.filter(Q(event__in=events) | Q(organisation__in=orgs)).delete()
    events.delete()
    strikes.delete()
    OrganizingTarget.objects.filter(campaign__in=campaigns).delete()
    campaigns.delete()
