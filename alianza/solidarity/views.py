"""Pages of the solidarity hub: campaigns and their timeline, strikes, organizing
targets and the events calendar. Requests and letters are in ``request_views``."""

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.alerts.selectors import recent_alerts
from alianza.councils.actions import user_for_calendar
from alianza.lib import ics
from alianza.lib.forms import act as forms_act
from alianza.lib.forms import submit
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import require
from alianza.orgs.models import Organisation
from alianza.orgs.selectors import visible_people
from alianza.spaces.forms import ShareForm
from alianza.spaces.selectors import visible_spaces

from . import actions, selectors
from .forms import (
    CampaignForm,
    ContactForm,
    DelegationForm,
    EventForm,
    StageForm,
    StrikeForm,
    SupportForm,
    TargetForm,
    TimelineForm,
)
from .models import Campaign, Event, OrganizingTarget, Strike
from .selectors import (
    led_organisation_ids,
    visible_campaigns,
    visible_letters,
    visible_requests,
    visible_strikes,
    visible_targets,
)


def led_organisations(user) -> QuerySet[Organisation]:
    return Organisation.objects.filter(pk__in=led_organisation_ids(user))


def act(
    request: HttpRequest, operation: Callable[[], Any], success: str, target: Any
) -> HttpResponse:
    """Run an action from a posted button (``lib.forms.act``, in this app's order)."""
    return forms_act(request, target, operation, success)


def new_for_union(
    request: AuthedRequest,
    form_class: Any,
    create: Callable[..., Any],
    success: str,
    title: str,
    extra: dict | None = None,
    **form_kwargs: Any,
) -> HttpResponse:
    """The page that creates a record for one of the unions the person leads:
    ``create(user, organisation, **data)`` runs the action."""
    require(request.user, "solidarity.add_campaign")
    orgs = led_organisations(request.user)
    form = form_class(
        request.POST or None,
        organisations=orgs,
        initial={"language": request.LANGUAGE_CODE, **form_kwargs.pop("initial", {})},
        **form_kwargs,
    )
    done = submit(
        request,
        form,
        lambda data: create(request.user, data.pop("organisation"), **data),
        success,
    )
    return done or render(
        request, "solidarity/form.html", {"form": form, "title": title, **(extra or {})}
    )


def act_on_form(
    request: HttpRequest,
    form: Any,
    operation: Callable[[dict], Any],
    success: str,
    invalid: str,
    target: Any,
) -> HttpResponse:
    """A posted form, then an action with its data; any refusal becomes a message."""
    if not form.is_valid():
        messages.error(request, invalid)
        return redirect(target)
    return act(request, lambda: operation(form.cleaned_data), success, target)


def share_context(request: AuthedRequest, record: Any, may_manage: bool) -> dict:
    spaces = visible_spaces(request.user)
    return {
        "share_form": ShareForm(spaces=spaces)
        if may_manage and spaces.exists()
        else None,
        "content_type": ContentType.objects.get_for_model(type(record)).pk,
    }


@login_required
def hub(request: AuthedRequest) -> HttpResponse:
    user = request.user
    today = timezone.localdate()
    events = sorted(
        Event.objects.select_related("organisation"), key=lambda e: e.next_date(today)
    )
    context = {
        "campaigns": visible_campaigns(user).select_related("organisation"),
        "requests": visible_requests(user).select_related("organisation"),
        "letters": visible_letters(user).select_related("organisation"),
        "alerts": recent_alerts(user),
        "strikes": visible_strikes(user).select_related(
            "worksite__employer", "unit__organisation"
        ),
        "targets": visible_targets(user).select_related("worksite__employer"),
        "events": [e for e in events if e.next_date(today) >= today][:6],
        "may_create": led_organisations(user).exists(),
        "today": today,
    }
    return render(request, "solidarity/hub.html", context)


# --- Campaigns ------------------------------------------------------------------------


@login_required
def campaign_new(request: AuthedRequest) -> HttpResponse:
    return new_for_union(
        request, CampaignForm, actions.create_campaign, _("%(name)s was created."),
        _("New campaign"),
    )  # fmt: skip


def _campaign(request: AuthedRequest, pk: int) -> Campaign:
    campaign = get_object_or_404(
        Campaign.objects.select_related("organisation", "employer", "worksite"), pk=pk
    )
    require(request.user, "solidarity.view_campaign", campaign)
    return campaign


@login_required
def campaign(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _campaign(request, pk)
    may_manage = request.user.has_perm("solidarity.change_campaign", obj)
    led = led_organisations(request.user)
    context = {
        "campaign": obj,
        "may_manage": may_manage,
        "timeline": obj.timeline.select_related("organisation", "strike"),
        "strikes": obj.strikes.select_related("worksite", "unit"),
        "targets": obj.organizing_targets.select_related("worksite__employer"),
        "requests": visible_requests(request.user).filter(campaign=obj),
        "letters": visible_letters(request.user).filter(campaign=obj),
        "team": obj.team.all(),
        "timeline_form": TimelineForm(organisations=led) if led.exists() else None,
        "statuses": Campaign.Status.choices,
        "team_choices": visible_people(request.user).exclude(
            pk__in=obj.team.values("pk")
        )[:200]
        if may_manage
        else [],
        **share_context(request, obj, may_manage),
    }
    return render(request, "solidarity/campaign.html", context)


@login_required
@require_POST
def campaign_timeline(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _campaign(request, pk)
    strike = None
    if request.POST.get("strike"):
        strike = get_object_or_404(Strike, pk=request.POST["strike"], campaign=obj)
    return act_on_form(
        request,
        TimelineForm(request.POST, organisations=led_organisations(request.user)),
        lambda data: actions.add_timeline_entry(
            request.user, obj, strike=strike, **data
        ),
        _("The action was recorded."),
        _("Say what happened, when, and who did it."),
        strike or obj,
    )


@login_required
@require_POST
def campaign_status(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _campaign(request, pk)
    return act(
        request,
        lambda: actions.set_campaign_status(
            request.user, obj, request.POST.get("status", "")
        ),
        _("The campaign was updated."),
        obj,
    )


@login_required
@require_POST
def campaign_team(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _campaign(request, pk)
    require(request.user, "solidarity.change_campaign", obj)
    person = visible_people(request.user).filter(pk=request.POST.get("person") or 0)
    if not person.exists():
        messages.error(request, _("Choose someone from your union."))
        return redirect(obj)
    return act(
        request,
        lambda: actions.add_team_member(request.user, obj, person.get()),
        _("The team was updated."),
        obj,
    )


# --- Strikes --------------------------------------------------------------------------


@login_required
def strike_new(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _campaign(request, pk)
    require(request.user, "solidarity.change_campaign", obj)
    form = StrikeForm(
        request.POST or None,
        initial={"language": request.LANGUAGE_CODE, "worksite": obj.worksite},
    )
    done = submit(
        request,
        form,
        lambda data: actions.register_strike(request.user, obj, **data),
        _("The strike was registered."),
    )
    return done or render(
        request,
        "solidarity/form.html",
        {"form": form, "title": _("Register a strike"), "campaign": obj},
    )


@login_required
def strike(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = get_object_or_404(
        Strike.objects.select_related(
            "campaign__organisation", "worksite__employer", "unit__organisation"
        ),
        pk=pk,
    )
    require(request.user, "solidarity.view_campaign", obj.campaign)
    led = led_organisations(request.user)
    support = list(obj.support_actions.select_related("organisation"))
    by_org: dict[str, int] = {}
    for entry in support:
        name = str(entry.organisation or obj.campaign.organisation)
        by_org[name] = by_org.get(name, 0) + 1
    top = max(by_org.values(), default=1)
    context = {
        "strike": obj,
        "support": support,
        "by_org": [(name, n, round(100 * n / top)) for name, n in by_org.items()],
        "may_manage": request.user.has_perm("solidarity.change_strike", obj),
        "timeline_form": TimelineForm(
            organisations=led,
            initial={"happened_on": timezone.localdate(), "kind": "rally"},
        )
        if led.exists()
        else None,
    }
    return render(request, "solidarity/strike.html", context)


# --- Organizing -----------------------------------------------------------------------


@login_required
def target_new(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _campaign(request, pk)
    require(request.user, "solidarity.change_campaign", obj)
    form = TargetForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: actions.add_target(request.user, obj, **data),
        _("%(name)s was added to the organizing pipeline."),
    )
    return done or render(
        request,
        "solidarity/form.html",
        {"form": form, "title": _("Add an organizing target"), "campaign": obj},
    )


def _target(request: AuthedRequest, pk: int) -> OrganizingTarget:
    obj = get_object_or_404(
        OrganizingTarget.objects.select_related(
            "campaign__organisation", "worksite__employer"
        ),
        pk=pk,
    )
    require(request.user, "solidarity.view_campaign", obj.campaign)
    return obj


@login_required
def target(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _target(request, pk)
    on_team = request.user.has_perm("solidarity.view_contacts", obj.campaign)
    index = obj.stage_index()
    context = {
        "target": obj,
        "on_team": on_team,
        "stages": [
            (value, label, i < index, i == index)
            for i, (value, label) in enumerate(OrganizingTarget.Stage.choices)
        ],
        "contacts": obj.contacts.all() if on_team else None,
        "support_form": SupportForm(
            initial={
                "covered_workers": obj.covered_workers,
                "supporters": obj.supporters,
            }
        ),
        "stage_form": StageForm(initial={"stage": obj.stage}),
        "contact_form": ContactForm(),
        "elections": selectors.eligible_elections(obj) if on_team else [],
        "percent": round(100 * (obj.supporters or 0) / obj.covered_workers)
        if obj.covered_workers
        else 0,
    }
    return render(request, "solidarity/target.html", context)


def _target_form_action(
    request: AuthedRequest, pk: int, form_class, operation, success: str
) -> HttpResponse:
    obj = _target(request, pk)
    require(request.user, "solidarity.organize_target", obj,
            message=_("Only the campaign's organizing team may do this."))  # fmt: skip
    form = form_class(request.POST)
    invalid = " ".join(e for es in form.errors.values() for e in es)
    return act_on_form(
        request, form, lambda data: operation(request.user, obj, **data), success,
        invalid, obj,
    )  # fmt: skip


@login_required
@require_POST
def target_support(request: AuthedRequest, pk: int) -> HttpResponse:
    return _target_form_action(
        request, pk, SupportForm, actions.record_support,
        _("The support figures were recorded."),
    )  # fmt: skip


@login_required
@require_POST
def target_stage(request: AuthedRequest, pk: int) -> HttpResponse:
    return _target_form_action(
        request, pk, StageForm,
        lambda user, obj, stage: actions.move_stage(user, obj, stage),
        _("The stage was changed."),
    )  # fmt: skip


@login_required
@require_POST
def target_election(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = _target(request, pk)
    require(request.user, "solidarity.organize_target", obj,
            message=_("Only the campaign's organizing team may do this."))  # fmt: skip
    election = get_object_or_404(
        selectors.eligible_elections(obj), pk=request.POST.get("election") or 0
    )
    return act(
        request, lambda: actions.link_election(request.user, obj, election),
        _("The support vote is joined to this target."), obj,
    )  # fmt: skip


@login_required
@require_POST
def target_contact(request: AuthedRequest, pk: int) -> HttpResponse:
    return _target_form_action(
        request, pk, ContactForm, actions.add_contact, _("The contact was added.")
    )


# --- Events ---------------------------------------------------------------------------


@login_required
def events(request: AuthedRequest) -> HttpResponse:
    today = timezone.localdate()
    listing = sorted(
        Event.objects.select_related("organisation", "campaign").prefetch_related(
            "delegations__organisation", "delegations__unit"
        ),
        key=lambda e: e.next_date(today),
    )
    led = led_organisations(request.user)
    context = {
        "events": [(e, e.next_date(today)) for e in listing],
        "may_create": led.exists(),
        "delegation_form": DelegationForm(organisations=led) if led.exists() else None,
    }
    return render(request, "solidarity/events.html", context)


@login_required
def event_new(request: AuthedRequest) -> HttpResponse:
    return new_for_union(
        request, EventForm, actions.create_event,
        _("%(name)s was added to the calendar."), _("New event"),
    )  # fmt: skip


@login_required
@require_POST
def event_delegation(request: AuthedRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    require(request.user, "solidarity.add_delegation")
    return act_on_form(
        request,
        DelegationForm(request.POST, organisations=led_organisations(request.user)),
        lambda data: actions.add_delegation(request.user, event, **data),
        _("Your delegation was announced."),
        _("Choose your union and the size of the delegation."),
        event,
    )


def events_calendar(request: HttpRequest, secret: str) -> HttpResponse:
    """The alliance's events as an iCalendar feed; annual dates repeat every year."""
    if user_for_calendar(secret) is None:
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
        for e in Event.objects.all()
    ]
    response = HttpResponse(
        ics.calendar(_("Solidarity calendar"), entries),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="solidarity.ics"'
    return response


def _midnight(day: date, days: int = 0) -> datetime:
    return datetime.combine(day + timedelta(days=days), time(0), tzinfo=UTC)
