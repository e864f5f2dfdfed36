from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from alianza.councils.selectors import visible_councils
from alianza.lib import sms
from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible, require
from alianza.lib.table_export import download
from alianza.orgs.selectors import standing

from . import actions, selectors
from .forms import AlertForm, ReachForm
from .models import Alert, Delivery


@login_required
def alert_new(request: AuthedRequest) -> HttpResponse:
    user = request.user
    require(user, "alerts.add_alert")
    orgs = selectors.led_organisations(user)
    form = AlertForm(
        request.POST or None,
        organisations=orgs,
        units=selectors.units_of(orgs),
        councils=visible_councils(user),
        requests=selectors.requests_to_alert_about(user),
        initial={
            "language": request.LANGUAGE_CODE,
            "request": request.GET.get("request"),
        },
    )
    done = run_action(
        request,
        lambda data: actions.draft_alert(user, data.pop("organisation"), **data),
        _("%(name)s is ready. Check the audience, add translations, then send it."),
        form=form,
    )
    return done or render(
        request, "alerts/alert_form.html", {"form": form, "title": _("New alert")}
    )


def _progress_context(obj: Alert) -> dict:
    progress = selectors.progress(obj)
    names = dict(Alert._meta.get_field("language").choices or [])
    return {
        "alert": obj,
        "progress": progress,
        "by_language": [
            (names.get(code, code), n, ack, round(100 * ack / n) if n else 0)
            for code, n, ack in progress.by_language
        ],
    }


@login_required
def alert(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Alert = get_visible(
        request.user, selectors.alerts_with_owner(), "alerts.view_alert", pk=pk
    )
    context = _progress_context(obj)
    context["may_manage"] = request.user.has_perm("alerts.change_alert", obj)
    if obj.is_draft:
        context["reach"] = selectors.reach_report(obj, request.user)
        context["previews"] = selectors.previews(obj, request.user)
        context["untranslated"] = selectors.untranslated_audience(
            obj, selectors.recipients(obj, request.user)
        )
    else:
        context["replies"] = selectors.replies_to(obj)[:50]
    context["sent_this_hour"] = selectors.sent_in_last_hour(request.user)
    return render(request, "alerts/alert.html", context)


@login_required
def alert_progress(request: AuthedRequest, pk: int) -> HttpResponse:
    """The progress panel alone, polled by the alert page while it is sending."""
    obj: Alert = get_visible(
        request.user, selectors.alerts_with_owner(), "alerts.view_alert", pk=pk
    )
    return render(request, "alerts/_progress.html", _progress_context(obj))


@login_required
@require_POST
def alert_send(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Alert = get_changeable(
        request.user, selectors.alerts_with_owner(), "alerts.change_alert",
        view="alerts.view_alert", pk=pk,
    )  # fmt: skip
    return run_action(
        request,
        lambda: actions.send_alert(request.user, obj),
        _("The alert is on its way."),
        then=obj,
    )


def acknowledge(request: HttpRequest, token: str) -> HttpResponse:
    """A recipient's link: no login, the signed token is the key."""
    delivery = selectors.delivery_for_token(token)
    if delivery is None:
        raise Http404
    if request.method == "POST":
        actions.acknowledge(delivery, how="link")
    language = delivery.language
    with translation.override(language):
        context = {
            "delivery": delivery,
            "message": selectors.compose(delivery.alert, language),
            "language": language,
        }
        return render(request, "alerts/acknowledge.html", context)


@login_required
def not_acknowledged_export(
    request: AuthedRequest, pk: int, fmt: str = "csv"
) -> HttpResponse:
    """Who has not acknowledged, as a table for a phone bank (CSV or Excel)."""
    obj: Alert = get_changeable(
        request.user, selectors.alerts_with_owner(), "alerts.change_alert",
        view="alerts.view_alert", pk=pk,
    )  # fmt: skip
    return download(actions.export_not_acknowledged(request.user, obj), fmt)


# --- The member's side: her alerts, and how they reach her ---------------------------


@login_required
def my_alerts(request: AuthedRequest) -> HttpResponse:
    """Every alert she received, by which channel, and whether she answered."""
    person = standing(request.user).person
    rows = [
        (d, selectors.compose(d.alert, request.LANGUAGE_CODE))
        for d in selectors.deliveries_to(person)[:100]
    ]
    return render(
        request,
        "alerts/mine.html",
        {"rows": rows, "reach": selectors.reach_of(person) if person else None},
    )


@login_required
@require_POST
def my_acknowledge(request: AuthedRequest, pk: int) -> HttpResponse:
    delivery: Delivery = get_visible(
        request.user,
        selectors.deliveries_to(standing(request.user).person),
        None,
        pk=pk,
    )
    return run_action(
        request,
        lambda: actions.acknowledge_in_inbox(request.user, delivery),
        _("Thank you: your union knows you received it."),
        then=reverse("alerts:mine"),
    )


@login_required
def reach(request: AuthedRequest) -> HttpResponse:
    person = standing(request.user).person
    if person is None:
        raise Http404
    current = selectors.reach_of(person)
    form = ReachForm(
        request.POST or None,
        initial={
            "login_email": current.login_email, "no_email": current.no_email,
            "no_sms": current.no_sms, "quiet_from": current.quiet_from,
            "quiet_until": current.quiet_until,
            "email_notices": current.email_notices,
            "sms_notices": current.sms_notices,
        },
    )  # fmt: skip
    done = run_action(
        request,
        lambda data: actions.set_reach(request.user, person, **data),
        _("Saved: your union's alerts reach you as you said."),
        form=form,
        answer=lambda _reach: redirect("alerts:reach"),
    )
    return done or render(
        request,
        "alerts/reach.html",
        {"form": form, "channels": selectors.channels_of([person.pk])[person.pk],
         "zone": request.user.zone},
    )  # fmt: skip


@login_required
def replies(request: AuthedRequest) -> HttpResponse:
    """The senders' inbox: what members answered by text message."""
    require(request.user, "alerts.add_alert")
    page = Paginator(selectors.replies_for(request.user), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "alerts/replies.html", {"page": page})


# --- The text-message gateway's webhooks (signed; no login) ---------------------------

_EMPTY_ANSWER = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def _signed_params(request: HttpRequest) -> dict[str, str] | None:
    """The posted parameters, when the gateway's signature over them holds."""
    url = settings.SITE_URL.rstrip("/") + request.path
    params = {key: request.POST.get(key, "") for key in request.POST}
    given = request.headers.get("X-Twilio-Signature", "")
    return params if sms.signature_is_valid(url, params, given) else None


@csrf_exempt
@require_POST
def sms_inbound(request: HttpRequest) -> HttpResponse:
    params = _signed_params(request)
    if params is None or not params.get("MessageSid") or not params.get("From"):
        return HttpResponse(status=403)
    actions.receive_sms(params["From"], params.get("Body", ""), params["MessageSid"])
    return HttpResponse(_EMPTY_ANSWER, content_type="text/xml")


@csrf_exempt
@require_POST
def sms_status(request: HttpRequest) -> HttpResponse:
    params = _signed_params(request)
    if params is None or not params.get("MessageSid"):
        return HttpResponse(status=403)
    actions.sms_receipt(
        params["MessageSid"],
        params.get("MessageStatus", ""),
        params.get("ErrorCode", ""),
    )
    return HttpResponse(_EMPTY_ANSWER, content_type="text/xml")
