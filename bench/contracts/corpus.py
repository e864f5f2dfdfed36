"""A generated corpus of collective agreements in English and Spanish.

Each agreement has ``pages`` pages of about four clauses (some 110 words each): the
clauses of the demo agreements (every topic of the taxonomy), their numbers varied,
each followed by sentences drawn from the words of agreements in its language, with
invented place and company names so that rare words exist as in real texts.
Deterministic for a given seed.
"""

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass

from alianza.contracts.demo_texts import HAYDEN, SECTION_65
from alianza.contracts.extraction import split

WORDS = re.compile(r"[^\W\d_]{3,}")

EXTRA = {
    "en": "employee employer company union local shall provide pay rate shift crew "
    "department supervisor steward craft mill smelter refinery mine concentrator plant "
    "overtime premium holiday vacation benefit pension insurance medical dental "
    "seniority layoff recall bidding posting training apprentice safety hazard "
    "committee grievance arbitration discipline discharge notice period schedule "
    "contractor outsourcing discrimination harassment attendance absence leave "
    "family emergency drug alcohol testing reasonable cause".split(),
    "es": "trabajador trabajadores empresa sindicato sección deberá proporcionar salario "
    "cuota turno jornada departamento supervisor delegado categoría mina planta "
    "fundición refinería concentradora tiempo extra prima descanso vacaciones "
    "prestación jubilación seguro médico antigüedad escalafón vacante capacitación "
    "adiestramiento seguridad higiene riesgo comisión mixta queja conciliación "
    "tribunal sanción rescisión aviso periodo contratista subcontratación "
    "discriminación acoso asistencia falta permiso familiar emergencia drogas "
    "alcohol prueba causa".split(),
}
PLACES = ["Hayden", "Kearny", "Sahuarita", "Marana", "Amarillo", "Cananea", "Nacozari",
          "Taxco", "Sombrerete", "Lázaro", "Monclova", "Hermosillo", "Chihuahua",
          "Sudbury", "Trail", "Gary", "Cleveland", "Zacatecas", "Fresnillo", "Peñoles"]  # fmt: skip


@dataclass
class Generated:
    title: str
    language: str
    country: str
    text: str


def _clauses(text: str) -> list[tuple[str, str]]:
    return [(p.heading, p.text) for p in split(text)]


def agreements(count: int, pages: int, seed: int = 2018) -> Iterator[Generated]:
    rng = random.Random(seed)
    sources = {"en": _clauses(HAYDEN), "es": _clauses(SECTION_65)}
    vocab = {
        lang: sorted(set(WORDS.findall(text.lower())) | set(EXTRA[lang]))
        for lang, text in (("en", HAYDEN), ("es", SECTION_65))
    }
    for number in range(count):
        language = "es" if number % 2 else "en"
        words = vocab[language]
        # Rarer words: each agreement names a few places.
        rare = rng.sample(PLACES, 3)
        lines: list[str] = []
        article = 0
        for _page in range(pages):
            for _clause in range(4):
                heading, body = rng.choice(sources[language])
                article += 1
                label = "ARTICLE" if language == "en" else "CLÁUSULA"
                lines.append(f"{label} {article} – {heading}")
                filler = []
                for _sentence in range(rng.randint(3, 6)):
                    sentence = rng.choices(words, k=rng.randint(12, 20))
                    if rng.random() < 0.2:
                        sentence.append(rng.choice(rare))
                    filler.append(" ".join(sentence).capitalize() + ".")
                body = re.sub(r"\d+", lambda m: str(rng.randint(1, 60)), body)
                lines.append(f"{article}.1 {body} {' '.join(filler)}")
        yield Generated(
            title=f"Generated agreement {number:05d}",
            language=language,
            country="MX" if language == "es" else "US",
            text="\n".join(lines),
        )
