"""Input the API cannot take is a 422 with a message, never a server error: page
numbers beyond the 64-bit range and lone surrogates in JSON bodies, for every kind of
endpoint (lists, details, writes, the unauthenticated ballot), with nothing saved."""

import json

import pytest

from alianza.accounts.actions import create_token
from alianza.elections.models import BoardEvent
from alianza.orgs.models import Person

HUGE = "99999999999999999999"  # beyond 2**64
LISTS = [
    "/api/v1/bodies",
    "/api/v1/employers",
    "/api/v1/worksites",
    "/api/v1/organisations",
    "/api/v1/organisations/usw/units",
    "/api/v1/people",
    "/api/v1/solidarity/campaigns",
    "/api/v1/solidarity/requests",
    "/api/v1/spaces",
]
PERSONAS = ["usw_staff", "mineros_officer"]


def _person(organisation: str, name: str) -> str:
    """A new person's JSON, with ``name`` written as is (escapes and all)."""
    return (
        '{"organisation": "' + organisation + '", "name": "' + name + '", '
        '"country": "MX", "preferred_language": "es"}'
    )


def _headers(user):
    _token, secret = create_token(user, "test")
    return {"Authorization": f"Bearer {secret}", "Accept-Language": "en"}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url", LISTS)
def test_pages_beyond_64_bits_are_refused(client, world, url, persona):
    headers = _headers(world[persona])
    for query in (
        f"page={HUGE}",
        "page=9223372036854775807",
        f"page={HUGE}&page_size={HUGE}",
        "page=0",
    ):
        response = client.get(f"{url}?{query}", headers=headers)
        assert response.status_code == 422, (url, query)
        assert response.json()["detail"] == "The request is not valid."
    # Parameters the lists do not take are ignored, whatever their size.
    response = client.get(f"{url}?limit={HUGE}&offset={HUGE}", headers=headers)
    assert response.status_code == 200
    # The last page the API takes still answers, empty.
    assert client.get(f"{url}?page=1000000", headers=headers).json()["items"] == []


def test_huge_ids_and_limits_are_not_found_or_bounded(client, world):
    headers = _headers(world["usw_staff"])
    for url in (
        f"/api/v1/people/{HUGE}",
        f"/api/v1/bodies/{HUGE}",
        f"/api/v1/units/{HUGE}",
        f"/api/v1/meetings/{HUGE}",
        f"/api/v1/solidarity/requests/{HUGE}",
    ):
        assert client.get(url, headers=headers).status_code in (404, 422), url
    response = client.get(
        f"/api/v1/agreements/search?q=x&limit={HUGE}", headers=headers
    )
    assert response.status_code in (200, 422)


@pytest.mark.parametrize(
    "persona,organisation",
    [("mineros_staff", "los-mineros"), ("usw_staff", "usw")],
)
def test_lone_surrogates_in_a_write_are_refused(client, world, persona, organisation):
    headers = _headers(world[persona])
    people = Person.objects.count()
    for name in ("X\\ud800", "\\udfff", "ok\\ud83d"):
        body = _person(organisation, name)
        response = client.post(
            "/api/v1/people", body, content_type="application/json", headers=headers
        )
        assert response.status_code == 422
        assert "lone surrogate" in response.json()["detail"]
    # In a key too.
    response = client.post(
        "/api/v1/people",
        '{"\\ud800": 1}',
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 422
    assert Person.objects.count() == people
    # A pair of surrogates is a real character: that person is made.
    response = client.post(
        "/api/v1/people",
        _person(organisation, "Mina \\ud83d\\ude00"),
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 201
    assert Person.objects.get(pk=response.json()["id"]).name == "Mina \U0001f600"


def test_lone_surrogates_in_an_update_are_refused(client, world):
    headers = _headers(world["mineros_staff"])
    person = world.rank_and_file
    response = client.patch(
        f"/api/v1/people/{person.pk}",
        '{"name": "Rosa\\ud800"}',
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 422
    person.refresh_from_db()
    assert person.name == "Rosa Base"


def test_a_body_that_is_not_json_is_a_422_with_a_message(client, world):
    headers = _headers(world["mineros_staff"])
    people = Person.objects.count()
    for body in ("{nope", b"\xff\xfe"):
        response = client.post(
            "/api/v1/people", body, content_type="application/json", headers=headers
        )
        assert response.status_code == 422
        assert response.json() == {"detail": "The request body is not valid JSON."}
    assert Person.objects.count() == people


def test_the_outsider_and_the_anonymous_are_refused_before_reading(client, world):
    body = '{"organisation": "usw", "name": "\\ud800", "country": "US"}'
    people = Person.objects.count()
    response = client.post("/api/v1/people", body, content_type="application/json")
    assert response.status_code == 401
    response = client.post(
        "/api/v1/people",
        body,
        content_type="application/json",
        headers=_headers(world["outsider"]),
    )
    assert response.status_code in (403, 422)
    assert Person.objects.count() == people


def test_the_ballot_endpoint_refuses_lone_surrogates(client, world):
    from alianza.elections.tests.helpers import new_election, ready_to_vote

    election = new_election(world, voters=2)
    ready_to_vote(world, election)
    url = f"/api/v1/elections/{election.uid}/ballots"
    events = BoardEvent.objects.filter(election=election).count()
    for body in (
        '{"credential": "\\ud800"}',
        '{"credential": "00", "answers": ["\\udc00"]}',
        json.dumps({"\ud800": 1}),
    ):
        response = client.post(url, body, content_type="application/json")
        assert response.status_code == 422, body
    # A ballot that is JSON but wrong is still answered as before.
    response = client.post(url, '{"credential": "00"}', content_type="application/json")
    assert response.status_code == 422
    assert BoardEvent.objects.filter(election=election).count() == events
