"""The alliance's events calendar: its page, new events, delegations, and the
iCalendar feed."""

from datetime import UTC, date, datetime, time, timedelta

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.councils.selectors import user_for_calendar
from alianza.lib import ics
from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_visible, require
from alianza.orgs.selectors import standing

from .. import actions, selectors
from ..forms import DelegationForm, EventForm
from ..models import Event, Rsvp
from .audience import audience_form
from .common import new_for_union


@login_required
def events(request: AuthedRequest) -> HttpResponse:
    led = selectors.led_organisations(request.user)
    today = timezone.localdate()
    dated = selectors.events_by_next_date(request.user, today)
    events = [event for event, _next in dated]
    counts = selectors.answer_counts(events, today)
    mine = selectors.answers_of(standing(request.user).person, today)
    user = request.user
    rows = [
        {
            "event": event, "next": next_date, "upcoming": next_date >= today,
            "mine": getattr(mine.get(event.pk), "answer", ""), "counts": counts.get(event.pk, {}),
            "organises": user.has_perm("solidarity.view_event_answers", event),
            "audience_form": audience_form(event)
            if user.has_perm("solidarity.change_event", event) else None,
        }
        for event, next_date in dated
    ]  # fmt: skip
    context = {
        "rows": rows,
        "answers": Rsvp.Answer.choices,
        "may_answer": user.has_perm("solidarity.answer_event"),
        "may_create": led.exists(),
        "delegation_form": DelegationForm(organisations=led) if led.exists() else None,
    }
    return render(request, "solidarity/events.html", context)


@login_required
@require_POST
def event_answer(request: AuthedRequest, pk: int) -> HttpResponse:
    event: Event = get_visible(
        request.user, selectors.visible_events(request.user), None, pk=pk
    )
    return run_action(
        request,
        lambda: actions.answer_event(
            request.user, event, request.POST.get("answer", "")
        ),
        _("Your answer was saved."),
        then=event.get_absolute_url(),
    )


@login_required
def event_answers(request: AuthedRequest, pk: int) -> HttpResponse:
    """Who answered the event's next date: for the organising union's leaders."""
    event: Event = get_visible(
        request.user,
        selectors.visible_events(request.user),
        "solidarity.view_event_answers",
        pk=pk,
    )
    today = timezone.localdate()
    return render(
        request,
        "solidarity/event_answers.html",
        {"event": event, "next": event.next_date(today),
         "answers": selectors.answers_to(event, today)},
    )  # fmt: skip


@login_required
def event_new(request: AuthedRequest) -> HttpResponse:
    return new_for_union(
        request, EventForm, actions.create_event,
        _("%(name)s was added to the calendar."), _("New event"),
    )  # fmt: skip


@login_required
@require_POST
def event_delegation(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    event: Event = get_visible(user, selectors.visible_events(user), None, pk=pk)
    require(user, "solidarity.add_delegation")
    return run_action(
        request,
        lambda data: actions.add_delegation(user, event, **data),
        _("Your delegation was announced."),
        form=DelegationForm(
            request.POST, organisations=selectors.led_organisations(user)
        ),
        then=event,
        invalid=_("Choose your union and the size of the delegation."),
    )


def events_calendar(request: HttpRequest, secret: str) -> HttpResponse:
    """The alliance's events as an iCalendar feed; annual dates repeat every year."""
    user = user_for_calendar(secret)
    if user is None:
        raise Http404
    entries = [
        ics.Event(
            uid=e.uid,
            starts_at=_midnight(e.starts_on),
            ends_at=_midnight(e.starts_on, days=1),
            summary=e.title,
            location=", ".join(p for p in [e.place, e.get_country_display()] if p),
            description=e.description,
            all_day=True,
            yearly=e.annual,
        )
        for e in selectors.visible_events(user)
    ]
    response = HttpResponse(
        ics.calendar(_("Solidarity calendar"), entries),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="solidarity.ics"'
    return response


def _midnight(day: date, days: int = 0) -> datetime:
    return datetime.combine(day + timedelta(days=days), time(0), tzinfo=UTC)
