"""The OpenAPI document says how each operation refuses (401, 403, 404, 422 with the
error schema) and which values kind, role and status fields take."""

import pytest


@pytest.fixture
def schema(client, db):
    return client.get("/api/v1/openapi.json").json()


def _operations(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield f"{method.upper()} {path}", operation


def test_every_operation_declares_its_errors_with_the_error_schema(schema):
    error = schema["components"]["schemas"]["Error"]
    assert error["required"] == ["detail"]
    ref = "#/components/schemas/Error"
    for label, operation in _operations(schema):
        responses = operation["responses"]
        if operation.get("security"):
            assert {"401", "403"} <= set(responses), label
        if any(p["in"] == "path" for p in operation.get("parameters", [])):
            assert "404" in responses, label
        if operation.get("parameters") or "requestBody" in operation:
            assert "422" in responses, label
        for status, answer in responses.items():
            if status in {"401", "403", "404"}:
                content = answer["content"]["application/json"]["schema"]
                assert content == {"$ref": ref}, (label, status)


def test_the_statuses_are_those_the_api_answers(client, schema, world):
    operations = dict(_operations(schema))
    assert set(operations["GET /api/v1/people/{person_id}"]["responses"]) == {
        "200",
        "401",
        "403",
        "404",
        "422",
    }
    assert set(operations["GET /api/v1/me"]["responses"]) == {"200", "401", "403"}
    # The ballot needs no sign-in: it is refused as invalid or not found, never 401.
    ballot = operations["POST /api/v1/elections/{uid}/ballots"]["responses"]
    assert set(ballot) == {"201", "404", "422"}
    # An import's own report of problems keeps its schema.
    imports = operations["POST /api/v1/imports"]["responses"]["422"]
    assert imports["content"]["application/json"]["schema"] != {
        "$ref": "#/components/schemas/Error"
    }
    # And the API does answer so.
    assert client.get("/api/v1/people/1").status_code == 401


@pytest.mark.parametrize(
    "component,field,values",
    [
        ("BodyOut", "kind", {"executive_board", "council", "commission"}),
        ("BodyIn", "kind", {"executive_board", "council", "commission"}),
        ("SeatIn", "kind", {"member", "observer", "alternate"}),
        ("MembershipOut", "role", {"admin", "staff", "officer", "member"}),
        ("PersonIn", "role", {"admin", "staff", "officer", "member"}),
        ("ParticipantOut", "role", {"coordinator", "participant"}),
        ("RepresentationIn", "status", {"represented", "on_strike", "non_union"}),
        ("WorksiteOut", "status", {"represented", "on_strike", "non_union"}),
        ("MeetingOut", "status", {"scheduled", "open", "closed"}),
        ("SpeakIn", "kind", {"speak", "point_of_order"}),
        ("RequestOut", "status", {"draft", "published", "closed"}),
        ("PledgeIn", "kind", {"letter", "rally", "donation"}),
        ("SpaceOut", "kind", {"alliance", "commission", "council"}),
        ("UnitIn", "kind", {"district", "local", "section"}),
        ("RoundOut", "status", {"preparing", "bargaining", "settled"}),
        ("ImportIn", "kind", {"employers", "worksites"}),
    ],
)
def test_kind_role_and_status_fields_are_enumerations(schema, component, field, values):
    declared = schema["components"]["schemas"][component]["properties"][field]
    assert values <= set(declared["enum"])


def test_every_kind_role_and_status_field_is_an_enumeration(schema):
    missing = [
        f"{name}.{field}"
        for name, component in schema["components"]["schemas"].items()
        for field, declared in component.get("properties", {}).items()
        if field in {"kind", "role", "status"}
        and declared.get("type") == "string"
        and "enum" not in declared
    ]
    assert missing == []
