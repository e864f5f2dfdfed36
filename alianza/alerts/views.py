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
from alianza.lib.when import zone_of
from alianza.orgs.selectors import standing

from . import actions, selectors, template_selectors
from .forms import AlertForm, ReachForm, ScheduleForm, TemplateNameForm
from .models import Alert, AlertTemplate, Delivery

CHANGE, VIEW = "alerts.change_alert", "alerts.view_alert"


def _from_template(request: AuthedRequest) -> dict:
    """The new alert's first answers, from the template the sender chose."""
    if not request.GET.get("template", "").isdigit():
        return {}
    template: AlertTemplate = get_visible(
        request.user, template_selectors.templates_with_owner(), "alerts.use_alerttemplate",
        pk=int(request.GET["template"]),
    )  # fmt: skip
    return {
        "organisation": template.organisation, "title": template.title,
        "body": template.body, "language": template.language,
        "channels": template.channels, "template": template,
    }  # fmt: skip


@login_required
def alert_new(request: AuthedRequest) -> HttpResponse:
    user = request.user
    require(user, "alerts.add_alert")
    orgs = selectors.led_organisations(user)
    initial = {"language": request.LANGUAGE_CODE, "request": request.GET.get("request")}
    initial.update(_from_template(request))
    form = AlertForm(
        request.POST or None,
        organisations=orgs,
        units=selectors.units_of(orgs),
        councils=visible_councils(user),
        requests=selectors.requests_to_alert_about(user),
        templates=template_selectors.templates_for(user),
        initial=initial,
    )
    done = run_action(
        request,
        lambda data: actions.draft_alert(user, data.pop("organisation"), **data),
        _("%(name)s is ready. Check the audience, add translations, then send it."),
        form=form,
    )
    return done or render(
        request,
        "alerts/alert_form.html",
        {"form": form, "title": _("New alert"), "template": initial.get("template"),
         "templates": template_selectors.templates_for(user)},
    )  # fmt: skip


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
    context["may_manage"] = may_manage = request.user.has_perm(CHANGE, obj)
    if may_manage and obj.is_waiting:
        context["schedule_form"] = _schedule_form(request, obj)
        context["template_form"] = TemplateNameForm(initial={"name": obj.title})
    if obj.scheduled_for is not None:
        context["schedule_zone"] = zone_of(obj.scheduled_zone)
    if obj.is_waiting:
        context["reach"] = selectors.reach_report(obj, request.user)
        context["previews"] = selectors.previews(obj, request.user)
        context["untranslated"] = selectors.untranslated_audience(
            obj, selectors.recipients(obj, request.user)
        )
    else:
        context["replies"] = selectors.replies_to(obj)[:50]
    context["sent_this_hour"] = selectors.sent_in_last_hour(request.user)
    return render(request, "alerts/alert.html", context)


def _sender_zone(request: AuthedRequest) -> str:
    return request.user.time_zone or ""


def _schedule_form(request: AuthedRequest, obj: Alert) -> ScheduleForm:
    initial = {}
    if obj.scheduled_for is not None:
        zone = zone_of(obj.scheduled_zone)
        initial = {
            "send_at": obj.scheduled_for.astimezone(zone).replace(tzinfo=None),
            "time_zone": obj.scheduled_zone,
        }
    return ScheduleForm(zone=_sender_zone(request), initial=initial)


@login_required
@require_POST
def alert_schedule(request: AuthedRequest, pk: int) -> HttpResponse:
    """Send it later: at a time typed on a named zone's clock."""
    user = request.user
    obj: Alert = get_changeable(
        user, selectors.alerts_with_owner(), CHANGE, view=VIEW, pk=pk
    )
    return run_action(
        request,
        lambda data: actions.schedule_alert(
            user, obj, send_at=data["send_at"], time_zone=data["time_zone"]
        ),
        _("The alert is scheduled. You may cancel it or change its time until then."),
        form=ScheduleForm(request.POST, zone=_sender_zone(request)),
        then=obj,
        invalid=_("Say when the alert is to be sent."),
    )


@login_required
@require_POST
def alert_unschedule(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    obj: Alert = get_changeable(
        user, selectors.alerts_with_owner(), CHANGE, view=VIEW, pk=pk
    )
    return run_action(
        request,
        lambda: actions.cancel_schedule(user, obj),
        _("The schedule is cancelled: the alert is a draft again."),
        then=obj,
    )


@login_required
@require_POST
def alert_save_template(request: AuthedRequest, pk: int) -> HttpResponse:
    """Keep the alert (with its translations) as a template of its union."""
    user = request.user
    obj: Alert = get_visible(user, selectors.alerts_with_owner(), VIEW, pk=pk)
    return run_action(
        request,
        lambda data: actions.save_as_template(user, obj, **data),
        _("Template “%(name)s” saved."),
        form=TemplateNameForm(request.POST),
        then=lambda _template: reverse("alerts:templates"),
        invalid=_("Name the template."),
    )


@login_required
def templates(request: AuthedRequest) -> HttpResponse:
    """The alert templates of the unions she leads, to start a new alert from."""
    require(request.user, "alerts.add_alert")
    return render(
        request,
        "alerts/templates.html",
        {"templates": template_selectors.templates_for(request.user)},
    )


@login_required
@require_POST
def template_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    template: AlertTemplate = get_changeable(
        request.user, template_selectors.templates_with_owner(), "alerts.change_alerttemplate",
        view="alerts.view_alerttemplate", pk=pk,
    )  # fmt: skip
    return run_action(
        request,
        lambda: actions.delete_template(request.user, template),
        _("The template was deleted."),
        then=reverse("alerts:templates"),
    )


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
