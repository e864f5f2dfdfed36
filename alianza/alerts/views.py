from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.councils.selectors import visible_councils
from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible, require

from . import actions, selectors
from .forms import AlertForm
from .models import Alert


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
        people = selectors.recipients(obj, request.user)
        context["audience_size"] = people.count()
        context["untranslated"] = selectors.untranslated_audience(obj, people)
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
        actions.acknowledge(delivery)
    language = delivery.language
    with translation.override(language):
        context = {
            "delivery": delivery,
            "message": selectors.compose(delivery.alert, language),
            "language": language,
        }
        return render(request, "alerts/acknowledge.html", context)
