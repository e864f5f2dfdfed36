"""The JSON API at /api/v1/ with its OpenAPI document at /api/v1/openapi.json.

Endpoints call the same selectors, rules and actions as the pages, so a token has
exactly the permissions of its owner in the UI.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaValidationError
from ninja.openapi.schema import OpenAPISchema
from ninja.parser import Parser
from ninja.security import HttpBearer
from ninja.security import SessionAuth as DjangoSessionAuth

from alianza.accounts.actions import authenticate_token
from alianza.bodies.api import router as bodies_router
from alianza.contracts.api import router as contracts_router
from alianza.core.api import router as core_router
from alianza.elections.api import router as elections_router
from alianza.employers.api import router as employers_router
from alianza.governance.api import router as governance_router
from alianza.lib.http import UnencodableText, loads
from alianza.lib.permissions import require
from alianza.orgs.api import router as orgs_router
from alianza.reports.api import router as reports_router
from alianza.solidarity.api import router as solidarity_router
from alianza.spaces.api import router as spaces_router


def _refuse_without_mfa(user):
    if user is not None:
        require(
            user,
            "accounts.use_api",
            message=_(
                "Your role requires two-factor authentication. Turn it on in Alianza first."
            ),
            superusers_too=True,
        )
    return user


class ApiTokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        user = _refuse_without_mfa(authenticate_token(token))
        if user is not None:
            request.user = user
        return user


class SessionAuth(DjangoSessionAuth):
    def authenticate(self, request: HttpRequest, key):
        return _refuse_without_mfa(super().authenticate(request, key))


class JsonParser(Parser):
    def parse_body(self, request: HttpRequest) -> Any:
        return loads(request.body)


class ErrorOut(Schema):
    """Every refusal: a message in the caller's language, and for invalid input the
    errors by field (a list from the schema's checks, or a mapping from the rules')."""

    detail: str
    errors: list[Any] | dict[str, Any] | None = None


# What each refusal means, for the OpenAPI document.
ERRORS = {
    401: "Not signed in: no valid API token or session.",
    403: "The token's owner may not do this (or must turn on two-factor authentication).",
    404: "No such record, or none the token's owner may see.",
    422: "The input is not valid: the message says why, and `errors` where.",
}


def error_statuses(operation: dict[str, Any]) -> list[int]:
    """The refusals an operation of the document can answer with: 401 and 403 when it
    needs a signed-in person, 404 when it names a record in its path, 422 when it
    takes any input."""
    parameters = operation.get("parameters", [])
    statuses = []
    if operation.get("security"):
        statuses += [401, 403]
    if any(p.get("in") == "path" for p in parameters):
        statuses.append(404)
    if parameters or "requestBody" in operation:
        statuses.append(422)
    return statuses


class AlianzaAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> OpenAPISchema:
        """The document ninja makes, with each operation's error answers declared."""
        schema = super().get_openapi_schema(**kwargs)
        ref = {"$ref": "#/components/schemas/Error"}
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["Error"] = ErrorOut.model_json_schema(
            ref_template="#/components/schemas/{model}"
        )
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for status in error_statuses(operation):
                    responses.setdefault(
                        status,
                        {
                            "description": ERRORS[status],
                            "content": {"application/json": {"schema": ref}},
                        },
                    )
        return schema


api = AlianzaAPI(
    title="Alianza API",
    version="1",
    description=(
        "Organisations, units, people, bodies and seats of the alliance. Authenticate "
        "with a personal token (`Authorization: Bearer alz_…`) made on the API tokens "
        "page. Every answer is scoped to what the token's owner may see in the UI."
    ),
    auth=[ApiTokenAuth(), SessionAuth()],
    urls_namespace="api",
    parser=JsonParser(),
)


def _not_json_message(exc: BaseException | None) -> str:
    if isinstance(exc, UnencodableText):
        return _(
            "The request holds text that is not valid Unicode (a lone surrogate such "
            "as \\ud800). Send UTF-8 text."
        )
    return _("The request body is not valid JSON.")


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(
        request,
        {"detail": str(exc) or _("You do not have permission to do this.")},
        status=403,
    )


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    body: dict = {"detail": " ".join(exc.messages)}
    if hasattr(exc, "error_dict"):
        body["errors"] = exc.message_dict
    return api.create_response(request, body, status=422)


@api.exception_handler(SchemaValidationError)
def schema_invalid(request: HttpRequest, exc: SchemaValidationError) -> HttpResponse:
    return api.create_response(
        request,
        {"detail": _("The request is not valid."), "errors": exc.errors},
        status=422,
    )


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc.__cause__, ValueError):
        # The body could not be read as JSON (ninja's "Cannot parse request body"):
        # invalid input like any other, answered in the caller's language.
        return api.create_response(
            request, {"detail": _not_json_message(exc.__cause__)}, status=422
        )
    return api.create_response(request, {"detail": exc.message}, status=exc.status_code)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(
        request,
        {
            "detail": _(
                "Sign in, or send a valid API token as 'Authorization: Bearer …'."
            )
        },
        status=401,
    )


api.add_router("/", orgs_router)
api.add_router("/bodies", bodies_router)
api.add_router("/spaces", spaces_router)
api.add_router("/", employers_router)
api.add_router("/meetings", governance_router)
api.add_router("/elections", elections_router)
api.add_router("/solidarity", solidarity_router)
api.add_router("/reports", reports_router)
api.add_router("/", contracts_router)
api.add_router("/", core_router)
