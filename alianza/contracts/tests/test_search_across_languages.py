"""A clause search in one language also finds the same topic's clauses in the others.

The rule, from the issue: "antigüedad" and "ancienneté" find the US seniority clause,
"seniority" finds the Spanish one; they come after the direct matches, each group
saying why ("Same topic: Seniority"). The taxonomy's terms are the equivalents; a
glossary is one more source. Scoped like every search: the other union's unshared
agreements are never found, the outsider finds nothing.
"""

from datetime import date

import pytest
from django.urls import reverse

from alianza.contracts import equivalents, search
from alianza.contracts.actions import add_agreement
from alianza.contracts.classify import TERMS, classify
from alianza.contracts.equivalents import Equivalent
from alianza.lib.folding import fold
from alianza.orgs.selectors import forget_standing
from alianza.spaces.actions import share_record

QUEBEC = """\
ARTICLE 1 – ANCIENNETÉ
1.1 L'ancienneté est la durée du service continu depuis la dernière embauche; les mises à pied et les rappels au travail se font par ordre d'ancienneté.
ARTICLE 2 – HEURES DE TRAVAIL
2.1 La semaine normale est de quarante heures; les heures supplémentaires sont payées à taux et demi.
"""  # fmt: skip


@pytest.fixture
def quebec(world):
    return add_agreement(
        world["usw_staff"], world.usw, employer=world.asarco,
        title="Convention collective – section locale 9291", language="fr",
        country="CA", effective_on=date(2024, 5, 1), expires_on=date(2028, 4, 30),
        text=QUEBEC,
    )  # fmt: skip


@pytest.fixture
def reader(world, hayden, section65, quebec):
    """USW staff, who read their union's agreements and the one Los Mineros shared
    into the alliance's joint space."""
    share_record(world["mineros_staff"], section65, world.alliance)
    forget_standing(world["usw_staff"])
    return world["usw_staff"]


def _numbers(hits) -> list[tuple[str, str]]:
    return [(h.clause.language, h.clause.number) for h in hits]


def _across(user, text, **filters):
    return search.across_languages(user, text, search.Filters(**filters))


def test_every_term_is_its_topics_name_in_the_taxonomy():
    # The equivalents are the taxonomy's own words: each term is classified in the
    # topic it names, and every topic has a name in each of the three languages.
    for topic, languages in TERMS.items():
        assert set(languages) == {"en", "es", "fr"}, topic
        for terms in languages.values():
            for term in terms:
                assert classify(term, "") == topic, term


def test_equivalents_of_a_term_are_in_the_other_languages(db):
    """The taxonomy first; the seeded glossary adds no word it already gave."""
    found = {
        (e.term, e.language, e.topic) for e in equivalents.equivalents("ANTIGUEDAD")
    }
    assert ("seniority", "en", "seniority") in found
    assert ("ancienneté", "fr", "seniority") in found
    assert all(language != "es" for _t, language, _topic in found)
    assert {e.term for e in equivalents.equivalents("seniority")} == {
        "antigüedad", "escalafón", "ancienneté"
    }  # fmt: skip
    assert equivalents.equivalents("smelter") == []
    groups = equivalents.grouped("tiempo extra nocturno")
    assert [g.words for g in groups] == [("tiempo", "extra"), ("nocturno",)]
    assert "overtime" in {e.term for e in groups[0].equivalents}


@pytest.mark.parametrize(
    ("query", "direct", "across"),
    [
        # Spanish: the Spanish clauses that hold the word, then the seniority
        # clauses of the others (not Hayden's 5.2: it says "seniority" but is leave).
        ("antigüedad", {("es", "5.1"), ("es", "5.2"), ("es", "9.1")},
         {("en", "10.1"), ("fr", "1.1")}),
        ("Antiguedad", {("es", "5.1"), ("es", "5.2"), ("es", "9.1")},
         {("en", "10.1"), ("fr", "1.1")}),
        ("ancienneté", {("fr", "1.1")}, {("en", "10.1"), ("es", "9.1")}),
        ("seniority", {("en", "5.2"), ("en", "10.1")}, {("es", "9.1"), ("fr", "1.1")}),
    ],
)  # fmt: skip
def test_a_term_finds_the_same_topic_in_the_other_languages(
    world, reader, query, direct, across
):
    hits, _total = search.search(reader, query, search.Filters())
    assert set(_numbers(hits)) == direct
    groups = _across(reader, query)
    assert [g.topic for g in groups] == ["seniority"]
    assert set(_numbers(groups[0].hits)) == across
    assert groups[0].total == len(across)
    assert groups[0].reason == "Same topic: Seniority"
    assert not set(_numbers(hits)) & set(_numbers(groups[0].hits))


def test_a_term_of_several_words(world, reader):
    # Hayden's 3.2 is found by its article's heading ("Hours of work and overtime").
    groups = _across(reader, "tiempo extra")
    assert [g.topic for g in groups] == ["hours"]
    assert set(_numbers(groups[0].hits)) == {
        ("en", "3.1"),
        ("en", "3.2"),
        ("fr", "2.1"),
    }
    passages = {h.clause.number: h.passage for h in groups[0].hits}
    assert "<mark>Overtime</mark>" in passages["3.1"]
    assert "<mark>heures</mark> <mark>supplémentaires</mark>" in passages["2.1"]


def test_other_words_of_the_query_must_still_be_found(world, reader):
    # "antigüedad escalafón": both are seniority terms; "antigüedad smelter": the
    # second word has no equivalent and no seniority clause holds it.
    assert set(_numbers(_across(reader, "antigüedad escalafón")[0].hits)) == {
        ("en", "10.1"), ("fr", "1.1")
    }  # fmt: skip
    assert _across(reader, "antigüedad smelter") == []
    assert _across(reader, "antigüedad plant")[0].hits[0].clause.number == "10.1"


def test_a_topic_filter_keeps_its_own_topic_only(world, reader):
    assert _across(reader, "antigüedad", topic="leave") == []
    assert _across(reader, "antigüedad", topic="seniority")[0].total == 2


def test_the_other_unions_unshared_clauses_are_never_found(world, hayden, section65):
    # Los Mineros' agreement is not shared: USW's officer finds only her union's.
    officer = world["usw_officer"]
    groups = _across(officer, "seniority")
    assert groups == [] or all(
        h.clause.agreement.organisation_id == world.usw.pk
        for g in groups
        for h in g.hits
    )
    assert _across(officer, "antigüedad")[0].hits[0].clause.language == "en"
    assert [
        _numbers(g.hits) for g in _across(world["mineros_officer"], "seniority")
    ] == [[("es", "9.1")]]
    for name in ("outsider", "member", "usw_member"):
        assert _across(world[name], "seniority") == [], name
        assert _across(world[name], "antigüedad") == [], name


def test_a_glossary_is_one_more_source(world, reader, monkeypatch):
    def glossary(term: str) -> list[Equivalent]:
        same = fold(term) == "savings fund"
        return [Equivalent("fondo de ahorro", "es")] if same else []

    assert _across(reader, "Savings Fund") == []
    monkeypatch.setattr(equivalents, "SOURCES", [*equivalents.SOURCES, glossary])
    groups = _across(reader, "Savings Fund")
    assert [g.topic for g in groups] == [""]  # a glossary term names no topic
    assert _numbers(groups[0].hits) == [("es", "10.1")]
    passage = groups[0].hits[0].passage
    assert "<mark>fondo</mark>" in passage and "<mark>ahorro</mark>" in passage
    assert groups[0].reason == "Same term in another language: fondo de ahorro"


def test_the_page_shows_other_languages_after_direct_matches(client, world, reader):
    client.force_login(reader)
    page = client.get(reverse("contracts:search"), {"q": "antigüedad"}).content.decode()
    assert "3 clauses found" in page
    assert "In the other languages · Same topic: Seniority" in page
    direct = page.index("CLÁUSULA 9")
    across = page.index("In the other languages")
    assert direct < across < page.index("ARTICLE 10")


def test_the_api_marks_each_hit(client, world, reader):
    client.force_login(reader)
    rows = client.get("/api/v1/agreements/search", {"q": "seniority"}).json()
    kinds = [(r["match"], r["clause"]["number"]) for r in rows]
    assert [k for k, _n in kinds] == ["direct"] * 2 + ["other_language"] * 2
    assert {n for k, n in kinds if k == "other_language"} == {"9.1", "1.1"}
    assert rows[-1]["reason"] == "Same topic: Seniority"
    plain = client.get(
        "/api/v1/agreements/search", {"q": "seniority", "other_languages": "false"}
    ).json()
    assert [r["match"] for r in plain] == ["direct", "direct"]


def test_past_the_cap_the_page_says_more_than(client, world, reader, monkeypatch):
    monkeypatch.setattr(search, "COUNT_CAP", 1)
    [group] = _across(reader, "antigüedad")
    assert group.total == 2 and group.more_than == 1 and len(group.hits) == 2
    client.force_login(reader)
    page = client.get(reverse("contracts:search"), {"q": "antigüedad"}).content.decode()
    assert "More than 1 clauses found through seniority, ancienneté." in page


def test_the_alliance_glossary_is_a_source(world, reader):
    """A term the unions' administrators add to the glossary is searched in the
    other languages too, with no code change."""
    from alianza.multilingual.actions import save_glossary_term

    assert _across(reader, "Savings Fund") == []
    save_glossary_term(
        world["usw_staff"], None,
        en="savings fund", es="fondo de ahorro", fr="fonds d'épargne",
    )  # fmt: skip
    groups = _across(reader, "Savings Fund")
    assert [g.topic for g in groups] == [""]
    assert _numbers(groups[0].hits) == [("es", "10.1")]
