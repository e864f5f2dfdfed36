from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alianza.lib.when import zone_of

from .rules import lacks_required_second_factor


class UserLanguageMiddleware:
    """A signed-in user's saved language wins over the browser's."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        language = (
            getattr(user, "language", "") if user and user.is_authenticated else ""
        )
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if language:
            response.headers.setdefault("Content-Language", language)
        return response


class UserZoneMiddleware:
    """A signed-in user's saved zone is the clock every time is shown on and every
    zone-less form field is read on; without one, the server's (as before zones)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        key = getattr(user, "time_zone", "") if user and user.is_authenticated else ""
        if key:
            timezone.activate(zone_of(key))
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class RequireMFAMiddleware:
    """Staff, officers and administrators must turn on two-factor authentication
    before they can use anything else."""

    # Only what is needed to sign in, set up the second factor, or leave. The API
    # refuses such users itself (see ``alianza.api``).
    ALLOWED_PREFIXES = (
        "/accounts/2fa/",
        "/accounts/login/",
        "/accounts/logout/",
        "/accounts/reauthenticate/",
        "/accounts/password/reset/",
        "/accounts/invitation/",
        "/static/",
        "/i18n/",
        "/api/",
        "/healthz",
        "/calendar/",
        # What a phone fetches to install the app (nobody's data).
        "/sw.js",
        "/manifest.webmanifest",
    )

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(
            self.ALLOWED_PREFIXES
        ) and lacks_required_second_factor(request.user):
            messages.warning(
                request,
                _(
                    "Your role in the union requires two-factor authentication. Connect an "
                    "authenticator app on your phone to continue."
                ),
            )
            return redirect(reverse("mfa_activate_totp") + "?required=1")
        return self.get_response(request)
