"""Request types for views and API endpoints that only run for a signed-in user, and
the API's reading of its input: JSON bodies and pages."""

import json
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

if TYPE_CHECKING:
    from alianza.accounts.models import User


class AuthedRequest(HttpRequest):
    user: "User"


class ApiRequest(HttpRequest):
    auth: "User"


def return_target(request: HttpRequest, default: Any) -> Any:
    """Where a posted form sends the person back: the page it was posted from (its
    ``next`` field) when that is a page of this site, else ``default``. A ``next``
    pointing elsewhere is ignored, so that no link sends anyone off the site."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


# The last page number and page size the API accepts (a page holds at most
# NINJA_MAX_PER_PAGE_SIZE items whatever is asked).
MAX_PAGE = 1_000_000


class Pages(PageNumberPagination):
    """The API's pages: ``page`` and ``page_size`` bounded in the input (and so in the
    OpenAPI document), so that no page number reaches the database as an offset beyond
    its 64-bit integers: a page out of range is a 422, like any other invalid input."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=MAX_PAGE)


class UnencodableText(ValueError):
    """A JSON body holds text that is not Unicode: a lone surrogate (``"\\ud800"``)
    is valid JSON but cannot be written as UTF-8, so no database nor answer can take it."""


def loads(body: bytes | str) -> Any:
    """A request body as JSON, refused (``ValueError``) when it is not JSON or when a
    string in it, key or value, holds a lone surrogate. Every JSON body the API reads
    goes through here: the schema's bodies through the API's parser, and the bodies
    an endpoint reads itself (the ballot)."""
    data = json.loads(body)
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise UnencodableText(str(exc)) from exc
    return data


def one_of(model: type, field: str, default: Any = ...) -> Any:
    """A schema field that holds one of a model field's choices, declared as an
    enumeration in the OpenAPI document (``kind: str = one_of(Body, "kind")``)."""
    choices = model._meta.get_field(field).choices  # type: ignore[attr-defined]
    if not choices:
        raise ValueError(f"{model.__name__}.{field} has no choices")
    return Field(default, json_schema_extra={"enum": [value for value, _ in choices]})
