"""The facts the solidarity demonstration recounts (see ``demo``): campaigns,
strikes, organizing targets, events and the ASARCO request and letter, in English
and Spanish. Dates and facts come from the seeds; the rest is marked illustrative."""

from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from .models import Campaign, Event, TimelineEntry

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
