from alianza.accounts.actions import create_token
from alianza.spaces.actions import share_record


def _get(client, user, url):
    _token, secret = create_token(user, "test")
    return client.get(url, headers={"Authorization": f"Bearer {secret}"})


def test_agreements_and_search_are_scoped(client, world, hayden, section65):
    listing = _get(client, world["usw_officer"], "/api/v1/agreements").json()
    assert [a["title"] for a in listing] == ["ASARCO – Local 915"]
    found = _get(client, world["usw_officer"], "/api/v1/agreements/search?q=drogas")
    # Not Los Mineros' unshared clause: only her union's on the same topic, in English.
    assert [(h["agreement_id"], h["match"]) for h in found.json()] == [
        (hayden.pk, "other_language")
    ]
    share_record(world["mineros_staff"], section65, world.alliance)
    found = _get(client, world["usw_officer"], "/api/v1/agreements/search?q=drogas")
    [hit] = [h for h in found.json() if h["match"] == "direct"]
    assert hit["agreement_id"] == section65.pk and "<mark>" in hit["passage"]
    detail = _get(client, world["usw_officer"], f"/api/v1/agreements/{section65.pk}")
    assert detail.json()["registry_number"] == "CFCRL/CCT/SON/2025/000065"
    assert len(detail.json()["clauses"]) == section65.clauses.count()


def test_adding_an_agreement_from_its_text(client, world):
    _token, secret = create_token(world["mineros_staff"], "test")
    response = client.post(
        "/api/v1/agreements",
        {"organisation": "los-mineros", "employer": "grupo-mexico",
         "title": "CCT Sección 201", "language": "es", "country": "MX",
         "effective_on": "2026-01-01", "expires_on": "2025-01-01",
         "text": "CLÁUSULA 1. VIGENCIA\n1.1 Dos años."},
        content_type="application/json",
        headers={"Authorization": f"Bearer {secret}"},
    )  # fmt: skip
    assert response.status_code == 422
    assert "expire" in response.json()["detail"]
    response = client.post(
        "/api/v1/agreements",
        {"organisation": "los-mineros", "employer": "grupo-mexico",
         "title": "CCT Sección 201", "language": "es", "country": "MX",
         "annual_increases": [8, 7], "text": "CLÁUSULA 1. VIGENCIA\n1.1 Dos años."},
        content_type="application/json",
        headers={"Authorization": f"Bearer {secret}"},
    )  # fmt: skip
    assert response.status_code == 201
    assert response.json()["clauses"][0]["topic"] == "duration"
