from datetime import date

from django.urls import reverse

from alianza.contracts import search
from alianza.contracts.selectors import visible_clauses
from alianza.contracts.stemming import stem
from alianza.spaces.actions import share_record


def _find(user, text, **filters):
    hits, total = search.search(visible_clauses(user), text, search.Filters(**filters))
    return hits, total


def test_words_are_stemmed_in_each_language():
    assert stem("ausencias", "es") == stem("ausencia", "es")
    assert stem("testing", "en") == stem("tests", "en")
    assert stem("Cláusulas", "es") == stem("clausula", "es")
    assert stem("conventions", "fr") == stem("convention", "fr")


def test_spanish_search_with_stemming_and_highlight(world, section65):
    hits, total = _find(world["mineros_officer"], "emergencias médicas")
    assert total == 1
    assert hits[0].clause.number == "5.2"
    assert "<mark>emergencia</mark> <mark>médica</mark>" in hits[0].passage


def test_english_search_with_stemming(world, hayden):
    hits, total = _find(world["usw_officer"], "tests drug")
    assert total >= 1
    assert hits[0].clause.article == "ARTICLE 6"
    assert "<mark>Testing</mark>" in hits[0].passage


def test_search_is_scoped_to_what_the_reader_may_see(world, hayden, section65):
    assert _find(world["usw_officer"], "drogas")[1] == 0  # Los Mineros' own, unshared
    assert _find(world["outsider"], "drug")[1] == 0
    assert _find(world["member"], "drogas")[1] == 0
    share_record(world["mineros_staff"], section65, world.alliance)
    assert _find(world["usw_officer"], "drogas")[1] == 1


def test_filters(world, hayden, section65):
    admin = world["usw_admin"]
    admin.is_superuser = True
    admin.save()
    assert _find(admin, "alcohol")[1] == 2
    assert _find(admin, "alcohol", country="MX")[1] == 1
    assert _find(admin, "alcohol", employer=world.asarco.pk)[1] == 1
    assert _find(admin, "alcohol", organisation=world.mineros.pk)[1] == 1
    assert _find(admin, "alcohol", topic="wages")[1] == 0
    assert _find(admin, "alcohol", effective_from=date(2020, 1, 1))[1] == 1
    assert _find(admin, "alcohol", expires_until=date(2020, 1, 1))[1] == 1


def test_markup_in_a_clause_is_escaped(world, hayden):
    clause = hayden.clauses.first()
    passage = search.highlight("<script>drug</script> testing", "drug", "en")
    assert "<script>" not in passage and "<mark>drug</mark>" in passage
    assert clause is not None


def test_the_search_page(client, world, section65):
    client.force_login(world["mineros_officer"])
    page = client.get(
        reverse("contracts:search"), {"q": "subcontratación", "country": "MX"}
    ).content.decode()
    assert "1 cláusula encontrada" in page
    assert "<mark>" in page


def test_a_common_word_says_more_than(client, world, hayden, monkeypatch):
    monkeypatch.setattr(search, "COUNT_CAP", 2)
    hits, total = _find(world["usw_officer"], "employee")
    assert total == 3 and len(hits) == 3  # the cap, and one more to tell
    client.force_login(world["usw_officer"])
    page = client.get(reverse("contracts:search"), {"q": "employee"}).content.decode()
    assert "More than 2 clauses found" in page
