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
         title={"en": "Justice for Pasta de Conchos", "es": "Justicia para Pasta de Conchos",
                "fr": "Justice pour Pasta de Conchos"},
         summary={
             "en": "65 workers perished at Grupo México's Pasta de Conchos mine on 19 February 2006. "
             "We will continue until our 65 brothers are rescued, their families receive apologies "
             "and proper compensation from the government and Grupo México, and those responsible "
             "are punished.",
             "es": "65 trabajadores murieron en la mina Pasta de Conchos de Grupo México el 19 de "
             "febrero de 2006. Seguiremos hasta que nuestros 65 hermanos sean rescatados, sus familias "
             "reciban disculpas y una indemnización justa del gobierno y de Grupo México, y los "
             "responsables sean castigados.",
             "fr": "65 travailleurs ont péri à la mine Pasta de Conchos de Grupo México le 19 février 2006. "
             "Nous continuerons jusqu'à ce que nos 65 frères soient remontés, que leurs familles reçoivent des "
             "excuses et une juste indemnisation du gouvernement et de Grupo México, et que les responsables "
             "soient punis.",
         },
         timeline=[
             (T.EVENT, date(2006, 2, 19), "Explosion at the Pasta de Conchos coal mine: 65 miners die", LM),
             (T.DELEGATION, date(2006, 2, 19), "The Steelworkers visit the families of the victims", USW),
             (T.RALLY, date(2018, 2, 19), "Steelworkers march in the yearly commemoration", USW),
             (T.RALLY, date(2018, 2, 19), "Global protests on the anniversary", USW),
         ]),
    dict(org=LM, kind=K.STRIKE_SUPPORT, started=STRIKES_BEGAN, employer="grupo-mexico",
         title={"en": "The strikes of Cananea, Taxco and Sombrerete",
                "es": "Las huelgas de Cananea, Taxco y Sombrerete",
                "fr": "Les grèves de Cananea, de Taxco et de Sombrerete"},
         summary={
             "en": "Sections 65 of Cananea, Sonora, 17 of Taxco, Guerrero, and 201 of Sombrerete, "
             "Zacatecas, have been on strike against Grupo México since 30 July 2007. Members of "
             "USW District 12 at ASARCO have accompanied Los Mineros every step of the way.",
             "es": "Las Secciones 65 de Cananea, Sonora, 17 de Taxco, Guerrero, y 201 de Sombrerete, "
             "Zacatecas, están en huelga contra Grupo México desde el 30 de julio de 2007. Los "
             "miembros del Distrito 12 del USW en ASARCO han acompañado a Los Mineros en cada paso.",
             "fr": "Les sections 65 de Cananea (Sonora), 17 de Taxco (Guerrero) et 201 de Sombrerete "
             "(Zacatecas) sont en grève contre Grupo México depuis le 30 juillet 2007. Les membres du District 12 "
             "des Métallos chez ASARCO ont accompagné Los Mineros à chaque étape.",
         },
         timeline=[
             (T.EVENT, STRIKES_BEGAN, "Sections 65, 17 and 201 go on strike against Grupo México", LM),
         ]),
    dict(org=LM, kind=K.ENVIRONMENTAL, started=date(2014, 8, 6), employer="grupo-mexico",
         worksite=("buenavista-del-cobre", "Cananea copper mine"),
         government="Government of Mexico",
         title={"en": "Justice for the Río Sonora", "es": "Justicia para el Río Sonora",
                "fr": "Justice pour le Río Sonora"},
         summary={
             "en": "Grupo México's toxic waste spill of 6 August 2014 left tens of thousands of "
             "residents of the Río Sonora valley ill and economically devastated. We demand justice, "
             "fair compensation, and the right of Mexican citizens to sue corporations for "
             "environmental crimes.",
             "es": "El derrame de desechos tóxicos de Grupo México del 6 de agosto de 2014 dejó "
             "enfermos y arruinados a decenas de miles de habitantes del valle del Río Sonora. "
             "Exigimos justicia, una indemnización justa y el derecho de los mexicanos a demandar "
             "a las empresas por delitos ambientales.",
             "fr": "Le déversement de déchets toxiques de Grupo México du 6 août 2014 a rendu malades et "
             "ruiné des dizaines de milliers d'habitants de la vallée du Río Sonora. Nous exigeons justice, une "
             "juste indemnisation et le droit des Mexicains de poursuivre les entreprises pour crimes "
             "environnementaux.",
         },
         timeline=[
             (T.EVENT, date(2014, 8, 6), "Toxic waste spill into the Río Sonora", LM),
         ]),
    dict(org=LM, kind=K.LEGAL_DEFENCE, started=date(2006, 2, 1), government="Government of Mexico",
         illustrative=True,
         title={"en": "Legal defence of Los Mineros and their leaders",
                "es": "Defensa legal de Los Mineros y sus dirigentes",
                "fr": "Défense juridique de Los Mineros et de leurs dirigeants"},
         summary={
             "en": "The long and victorious legal struggle to restore the union's legal recognition "
             "(toma de nota), to defeat all the false criminal charges against Napoleón Gómez Urrutia "
             "and other union leaders, and to cancel the Interpol Red Notice, which Interpol's "
             "internal review commission concluded was politically motivated.",
             "es": "La larga y victoriosa lucha legal para recuperar el reconocimiento legal del "
             "sindicato (toma de nota), derrotar todos los falsos cargos penales contra Napoleón "
             "Gómez Urrutia y otros dirigentes, y cancelar la notificación roja de Interpol, que "
             "su comisión interna de revisión concluyó que tenía motivos políticos.",
             "fr": "La longue lutte juridique, victorieuse, pour rétablir la reconnaissance légale du "
             "syndicat (toma de nota), faire tomber toutes les fausses accusations pénales contre Napoleón "
             "Gómez Urrutia et d'autres dirigeants syndicaux, et faire annuler la notice rouge d'Interpol, "
             "dont la commission de contrôle interne d'Interpol a conclu qu'elle était politiquement motivée.",
         },
         timeline=[
             (T.LEGAL, date(2006, 2, 1), "February 2006: Vicente Fox's government tries to remove Napoleón Gómez Urrutia from the union's leadership", LM),
             (T.DELEGATION, date(2006, 3, 1), "The Steelworkers help Napoleón and his family cross to Albuquerque, then to Vancouver (District 3)", USW),
             (T.LEGAL, date(2018, 8, 27), "Toma de nota restored, false charges defeated, the Interpol Red Notice cancelled", LM),
         ]),
    dict(org=LM, kind=K.ORGANIZING, started=date(2011, 8, 16), illustrative=True,
         title={"en": "Organizing against protection contracts",
                "es": "Organización contra los contratos de protección",
                "fr": "Syndicalisation contre les contrats de protection"},
         summary={
             "en": "Campaigns, supported by the Steelworkers, to stamp out protection contracts and "
             "establish democratic local unions under the banner of Los Mineros.",
             "es": "Campañas, con el apoyo de los Steelworkers, para acabar con los contratos de "
             "protección y establecer secciones democráticas bajo la bandera de Los Mineros.",
             "fr": "Des campagnes, appuyées par les Métallos, pour en finir avec les contrats de protection "
             "et fonder des sections syndicales démocratiques sous la bannière de Los Mineros.",
         },
         timeline=[]),
    dict(org=USW, kind=K.BARGAINING, started=date(2013, 1, 1), employer="asarco", illustrative=True,
         title={"en": "ASARCO bargaining in five locals", "es": "Negociación con ASARCO en cinco locales",
                "fr": "Négociation avec ASARCO dans cinq sections locales"},
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
             "fr": "Les Métallos et les autres syndicats d'ASARCO, filiale de Grupo México, dans cinq "
             "sections locales en Arizona et au Texas, résistent aux exigences de l'employeur : tests de "
             "dépistage de drogues et d'alcool, changements à la politique d'assiduité, moins d'absences "
             "permises en cas d'urgence médicale familiale, fin des comités patronaux-syndicaux des droits "
             "civiques et changements radicaux à la procédure de griefs.",
         },
         timeline=[]),
    dict(org=USW, kind=K.POLICY, started=date(2017, 1, 1), government="Governments of Mexico, Canada and the United States",
         illustrative=True,
         title={"en": "Enforceable labour rights in NAFTA and Mexico's labour law reform",
                "es": "Derechos laborales exigibles en el TLCAN y la reforma laboral en México",
                "fr": "Des droits du travail exécutoires dans l'ALENA et la réforme du droit du travail au Mexique"},
         summary={
             "en": "Coordinated political work for strong, enforceable labour standards in a "
             "renegotiated NAFTA, a Federal Labour Law that implements the 2017 Constitutional reform "
             "with a free, secret and personal vote, and an Extractive Industries Ombudsperson for "
             "Canadian mining companies.",
             "es": "Trabajo político coordinado por normas laborales fuertes y exigibles en un TLCAN "
             "renegociado, una Ley Federal del Trabajo que aplique la reforma constitucional de 2017 "
             "con el voto libre, secreto y personal, y un Ombudsperson para las industrias "
             "extractivas canadienses.",
             "fr": "Un travail politique coordonné pour des normes du travail fortes et exécutoires dans "
             "un ALENA renégocié, une Loi fédérale du travail qui mette en œuvre la réforme constitutionnelle "
             "de 2017 avec un vote libre, secret et personnel, et un ombudsman des industries extractives "
             "pour les sociétés minières canadiennes.",
         },
         timeline=[]),
]

STRIKES = [  # (unit, employer slug, worksite, demands in Spanish, in English, in French)
    ("Sección 65", "buenavista-del-cobre", "Cananea copper mine",
     "Respeto al contrato colectivo, condiciones de seguridad e higiene en la mina y el fin del "
     "hostigamiento de Grupo México al sindicato.",
     "Respect for the collective agreement, safety and health in the mine and an end to Grupo "
     "México's harassment of the union.",
     "Le respect de la convention collective, la santé et la sécurité dans la mine et la fin du "
     "harcèlement antisyndical de Grupo México."),
    ("Sección 17", "industrial-minera-mexico", "Taxco mine",
     "Respeto al contrato colectivo y condiciones de seguridad e higiene.",
     "Respect for the collective agreement and safe, healthy working conditions.",
     "Le respect de la convention collective et des conditions de travail sûres et salubres."),
    ("Sección 201", "industrial-minera-mexico", "San Martín mine",
     "Respeto al contrato colectivo y condiciones de seguridad e higiene.",
     "Respect for the collective agreement and safe, healthy working conditions.",
     "Le respect de la convention collective et des conditions de travail sûres et salubres."),
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
     {"en": "Pasta de Conchos commemoration", "es": "Conmemoración de Pasta de Conchos",
      "fr": "Commémoration de Pasta de Conchos"},
     date(2006, 2, 19), "San Juan de Sabinas, Coahuila", "MX", True,
     {"en": "Every 19 February we remember the 65 miners who perished at Pasta de Conchos.",
      "es": "Cada 19 de febrero recordamos a los 65 mineros que murieron en Pasta de Conchos.",
      "fr": "Chaque 19 février, nous nous souvenons des 65 mineurs qui ont péri à Pasta de Conchos."},
     [(USW, "District 12", 8, "Illustrative size"), (LM, None, 200, "")]),
    (LM, Event.Kind.COMMEMORATION,
     {"en": "Lázaro Cárdenas commemoration", "es": "Conmemoración de Lázaro Cárdenas",
      "fr": "Commémoration de Lázaro Cárdenas"},
     date(2006, 4, 20), "Lázaro Cárdenas, Michoacán", "MX", True,
     {"en": "Every 20 April we remember Héctor Álvarez Gómez and Mario Alberto Castillo, killed "
            "in the 2006 strike. A Steelworkers and Workers Uniting delegation organized by USW "
            "District 7 has joined Los Mineros for ten years.",
      "es": "Cada 20 de abril recordamos a Héctor Álvarez Gómez y Mario Alberto Castillo, "
            "asesinados en la huelga de 2006. Una delegación de los Steelworkers y Workers Uniting "
            "organizada por el Distrito 7 del USW acompaña a Los Mineros desde hace diez años.",
      "fr": "Chaque 20 avril, nous nous souvenons d'Héctor Álvarez Gómez et de Mario Alberto Castillo, "
            "tués pendant la grève de 2006. Une délégation des Métallos et de Workers Uniting organisée "
            "par le District 7 des Métallos accompagne Los Mineros depuis dix ans."},
     [(USW, "District 7", 12, "Illustrative size"), (LM, "Sección 271", 150, "")]),
    (LM, Event.Kind.RALLY,
     {"en": "Anniversary of the Cananea, Taxco and Sombrerete strikes",
      "es": "Aniversario de las huelgas de Cananea, Taxco y Sombrerete",
      "fr": "Anniversaire des grèves de Cananea, de Taxco et de Sombrerete"},
     STRIKES_BEGAN, "Cananea, Sonora", "MX", True,
     {"en": "The strikes began on 30 July 2007.", "es": "Las huelgas comenzaron el 30 de julio de 2007.",
      "fr": "Les grèves ont commencé le 30 juillet 2007."},
     [(USW, "District 12", 6, "Illustrative size")]),
    (LM, Event.Kind.RALLY,
     {"en": "Río Sonora: anniversary of the spill", "es": "Río Sonora: aniversario del derrame",
      "fr": "Río Sonora : anniversaire du déversement"},
     date(2014, 8, 6), "Arizpe, Sonora", "MX", True,
     {"en": "Grupo México's toxic waste spill of 6 August 2014.",
      "es": "El derrame de desechos tóxicos de Grupo México del 6 de agosto de 2014.",
      "fr": "Le déversement de déchets toxiques de Grupo México du 6 août 2014."}, []),
]

ASARCO_REQUEST = {
    "title": {"en": "Solidarity with the Steelworkers at ASARCO",
              "es": "Solidaridad con los Steelworkers en ASARCO",
              "fr": "Solidarité avec les Métallos chez ASARCO"},
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
        "fr": "Nos sections locales chez ASARCO, filiale de Grupo México, en Arizona et au Texas sont en "
        "négociation. L'employeur veut annuler des acquis des travailleurs : tests de dépistage de drogues "
        "et d'alcool, changements à la politique d'assiduité, moins d'absences permises en cas d'urgence "
        "médicale familiale, fin des comités patronaux-syndicaux des droits civiques et changements "
        "radicaux à la procédure de griefs. Nous demandons à nos alliés des lettres, des déclarations et "
        "leur présence.",
    },
}

LETTER_002 = {
    "slug": "los-mineros-solidarity-with-usw-at-asarco",
    "title": "Los Mineros' solidarity with the Steelworkers at ASARCO",
    "title_es": "Solidaridad de Los Mineros con los Steelworkers en ASARCO",
    "title_fr": "Solidarité de Los Mineros avec les Métallos chez ASARCO",
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
    "title_fr": "Félicitations pour ton assermentation au Sénat",
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
# An alert the USW drafts for its ASARCO members (illustrative), not yet sent.
ASARCO_ALERT = {
    "title": {
        "en": "ASARCO bargaining: rally at the Hayden smelter gate on Saturday",
        "es": "Negociación con ASARCO: mitin el sábado en la entrada de la fundición de Hayden",
        "fr": "Négociation avec ASARCO : rassemblement samedi à l'entrée de la fonderie de Hayden",
    },
    "body": {
        "en": "ASARCO still demands drug and alcohol testing and the end of our civil rights "
        "committees. Los Mineros have pledged their support. Join us at the Hayden smelter "
        "gate on Saturday at 10 a.m.; bring your family.",
        "es": "ASARCO sigue exigiendo pruebas de drogas y alcohol y el fin de nuestros comités de "
        "derechos civiles. Los Mineros nos han prometido su apoyo. Acompáñanos el sábado a las 10 "
        "de la mañana en la entrada de la fundición de Hayden; trae a tu familia.",
        "fr": "ASARCO exige toujours des tests de dépistage de drogues et d'alcool et la fin de nos "
        "comités des droits civiques. Los Mineros nous ont promis leur appui. Rejoignez-nous samedi "
        "à 10 h à l'entrée de la fonderie de Hayden ; venez en famille.",
    },
}

# --- Spanish and French for the short texts written in English above ----------------

GOVERNMENTS: dict[str, tuple[str, str]] = {
    "Government of Mexico": ("Gobierno de México", "Gouvernement du Mexique"),
    "Governments of Mexico, Canada and the United States": (
        "Gobiernos de México, Canadá y Estados Unidos",
        "Gouvernements du Mexique, du Canada et des États-Unis"),
}
TIMELINE: dict[str, tuple[str, str]] = {
    "Explosion at the Pasta de Conchos coal mine: 65 miners die": (
        "Explosión en la mina de carbón Pasta de Conchos: mueren 65 mineros",
        "Explosion à la mine de charbon de Pasta de Conchos : 65 mineurs meurent"),
    "The Steelworkers visit the families of the victims": (
        "Los Steelworkers visitan a las familias de las víctimas",
        "Les Métallos rendent visite aux familles des victimes"),
    "Steelworkers march in the yearly commemoration": (
        "Los Steelworkers marchan en la conmemoración anual",
        "Les Métallos défilent lors de la commémoration annuelle"),
    "Global protests on the anniversary": (
        "Protestas en todo el mundo en el aniversario",
        "Manifestations dans le monde entier pour l'anniversaire"),
    "Sections 65, 17 and 201 go on strike against Grupo México": (
        "Las Secciones 65, 17 y 201 estallan la huelga contra Grupo México",
        "Les sections 65, 17 et 201 déclenchent la grève contre Grupo México"),
    "Toxic waste spill into the Río Sonora": (
        "Derrame de desechos tóxicos en el Río Sonora",
        "Déversement de déchets toxiques dans le Río Sonora"),
    "February 2006: Vicente Fox's government tries to remove Napoleón Gómez Urrutia from the union's leadership": (
        "Febrero de 2006: el gobierno de Vicente Fox intenta destituir a Napoleón Gómez Urrutia de la dirección del sindicato",
        "Février 2006 : le gouvernement de Vicente Fox tente d'écarter Napoleón Gómez Urrutia de la direction du syndicat"),
    "The Steelworkers help Napoleón and his family cross to Albuquerque, then to Vancouver (District 3)": (
        "Los Steelworkers ayudan a Napoleón y a su familia a cruzar a Albuquerque y luego a Vancouver (Distrito 3)",
        "Les Métallos aident Napoleón et sa famille à passer à Albuquerque, puis à Vancouver (District 3)"),
    "Toma de nota restored, false charges defeated, the Interpol Red Notice cancelled": (
        "Se restituye la toma de nota, caen los falsos cargos y se cancela la notificación roja de Interpol",
        "La toma de nota est rétablie, les fausses accusations tombent, la notice rouge d'Interpol est annulée"),
    "ASARCO members of USW District 12 accompany the strikers in Cananea": (
        "Miembros del Distrito 12 del USW en ASARCO acompañan a los huelguistas en Cananea",
        "Des membres d'ASARCO du District 12 des Métallos accompagnent les grévistes à Cananea"),
    "Strike fund donation from USW District 12": (
        "Donativo del Distrito 12 del USW al fondo de huelga",
        "Don du District 12 des Métallos au fonds de grève"),
    "Statement on six years of resistance": (
        "Declaración por seis años de resistencia",
        "Déclaration sur six années de résistance"),
    "Letter to the Government of Mexico on the Taxco strike": (
        "Carta al gobierno de México sobre la huelga de Taxco",
        "Lettre au gouvernement du Mexique sur la grève de Taxco"),
    "Rally in Sombrerete on the fifth anniversary": (
        "Mitin en Sombrerete en el quinto aniversario",
        "Rassemblement à Sombrerete pour le cinquième anniversaire"),
}
DELEGATION_NOTES: dict[str, tuple[str, str]] = {
    "Illustrative size": ("Número ilustrativo", "Effectif fictif"),
}
PLEDGES: dict[str, tuple[str, str]] = {
    "Letter of support from the National Executive Committee to the five ASARCO locals": (
        "Carta de apoyo del Comité Ejecutivo Nacional a los cinco locales de ASARCO",
        "Lettre d'appui du Comité exécutif national aux cinq sections locales d'ASARCO"),
    "To support and accompany the Steelworkers at ASARCO in the way and at the moment that they deem it convenient": (
        "Apoyar y acompañar a los Steelworkers en ASARCO en la forma y en el momento que consideren conveniente",
        "Appuyer et accompagner les Métallos chez ASARCO de la manière et au moment qu'ils jugeront opportuns"),
    "A delegation of Sección 65 to the ASARCO locals in Arizona (illustrative)": (
        "Una delegación de la Sección 65 a los locales de ASARCO en Arizona (ilustrativo)",
        "Une délégation de la Sección 65 auprès des sections locales d'ASARCO en Arizona (fictif)"),
}
LETTER_BODIES: dict[str, dict[str, str]] = {
    str(LETTER_002["slug"]): {
        "es": (
            "Por medio de la presente, el Comité Ejecutivo Nacional, el Consejo General de Vigilancia y "
            "Justicia, así como los Delegados Especiales y de Zona del Sindicato Nacional de Trabajadores "
            "Mineros, Metalúrgicos, Siderúrgicos y Similares de la República Mexicana, expresamos nuestra "
            "solidaridad con los compañeros del United Steelworkers y de los demás sindicatos que se "
            "encuentran en proceso de negociación con la empresa ASARCO, filial de Grupo México, en cinco "
            "locales de Arizona y Texas.\n\n"
            "Sabemos que nuestros hermanos y hermanas Steelworkers han mantenido una movilización "
            "permanente contra las intenciones de la Empresa de anular conquistas de los trabajadores, que "
            "incluyen la imposición de pruebas de drogas y alcohol, cambios en la política de asistencia, la "
            "reducción del número de ausencias permitidas en caso de emergencia médica familiar, la "
            "eliminación de los comités obrero-patronales de derechos civiles y cambios radicales en el "
            "procedimiento de quejas, entre otras cosas.\n\n"
            "Estas acciones no nos sorprenden, dada la campaña permanente de Grupo México contra nuestro "
            "sindicato, que incluye la reiterada negativa a rescatar los cuerpos de nuestros hermanos que "
            "murieron en la mina de Pasta de Conchos y la represión de tres huelgas: la de la Sección 17 de "
            "Taxco, Guerrero; la 201 de Sombrerete, Zacatecas, y la 65 de Cananea, Sonora. No hay otra "
            "respuesta posible que un frente común de todos los trabajadores y sindicatos de Estados Unidos, "
            "México y Perú.\n\n"
            "El Sindicato Nacional de Trabajadores Mineros y Metalúrgicos y todas nuestras secciones "
            "reafirmamos nuestra disposición de apoyar y acompañar a nuestros hermanos y hermanas "
            "Steelworkers en ASARCO en la forma y en el momento que ellos consideren conveniente, para que "
            "nuestro pasado sea respetado y nuestro futuro asegurado.\n\n"
            "Nos despedimos reiterándoles nuestro apoyo y los mejores deseos de una pronta y favorable "
            "solución.\n\nFraternalmente,"
        ),
        "fr": (
            "Par la présente, le Comité exécutif national, le Conseil général de vigilance et de justice "
            "ainsi que les délégués spéciaux et de zone du Syndicat national des travailleurs des mines et "
            "de la métallurgie de la République mexicaine expriment leur solidarité avec les camarades des "
            "Métallos (United Steelworkers) et des autres syndicats en négociation avec l'entreprise ASARCO, "
            "filiale de Grupo México, dans cinq sections locales en Arizona et au Texas.\n\n"
            "Nous savons que nos frères et sœurs métallos maintiennent une mobilisation permanente contre "
            "les intentions de l'employeur d'annuler des acquis des travailleurs, notamment l'imposition de "
            "tests de dépistage de drogues et d'alcool, des changements à la politique d'assiduité, la "
            "réduction du nombre d'absences permises en cas d'urgence médicale familiale, l'abolition des "
            "comités patronaux-syndicaux des droits civiques et des changements radicaux à la procédure de "
            "griefs.\n\n"
            "Ces agissements ne nous surprennent pas, vu la campagne permanente de Grupo México contre notre "
            "syndicat, qui va jusqu'au refus répété de remonter les corps de nos frères morts dans la mine de "
            "Pasta de Conchos et à la répression de trois grèves : celles de la section 17 de Taxco "
            "(Guerrero), de la section 201 de Sombrerete (Zacatecas) et de la section 65 de Cananea "
            "(Sonora). Il n'y a pas d'autre réponse possible qu'un front commun de tous les travailleurs et "
            "de tous les syndicats des États-Unis, du Mexique et du Pérou.\n\n"
            "Le Syndicat national des mineurs et des métallurgistes et toutes ses sections réaffirment leur "
            "volonté d'appuyer et d'accompagner nos frères et sœurs métallos chez ASARCO de la manière et au "
            "moment qu'ils jugeront opportuns, afin que notre passé soit respecté et notre avenir "
            "assuré.\n\n"
            "Nous vous renouvelons notre appui et vous souhaitons un règlement rapide et "
            "favorable.\n\nSolidairement,"
        ),
    },
    str(LETTER_000["slug"]): {
        "es": (
            "Estimado Napoleón:\n\n"
            "Ahora que te preparas para regresar a México a rendir protesta como Senador de la República, "
            "quiero tomarme un momento no solo para felicitarte por este logro histórico, sino también para "
            "reflexionar sobre su significado para los trabajadores, no solo de México sino de toda América "
            "del Norte y del mundo.\n\n"
            "Los Mineros han obtenido una victoria enorme, para sus familias, para los trabajadores de "
            "México y para la clase obrera internacional.\n\n"
            "Recordamos también a los 65 trabajadores que murieron en la mina de Grupo México en Pasta de "
            "Conchos, y a los miles de afectados por el derrame de desechos tóxicos en el valle del Río "
            "Sonora. Debe haber justicia para todas las víctimas de la impunidad del gobierno y de las "
            "empresas.\n\nEn solidaridad,"
        ),
        "fr": (
            "Cher Napoleón,\n\n"
            "Au moment où tu te prépares à rentrer au Mexique pour prêter serment comme sénateur de la "
            "République mexicaine, je tiens non seulement à te féliciter pour cette réussite historique, mais "
            "aussi à souligner sa portée pour les travailleurs du Mexique, de toute l'Amérique du Nord et du "
            "monde entier.\n\n"
            "Los Mineros ont remporté une victoire immense, pour vos familles, pour les travailleurs du "
            "Mexique et pour la classe ouvrière internationale.\n\n"
            "Nous nous souvenons aussi des 65 travailleurs qui ont péri dans la mine de Grupo México à Pasta "
            "de Conchos, et des milliers de personnes touchées par le déversement de déchets toxiques dans la "
            "vallée du Río Sonora. Justice doit être rendue à toutes les victimes de l'impunité des "
            "gouvernements et des entreprises.\n\nSolidairement,"
        ),
    },
}
# fmt: on
