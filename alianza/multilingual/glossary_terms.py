"""The alliance's glossary as the unions' translators reviewed it: (English, Spanish,
French, note on usage). The same terms and notes as docs/translators-glossary.md; the
data migration and the demo load them, and the unions keep them in the Glossary page."""

REVIEWED_TERMS: list[tuple[str, str, str, str]] = [
    ("arbitration", "arbitraje", "arbitrage", ""),
    (
        "bargaining unit",
        "unidad de negociación",
        "unité de négociation",
        "The workers a collective agreement covers.",
    ),
    (
        "collective agreement",
        "contrato colectivo",
        "convention collective",
        "Never «acuerdo colectivo» or «contrat collectif».",
    ),
    (
        "collective bargaining",
        "negociación colectiva",
        "négociation collective",
        "",
    ),
    ("dues", "cuotas sindicales", "cotisations syndicales", ""),
    (
        "executive board",
        "comité ejecutivo",
        "conseil exécutif",
        "Los Mineros' Comité Ejecutivo Nacional; the USW's International Executive "
        "Board is «Consejo Ejecutivo Internacional» in Spanish.",
    ),
    (
        "grievance",
        "queja",
        "grief",
        "A formal complaint under the agreement; not «agravio», not «plainte».",
    ),
    (
        "health and safety",
        "seguridad e higiene",
        "santé et sécurité",
        "Mexico's law says «seguridad e higiene»; «seguridad y salud» is also read.",
    ),
    ("layoff", "recorte de personal", "mise à pied", ""),
    (
        "legitimation",
        "legitimación",
        "légitimation",
        "The workers' vote that keeps or rejects a collective agreement (Mexico, "
        "2019 reform). Keep the Spanish word in brackets the first time.",
    ),
    (
        "local union",
        "sección",
        "section locale",
        "The union's unit at a workplace: «sección» for Los Mineros, the word a "
        "Mexican reader knows; a USW local keeps its name (Local 915). French: "
        "«section locale» for USW locals, «section» for Los Mineros' secciones.",
    ),
    ("lockout", "paro patronal", "lock-out", ""),
    ("observer", "observador", "observateur", "Feminine: observadora, observatrice."),
    ("picket line", "guardia de huelga", "ligne de piquetage", ""),
    (
        "protection contract",
        "contrato de protección",
        "contrat de protection",
        "A contract signed behind the workers' backs with a union they did not choose.",
    ),
    (
        "Rapid Response Mechanism",
        "Mecanismo Laboral de Respuesta Rápida",
        "Mécanisme de réaction rapide",
        "The USMCA's facility-specific mechanism.",
    ),
    ("rank and file", "la base", "la base", ""),
    ("secret ballot", "voto secreto", "scrutin secret", ""),
    ("seniority", "antigüedad", "ancienneté", ""),
    (
        "steward",
        "delegado",
        "délégué syndical",
        "Feminine: delegada, déléguée syndicale.",
    ),
    ("strike", "huelga", "grève", ""),
    ("solidarity", "solidaridad", "solidarité", ""),
    (
        "toma de nota",
        "toma de nota",
        "toma de nota",
        "The labour authority's record of a union's elected leadership; kept in "
        "Spanish, explained the first time (certification of the union's officers).",
    ),
]
