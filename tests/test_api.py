from alianza.accounts.actions import create_token


def _headers(user):
    _token, secret = create_token(user, "test")
    return {"Authorization": f"Bearer {secret}", "Accept-Language": "en"}


def test_errors_are_json_with_a_clear_message(client, world):
    headers = _headers(world["mineros_staff"])
    assert client.get("/api/v1/people/999999", headers=headers).json() == {
        "detail": "Not found."
    }
    response = client.post(
        "/api/v1/people",
        {
            "organisation": "los-mineros",
            "name": "X",
            "country": "MX",
            "preferred_language": "es",
            "phone": "no",
        },
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 422
    assert "country code" in response.json()["detail"]
    assert client.get("/api/v1/me").json()["detail"].startswith("Sign in")


def test_errors_speak_the_callers_language(client, world):
    headers = {**_headers(world["mineros_staff"]), "Accept-Language": "es"}
    detail = client.get("/api/v1/people/999999", headers=headers).json()["detail"]
    assert detail != "Not found."


def test_lists_are_paginated_and_scoped(client, world):
    headers = _headers(world["mineros_officer"])
    body = client.get("/api/v1/people?page_size=1", headers=headers).json()
    assert (
        body["count"] == 2
    )  # themselves and the member of Section 65; no one from 201
    assert len(body["items"]) == 1
    names = {
        p["name"] for p in client.get("/api/v1/people", headers=headers).json()["items"]
    }
    assert "Rosa Base" not in names


def test_body_seats_show_separate_rights(client, world):
    body = client.get(
        f"/api/v1/bodies/{world.nec.pk}", headers=_headers(world["observer"])
    ).json()
    observer = next(s for s in body["seats"] if s["kind"] == "observer")
    assert (
        observer["can_speak"]
        and not observer["can_vote"]
        and not observer["counts_for_quorum"]
    )
    assert body["quorum_required"] == 2


def test_openapi_document(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/people" in schema["paths"]
    assert schema["components"]["securitySchemes"]
