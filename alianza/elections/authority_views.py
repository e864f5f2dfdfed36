"""The credential authority's page, the trustees' page and the voter's booth."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible

from . import actions, selectors
from .delivery import texts_for_the_authority
from .models import Election
from .rules import CHANGE, ISSUE, TRUSTEE, VIEW


@login_required
def authority(request: AuthedRequest, uid: str) -> HttpResponse:
    """The credential authority makes the codes in this browser, and prints the
    letters and the SMS gateway's file there: Alianza receives only the public
    credentials, and the codes only when she has it send e-mails or SMS itself."""
    obj: Election = get_changeable(request.user, Election, ISSUE, view=VIEW, uid=uid)
    return render(
        request,
        "elections/authority.html",
        {
            "election": obj,
            "voters": selectors.roll_for_authority(obj),
            "texts": texts_for_the_authority(obj, request.build_absolute_uri("/")),
            "published": obj.roll_frozen_at is not None,
        },
    )


@login_required
def trustee(request: AuthedRequest, uid: str) -> HttpResponse:
    """The trustee's page: her key share is made, saved and used in this browser
    (static/alianza/booth/trustee.js); Alianza receives only the public messages
    the trustee's program sends, through the same API endpoint."""
    obj: Election = get_changeable(
        request.user,
        Election,
        TRUSTEE,
        view=VIEW,
        message=_("You are not a trustee of this election."),
        uid=uid,
    )
    if not request.user.has_perm("elections.open_trustee_page"):
        messages.warning(
            request,
            _(
                "A trustee signs in with two-factor authentication. Connect an "
                "authenticator app on your phone, then open your trustee's page again."
            ),
        )
        return redirect("mfa_activate_totp")
    return render(
        request,
        "elections/trustee.html",
        {
            "election": obj,
            "index": selectors.trustee_index(request.user, obj),
            "server": request.build_absolute_uri("/").rstrip("/"),
        },
    )


@login_required
@require_POST
def remind_trustees(request: AuthedRequest, uid: str) -> HttpResponse:
    obj: Election = get_changeable(request.user, Election, CHANGE, view=VIEW, uid=uid)
    server = request.build_absolute_uri("/")

    def remind() -> None:
        count = actions.remind_trustees(request.user, obj, server)
        messages.success(
            request,
            ngettext(
                "%(count)s trustee was reminded by e-mail (and by text message "
                "where a phone is known).",
                "%(count)s trustees were reminded by e-mail (and by text message "
                "where a phone is known).",
                count,
            )
            % {"count": count},
        )

    return run_action(request, remind, "", then=obj)


@login_required
@require_POST
def deliver(request: AuthedRequest, uid: str) -> HttpResponse:
    import json

    obj: Election = get_changeable(request.user, Election, ISSUE, view=VIEW, uid=uid)
    # The credential authority's script posts JSON and reads the answer itself: a
    # refusal is a 422 with its text (not run_action's message and redirect).
    try:
        body = json.loads(request.body)
        secrets = {int(k): str(v) for k, v in body["codes"].items()}
        method = body["method"]
        if method not in actions.METHODS:
            raise ValueError(method)
        result = actions.deliver(
            request.user, obj, secrets, method, request.build_absolute_uri("/")
        )
    except ValidationError as error:
        return HttpResponse(
            " ".join(error.messages), status=422, content_type="text/plain"
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return HttpResponse(
            _("The request is not valid."), status=422, content_type="text/plain"
        )
    done = (
        _("%(count)s text messages were sent.")
        if method == "sms"
        else _("%(count)s e-mails were sent.")
    )
    return HttpResponse(done % {"count": result}, content_type="text/plain")


def booth(request: HttpRequest, uid: str) -> HttpResponse:
    """The voting booth: public (the secret code is the voter's proof), phone-first;
    ``?kiosk=1`` for a polling station's shared device."""
    obj: Election = get_visible(request.user, Election, None, uid=uid)
    status = 200 if obj.is_open else 409
    kiosk = request.GET.get("kiosk") == "1"
    return render(
        request,
        "elections/booth.html",
        {
            "election": obj,
            "open": status == 200,
            "kiosk": kiosk,
            # how long an idle kiosk waits, warns, and shows a receipt (seconds)
            "kiosk_times": {
                "idle": settings.KIOSK_IDLE_SECONDS,
                "warning": settings.KIOSK_WARNING_SECONDS,
                "receipt": settings.KIOSK_RECEIPT_SECONDS,
            },
            "data": {"params": obj.params, "key": obj.key, "uid": str(obj.uid)},
        },
        status=status,
    )
