from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from alianza.contracts import search, search_index
from alianza.contracts.models import Agreement
from alianza.contracts.selectors import reading_scope, visible_agreements
from alianza.contracts.stemming import stem
from alianza.orgs.selectors import forget_standing
from alianza.spaces.actions import share_record, withdraw_share


def _find(user, text, **filters):
    hits, total = search.search(user, text, search.Filters(**filters))
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


def test_a_withdrawn_share_leaves_the_index(world, section65):
    share = share_record(world["mineros_staff"], section65, world.alliance)
    assert _find(world["usw_officer"], "drogas")[1] == 1
    withdraw_share(world["mineros_staff"], share)
    assert _find(world["usw_officer"], "drogas")[1] == 0


def test_the_index_scope_only_narrows_what_the_reader_may_see(world, section65):
    # Scope words that wrongly name the reader's union: the page still decides.
    search_index.write_scope({section65.pk: [f"o{world.usw.pk}"]})
    assert _find(world["usw_officer"], "drogas") == ([], 0)
    assert _find(world["mineros_officer"], "drogas")[1] == 0  # its words were lost
    search_index.refresh_scope([section65.pk])
    assert _find(world["mineros_officer"], "drogas")[1] == 1


def test_reading_scope_agrees_with_visible_agreements(world, hayden, section65):
    share_record(world["mineros_staff"], section65, world.alliance)
    scopes = search_index.agreement_scopes(
        Agreement.objects.values_list("pk", flat=True)
    )
    for name in ["usw_admin", "usw_staff", "usw_officer", "observer", "mineros_staff",
                 "mineros_officer", "member", "outsider"]:  # fmt: skip
        words = set(reading_scope(world[name]) or [])
        by_scope = {pk for pk, agreement in scopes.items() if words & set(agreement)}
        visible = set(visible_agreements(world[name]).values_list("pk", flat=True))
        assert by_scope == visible, name
    assert reading_scope(world["outsider"]) == []
    world["usw_admin"].is_superuser = True
    forget_standing(world["usw_admin"])
    assert reading_scope(world["usw_admin"]) is None


def _every_match_newest_first(user, query: str) -> list[int]:
    """The answer read the slow way: every visible clause, its words matched."""
    visible = list(visible_agreements(user).values_list("pk", flat=True))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM contracts_clause_search WHERE agreement_id = ANY(%s) AND"
            " words @@ (websearch_to_tsquery('english', %s)"
            " || websearch_to_tsquery('spanish', %s)"
            " || websearch_to_tsquery('french', %s)) ORDER BY id DESC",
            [visible, query, query, query],
        )
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's way of reading the index"
)
@pytest.mark.parametrize("cap", [2, 200])
def test_postgresql_finds_the_same_through_the_window_and_the_index(
    world, hayden, section65, monkeypatch, cap
):
    share_record(world["mineros_staff"], section65, world.alliance)
    monkeypatch.setattr(search, "COUNT_CAP", cap)
    for name in ["usw_officer", "mineros_officer", "usw_staff", "outsider"]:
        for query in ["employee", "drogas", "alcohol", "union shall"]:
            every = _every_match_newest_first(world[name], query)
            expected = (every[:3], min(len(every), cap + 1))
            for window in [10**9, 0, 5]:  # all newest first; all through GIN; both
                monkeypatch.setattr(search, "NEWEST_WINDOW", window)
                found = search.matches(world[name], query, search.Filters(), 3)
                assert found == expected, (name, query, window)
