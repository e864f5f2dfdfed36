"""Which topic a clause is about, from words in English, Spanish and French.

Each topic lists word beginnings (folded: lower case, no accents); a clause scores one
point per matching word in its text and three in its heading; the best score wins. An
officer's correction is kept: reclassifying never touches a corrected clause.
"""

from functools import lru_cache

from .models import Topic
from .stemming import WORD, fold

#: Prefixes of folded words (no accents, lower case) that signal each topic.
KEYWORDS: dict[str, tuple[str, ...]] = {
    Topic.WAGES: (
        "wage", "salari", "salair", "rate of pay", "classification", "clasificac",
        "tabulador", "pay", "paga", "remunerat", "job class", "categor",
    ),
    Topic.HOURS: (
        "hour", "overtime", "shift", "jornada", "horas extra", "tiempo extra",
        "turno", "heures", "supplementaire", "quart", "horaire", "workweek",
    ),
    Topic.LEAVE: (
        "leave", "vacation", "holiday", "bereavement", "family medical",
        "emergency", "permiso", "licencia", "vacacion", "emergencia", "conge",
        "absence", "ausencia", "falta", "familiar", "descanso", "vacances",
    ),
    Topic.ATTENDANCE: (
        "attendance", "absentee", "tardi", "asistencia", "puntualidad",
        "retardo", "assiduite", "presence", "occurrence",
    ),
    Topic.DRUG_TESTING: (
        "drug", "alcohol", "substance", "droga", "estupefac", "antidoping",
        "enervant", "drogue", "dépistage", "depistage", "test",
    ),
    Topic.GRIEVANCE: (
        "grievance", "arbitrat", "arbitra", "queja", "agravio", "reclamac",
        "griefs", "grief", "arbitrage", "disput", "controversia", "discipline",
    ),
    Topic.HEALTH_SAFETY: (
        "safety", "health", "hazard", "seguridad", "higiene", "riesgo",
        "accidente", "sante", "securite", "ppe", "protective", "proteccion",
    ),
    Topic.SENIORITY: (
        "seniority", "layoff", "recall", "bidding", "antiguedad", "escalafon",
        "anciennete", "vacante", "job posting", "promotion", "ascenso",
    ),
    Topic.BENEFITS: (
        "pension", "retire", "insurance", "benefit", "jubilac", "seguro",
        "prestacion", "aguinaldo", "retraite", "assurance", "fondo de ahorro",
        "medical plan", "despensa",
    ),
    Topic.UNION_SECURITY: (
        "union security", "dues", "checkoff", "recognition", "cuota sindical",
        "cuotas", "reconocimiento", "titularidad", "union representative",
        "steward", "delegado", "cotisation", "reconnaissance", "union leave",
        "exclusion", "sindicato",
    ),
    Topic.COMMITTEES: (
        "committee", "comite", "comision mixta", "comisiones mixtas", "joint",
        "mixta", "civil rights", "derechos civiles", "paritaire",
    ),
    Topic.TRAINING: (
        "training", "apprentic", "capacitac", "adiestramiento", "formation",
        "apprentissage", "skill", "curso",
    ),
    Topic.EQUALITY: (
        "discriminat", "harass", "equal", "igualdad", "acoso", "hostigamiento",
        "equite", "egalite", "harcelement", "gender", "genero", "discriminac",
    ),
    Topic.SUBCONTRACTING: (
        "contracting out", "subcontract", "contractor", "outsourc",
        "subcontrat", "outsourcing", "sous-trait", "soustrait", "tercero",
        "contratista",
    ),
    Topic.DURATION: (
        "duration", "term of agreement", "expire", "expiration", "vigencia",
        "duracion", "revision", "duree", "en vigueur", "termination",
    ),
}  # fmt: skip


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Single-word keywords by prefix, and the keywords of several words."""
    prefixes: dict[str, str] = {}
    phrases: list[tuple[str, str]] = []
    for topic, keywords in KEYWORDS.items():
        for keyword in keywords:
            if " " in keyword or "-" in keyword:
                phrases.append((keyword, str(topic)))
            else:
                prefixes.setdefault(keyword, str(topic))
    return prefixes, phrases


LONGEST = max(len(k) for keywords in KEYWORDS.values() for k in keywords)


@lru_cache(maxsize=100_000)
def _token_topics(token: str) -> tuple[str, ...]:
    prefixes = _tables()[0]
    found = (prefixes.get(token[:n]) for n in range(3, min(len(token), LONGEST) + 1))
    return tuple(topic for topic in found if topic is not None)


def _score(text: str, weight: int, scores: dict[str, int]) -> None:
    phrases = _tables()[1]
    folded = fold(text)
    for token in WORD.findall(folded):
        for topic in _token_topics(token):
            scores[topic] = scores.get(topic, 0) + weight
    for phrase, topic in phrases:
        if phrase in folded:
            scores[topic] = scores.get(topic, 0) + weight * folded.count(phrase)


def classify(heading: str, text: str) -> str:
    scores: dict[str, int] = {}
    _score(heading, 3, scores)
    _score(text, 1, scores)
    if not scores:
        return Topic.OTHER.value
    # The highest score; on a tie, the topic listed first.
    order = {str(topic): index for index, topic in enumerate(KEYWORDS)}
    return min(scores, key=lambda topic: (-scores[topic], order[topic]))


#: The topics' names in each language: the words a reader types for a topic, and
#: what a search in one language looks for in the others (see :mod:`equivalents`).
#: Each of them is classified into its own topic by :data:`KEYWORDS`.
TERMS: dict[str, dict[str, tuple[str, ...]]] = {
    Topic.WAGES: {
        "en": ("wages", "wage rates", "job classification"),
        "es": ("salario", "salarios", "tabulador", "tabulador de salarios"),
        "fr": ("salaire", "salaires", "classification des emplois"),
    },
    Topic.HOURS: {
        "en": ("overtime", "hours of work", "shift", "workweek"),
        "es": ("tiempo extra", "horas extra", "jornada", "turno"),
        "fr": ("heures supplémentaires", "horaire", "quart de travail"),
    },
    Topic.LEAVE: {
        "en": ("leave", "vacation", "holidays", "leave of absence"),
        "es": ("vacaciones", "permiso", "licencia", "descanso"),
        "fr": ("congé", "congés", "vacances"),
    },
    Topic.ATTENDANCE: {
        "en": ("attendance", "absenteeism", "tardiness"),
        "es": ("asistencia", "puntualidad", "retardos"),
        "fr": ("assiduité", "présence au travail"),
    },
    Topic.DRUG_TESTING: {
        "en": ("drug testing", "drug and alcohol testing", "drugs"),
        "es": ("antidoping", "pruebas de drogas", "drogas"),
        "fr": ("dépistage", "dépistage de drogues", "drogues"),
    },
    Topic.GRIEVANCE: {
        "en": ("grievance", "grievances", "arbitration"),
        "es": ("queja", "quejas", "reclamación", "arbitraje"),
        "fr": ("grief", "griefs", "arbitrage"),
    },
    Topic.HEALTH_SAFETY: {
        "en": ("health and safety", "safety", "hazard"),
        "es": ("seguridad e higiene", "seguridad", "higiene", "riesgo"),
        "fr": ("santé et sécurité", "sécurité"),
    },
    Topic.SENIORITY: {
        "en": ("seniority",),
        "es": ("antigüedad", "escalafón"),
        "fr": ("ancienneté",),
    },
    Topic.BENEFITS: {
        "en": ("pension", "pensions", "insurance", "benefits", "retirement"),
        "es": ("jubilación", "pensión", "seguro", "prestaciones"),
        "fr": ("retraite", "régime de retraite", "assurance", "assurances"),
    },
    Topic.UNION_SECURITY: {
        "en": ("union dues", "dues checkoff", "steward", "union recognition"),
        "es": ("cuota sindical", "cuotas sindicales", "delegado", "titularidad"),
        "fr": ("cotisation syndicale", "reconnaissance syndicale"),
    },
    Topic.COMMITTEES: {
        "en": ("joint committee", "committee"),
        "es": ("comisión mixta", "comité"),
        "fr": ("comité paritaire", "comité"),
    },
    Topic.TRAINING: {
        "en": ("training", "apprenticeship"),
        "es": ("capacitación", "adiestramiento"),
        "fr": ("formation", "apprentissage"),
    },
    Topic.EQUALITY: {
        "en": ("discrimination", "harassment", "equality"),
        "es": ("discriminación", "acoso", "hostigamiento", "igualdad"),
        "fr": ("discrimination", "harcèlement", "égalité"),
    },
    Topic.SUBCONTRACTING: {
        "en": ("subcontracting", "contracting out", "outsourcing"),
        "es": ("subcontratación", "contratistas"),
        "fr": ("sous-traitance",),
    },
    Topic.DURATION: {
        "en": ("duration", "term of agreement", "expiration"),
        "es": ("vigencia", "duración"),
        "fr": ("durée", "en vigueur"),
    },
}
