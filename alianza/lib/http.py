"""Request types for views and API endpoints that only run for a signed-in user."""

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from alianza.accounts.models import User


class AuthedRequest(HttpRequest):
    user: "User"


class ApiRequest(HttpRequest):
    auth: "User"
