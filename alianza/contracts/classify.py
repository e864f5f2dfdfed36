"""Which topic a clause is about, from words in English, Spanish and French.

Each topic lists word stems (see :mod:`stemming`); a clause scores one point per
matching word in its text and three in its heading; the best score wins. An
officer's correction is kept: reclassifying never touches a corrected clause.
"""

from .models import Topic
from .stemming import fold, words

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
        "absence", "ausencia", "falta", "familiar", "descanso",
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
        "equite", "egalite", "harcelement", "gender", "genero",
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


def _score(text: str, keywords: tuple[str, ...]) -> int:
    folded = fold(text)
    tokens = words(folded)
    score = 0
    for keyword in keywords:
        if " " in keyword or "-" in keyword:
            score += folded.count(keyword)
        else:
            score += sum(1 for token in tokens if token.startswith(keyword))
    return score


def classify(heading: str, text: str) -> str:
    best, best_score = Topic.OTHER.value, 0
    for topic, keywords in KEYWORDS.items():
        score = 3 * _score(heading, keywords) + _score(text, keywords)
        if score > best_score:
            best, best_score = str(topic), score
    return best
