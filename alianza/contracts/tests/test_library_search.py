"""The library finds agreements by title, parties, employer or union, whatever the
accents and case, among those the reader may read only. SQLite and PostgreSQL."""

from django.urls import reverse

from alianza.contracts.models import Agreement
from alianza.contracts.selectors import library_agreements
from alianza.lib.folding import refold
from alianza.spaces.actions import share_record


def _titles(user, query) -> set[str]:
    return {a.title for a in library_agreements(user, query)}


SPANISH = "Contrato colectivo Sección 65"
ENGLISH = "ASARCO – Local 915"


def test_found_whatever_the_accents_and_case(world, hayden, section65):
    section65.parties = "Buenavista del Cobre, S.A. de C.V., y el Sindicato Minero"
    section65.save(update_fields=["parties"])
    officer = world["mineros_officer"]
    # (query, found): every word, without accents and in any case, in the title,
    # the parties, the employer's name or the union's names.
    for query, found in [
        ("seccion 65", {SPANISH}),
        ("SECCIÓN", {SPANISH}),
        ("contrato colectivo", {SPANISH}),
        ("buenavista", {SPANISH}),
        ("grupo mexico", {SPANISH}),
        ("los mineros", {SPANISH}),
        ("cfcrl/cct/son", {SPANISH}),
        ("asarco", set()),  # USW's, not shared
        ("contrato asarco", set()),
        ("", {SPANISH}),
    ]:
        assert _titles(officer, query) == found, query
    staff = world["usw_staff"]
    assert _titles(staff, "seccion") == set()  # Los Mineros' own, unshared
    assert _titles(staff, "local 915") == {ENGLISH}
    assert _titles(staff, "ASARCO") == {ENGLISH}
    share_record(world["mineros_staff"], section65, world.alliance)
    assert _titles(staff, "seccion") == {SPANISH}
    for name in ("outsider", "member", "usw_member"):
        assert _titles(world[name], "seccion") == set(), name
        assert _titles(world[name], "asarco") == set(), name


def test_the_page_and_the_api(client, world, hayden, section65):
    client.force_login(world["mineros_officer"])
    page = client.get(reverse("contracts:library"), {"q": "SECCION"}).content.decode()
    assert SPANISH in page
    page = client.get(reverse("contracts:library"), {"q": "asarco"}).content.decode()
    assert "ASARCO – Local 915" not in page
    rows = client.get("/api/v1/agreements", {"q": "seccion 65"}).json()
    assert [r["title"] for r in rows] == [SPANISH]
    client.force_login(world["usw_officer"])
    assert client.get("/api/v1/agreements", {"q": "seccion"}).json() == []
    client.force_login(world["outsider"])
    assert client.get("/api/v1/agreements", {"q": "asarco"}).json() == []


def test_old_rows_get_their_folded_titles(world, hayden, section65):
    Agreement.objects.update(search_text="")
    refold(Agreement)
    assert _titles(world["mineros_officer"], "seccion") == {SPANISH}
