"""The demo's worksites' names, products and notes in Spanish and French, by their
English text (the demo writes them in English, then adds these translations)."""

ASARCO_NOTE = (
    "The Steelworkers bargain with ASARCO here alongside other unions; the local's "
    "number is illustrative."
)
STRIKE_NOTE = (
    "One of the three strikes against Grupo México, of Sections 17, 65 and 201, "
    "that began on 30 July 2007."
)
STANDS_IN = (
    "Illustrative: {unit} stands in for the {what}, which the demo does not include."
)
NEAREST = "Illustrative: organizing with {unit}, the demo's nearest section."
PROTECTION_NOTE = (
    "Illustrative: a protection contract signed with an employer-friendly union; Los "
    "Mineros campaign here with the Steelworkers' support."
)

# (the demo writes them in English; a proper name such as Indiana Harbor Works stays)

SITE_NAMES: dict[str, tuple[str, str]] = {
    "Hayden smelter": ("Fundición de Hayden", "Fonderie de Hayden"),
    "Ray mine": ("Mina Ray", "Mine Ray"),
    "Mission mine": ("Mina Mission", "Mine Mission"),
    "Silver Bell mine": ("Mina Silver Bell", "Mine Silver Bell"),
    "Amarillo copper refinery": (
        "Refinería de cobre de Amarillo",
        "Affinerie de cuivre d'Amarillo",
    ),
    "Cananea copper mine": ("Mina de cobre de Cananea", "Mine de cuivre de Cananea"),
    "San Martín mine": ("Mina San Martín", "Mine San Martín"),
    "Taxco mine": ("Mina de Taxco", "Mine de Taxco"),
    "Pasta de Conchos coal mine": (
        "Mina de carbón Pasta de Conchos",
        "Mine de charbon de Pasta de Conchos",
    ),
    "Lázaro Cárdenas steel plant": (
        "Siderúrgica de Lázaro Cárdenas",
        "Aciérie de Lázaro Cárdenas",
    ),
    # A proper name: the same in every language.
    "Indiana Harbor Works": ("Indiana Harbor Works", "Indiana Harbor Works"),
    "Ciudad Sahagún plant": ("Planta de Ciudad Sahagún", "Usine de Ciudad Sahagún"),
    "Querétaro plant": ("Planta de Querétaro", "Usine de Querétaro"),
    "Fort Wayne plant": ("Planta de Fort Wayne", "Usine de Fort Wayne"),
    "Guadalajara steel mill": ("Acería de Guadalajara", "Aciérie de Guadalajara"),
    "Peñasquito mine": ("Mina Peñasquito", "Mine Peñasquito"),
    "Puebla seating plant": (
        "Planta de asientos de Puebla",
        "Usine de sièges de Puebla",
    ),
    "Ciudad Acuña wire harness plant": (
        "Planta de arneses de Ciudad Acuña",
        "Usine de faisceaux électriques de Ciudad Acuña",
    ),
    "Frontera foundry": ("Fundición de Frontera", "Fonderie de Frontera"),
    "El Boleo mine": ("Mina El Boleo", "Mine El Boleo"),
    "El Coronel mine": ("Mina El Coronel", "Mine El Coronel"),
    "La Platosa mine": ("Mina La Platosa", "Mine La Platosa"),
    "El Limón-Guajes mine": ("Mina El Limón-Guajes", "Mine El Limón-Guajes"),
}
PRODUCTS: dict[str, tuple[str, str]] = {
    "copper anodes, sulphuric acid": (
        "ánodos de cobre, ácido sulfúrico",
        "anodes de cuivre, acide sulfurique",
    ),
    "copper concentrate": ("concentrado de cobre", "concentré de cuivre"),
    "copper cathodes": ("cátodos de cobre", "cathodes de cuivre"),
    "copper cathodes, rod": (
        "cátodos y alambrón de cobre",
        "cathodes et fil machine de cuivre",
    ),
    "copper concentrate, cathodes": (
        "concentrado y cátodos de cobre",
        "concentré et cathodes de cuivre",
    ),
    "zinc, lead, silver, copper": (
        "zinc, plomo, plata, cobre",
        "zinc, plomb, argent, cuivre",
    ),
    "zinc, lead, silver": ("zinc, plomo, plata", "zinc, plomb, argent"),
    "coal": ("carbón", "charbon"),
    "slabs, wire rod, rebar": (
        "planchón, alambrón, varilla corrugada",
        "brames, fil machine, barres d'armature",
    ),
    "hot- and cold-rolled sheet": (
        "lámina rolada en caliente y en frío",
        "tôle laminée à chaud et à froid",
    ),
    "freight car bogies and couplers": (
        "bogies y coples para carros de carga",
        "bogies et attelages de wagons de marchandises",
    ),
    "axles and driveshafts": (
        "ejes y flechas cardán",
        "essieux et arbres de transmission",
    ),
    "axles": ("ejes", "essieux"),
    "special bar quality steel": (
        "barras de acero de calidad especial",
        "barres d'acier de qualité spéciale",
    ),
    "gold, silver, lead, zinc": ("oro, plata, plomo, zinc", "or, argent, plomb, zinc"),
    "car seats and interiors": (
        "asientos e interiores para automóviles",
        "sièges et garnitures intérieures d'automobiles",
    ),
    "wire harnesses": ("arneses eléctricos", "faisceaux électriques"),
    "engine blocks and heads": (
        "monoblocks y cabezas de motor",
        "blocs-moteurs et culasses",
    ),
    "copper, cobalt, zinc": ("cobre, cobalto, zinc", "cuivre, cobalt, zinc"),
    "gold, silver": ("oro, plata", "or, argent"),
    "silver, lead, zinc": ("plata, plomo, zinc", "argent, plomb, zinc"),
    "gold": ("oro", "or"),
}
NOTES: dict[str, tuple[str, str]] = {
    ASARCO_NOTE: (
        "Los Steelworkers negocian aquí con ASARCO junto con otros sindicatos; el número "
        "del local es ilustrativo.",
        "Les Métallos négocient ici avec ASARCO aux côtés d'autres syndicats ; le numéro "
        "de la section locale est fictif.",
    ),
    STRIKE_NOTE: (
        "Una de las tres huelgas contra Grupo México, de las Secciones 17, 65 y 201, que "
        "estallaron el 30 de julio de 2007.",
        "L'une des trois grèves contre Grupo México, celles des sections 17, 65 et 201, "
        "déclenchées le 30 juillet 2007.",
    ),
    "On strike against Grupo México since 30 July 2007.": (
        "En huelga contra Grupo México desde el 30 de julio de 2007.",
        "En grève contre Grupo México depuis le 30 juillet 2007.",
    ),
    "Closed after the explosion of 19 February 2006 that killed 65 miners; 63 of them "
    "were still in the mine in 2018.": (
        "Cerrada tras la explosión del 19 de febrero de 2006 que mató a 65 mineros; 63 de "
        "ellos seguían dentro de la mina en 2018.",
        "Fermée après l'explosion du 19 février 2006 qui a tué 65 mineurs ; 63 d'entre "
        "eux se trouvaient encore dans la mine en 2018.",
    ),
    "Date illustrative. Héctor Álvarez Gómez and Mario Alberto Castillo were killed in "
    "the strike of 20 April 2006 at the plant, then SICARTSA.": (
        "Fecha ilustrativa. Héctor Álvarez Gómez y Mario Alberto Castillo fueron "
        "asesinados en la huelga del 20 de abril de 2006 en la planta, entonces SICARTSA.",
        "Date fictive. Héctor Álvarez Gómez et Mario Alberto Castillo ont été tués pendant "
        "la grève du 20 avril 2006 à l'usine, qui s'appelait alors SICARTSA.",
    ),
    STANDS_IN.format(unit="District 7", what="USW locals at the plant"): (
        "Ilustrativo: el Distrito 7 aparece en lugar de los locales del USW en la planta, "
        "que la demostración no incluye.",
        "Fictif : le District 7 tient lieu des sections locales des Métallos à l'usine, "
        "qui ne figurent pas dans la démonstration.",
    ),
    STANDS_IN.format(unit="Sección 17", what="Los Mineros section at the plant"): (
        "Ilustrativo: la Sección 17 aparece en lugar de la sección de Los Mineros en la "
        "planta, que la demostración no incluye.",
        "Fictif : la Sección 17 tient lieu de la section de Los Mineros à l'usine, qui ne "
        "figure pas dans la démonstration.",
    ),
    STANDS_IN.format(unit="District 7", what="USW local at the plant"): (
        "Ilustrativo: el Distrito 7 aparece en lugar del local del USW en la planta, que "
        "la demostración no incluye.",
        "Fictif : le District 7 tient lieu de la section locale des Métallos à l'usine, "
        "qui ne figure pas dans la démonstration.",
    ),
    STANDS_IN.format(
        unit="Sección 201 (Zacatecas)", what="Los Mineros section at the mine"
    ): (
        "Ilustrativo: la Sección 201 (Zacatecas) aparece en lugar de la sección de Los "
        "Mineros en la mina, que la demostración no incluye.",
        "Fictif : la Sección 201 (Zacatecas) tient lieu de la section de Los Mineros à la "
        "mine, qui ne figure pas dans la démonstration.",
    ),
    NEAREST.format(unit="Sección 17"): (
        "Ilustrativo: la organización la lleva la Sección 17, la sección más cercana de la "
        "demostración.",
        "Fictif : la syndicalisation est menée avec la Sección 17, la section la plus "
        "proche dans la démonstration.",
    ),
    NEAREST.format(unit="Sección 271"): (
        "Ilustrativo: la organización la lleva la Sección 271, la sección más cercana de "
        "la demostración.",
        "Fictif : la syndicalisation est menée avec la Sección 271, la section la plus "
        "proche dans la démonstration.",
    ),
    NEAREST.format(unit="Sección 201"): (
        "Ilustrativo: la organización la lleva la Sección 201, la sección más cercana de "
        "la demostración.",
        "Fictif : la syndicalisation est menée avec la Sección 201, la section la plus "
        "proche dans la démonstration.",
    ),
    PROTECTION_NOTE: (
        "Ilustrativo: un contrato de protección firmado con un sindicato a modo de la "
        "empresa; Los Mineros hacen campaña aquí con el apoyo de los Steelworkers.",
        "Fictif : une convention de protection signée avec un syndicat complaisant ; Los "
        "Mineros y font campagne avec l'appui des Métallos.",
    ),
}

# fmt: on
