from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.employers.models import Employer
from alianza.lib import ics
from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible
from alianza.lib.when import guess_zone, in_zone
from alianza.orgs.models import Country
from alianza.spaces.selectors import proposals_of
from alianza.spaces.views import told

from . import actions, selectors
from .forms import ActionItemForm, MeetingForm, MemberUnitForm, PostForm
from .models import ActionItem, Council
from .selectors import candidate_units, rotation, visible_councils


@login_required
def councils(request: AuthedRequest) -> HttpResponse:
    return render(
        request, "councils/councils.html", {"councils": visible_councils(request.user)}
    )


@login_required
def council(request: AuthedRequest, slug: str) -> HttpResponse:
    obj: Council = get_visible(
        request.user, visible_councils(request.user), None, space__slug=slug
    )
    turn = rotation(obj)
    may_manage = request.user.has_perm("councils.change_council", obj)
    form = None
    if may_manage:
        form = MeetingForm(
            council=obj,
            initial={"country": turn.next_country, "host_unit": turn.next_host},
        )
    now = timezone.now()
    items = selectors.council_items(obj)
    listed = proposals_of(obj.space)
    context = {
        "council": obj,
        "members": selectors.council_members(obj),
        "turn": turn,
        "upcoming": [m for m in turn.history if m.ends_at >= now],
        "past": [m for m in reversed(turn.history) if m.ends_at < now],
        "may_manage": may_manage,
        "meeting_form": form,
        "seats": selectors.council_seats(obj),
        "posts": selectors.council_posts(obj),
        "documents": selectors.council_documents(obj),
        "post_form": PostForm(initial={"language": request.LANGUAGE_CODE}),
        "items": items,
        "changeable": {
            i.pk
            for i in items
            if request.user.has_perm("councils.change_actionitem", i)
        },
        "next_country_name": dict(Country.choices).get(turn.next_country or "", ""),
        "rotation_names": [
            str(dict(Country.choices).get(c, c)) for c in turn.countries
        ],
        "item_form": ActionItemForm(people=selectors.possible_owners(request.user, obj))
        if may_manage
        else None,
        "item_statuses": ActionItem.Status.choices,
        "unit_form": MemberUnitForm(units=candidate_units(obj)) if may_manage else None,
        "proposals": listed,
        "answerable": {
            p.pk for p in listed if request.user.has_perm("spaces.answer_proposal", p)
        },
    }
    return render(request, "councils/council.html", context)


@login_required
@require_POST
def post_add(request: AuthedRequest, slug: str) -> HttpResponse:
    obj: Council = get_visible(
        request.user, visible_councils(request.user), None, space__slug=slug
    )
    return run_action(
        request,
        lambda data: actions.post_news(request.user, obj, **data),
        _("Your news was posted to the council."),
        form=PostForm(request.POST),
        then=obj,
        invalid=_("Write a title and a text, and choose the kind and language."),
    )


@login_required
@require_POST
def item_add(request: AuthedRequest, slug: str) -> HttpResponse:
    obj: Council = get_changeable(
        request.user,
        visible_councils(request.user),
        "councils.change_council",
        space__slug=slug,
    )
    return run_action(
        request,
        lambda data: actions.add_action_item(request.user, obj, **data),
        _("The action item was added."),
        form=ActionItemForm(
            request.POST, people=selectors.possible_owners(request.user, obj)
        ),
        then=obj,
        invalid=_("Say what, who and by when."),
    )


@login_required
@require_POST
def unit_add(request: AuthedRequest, slug: str) -> HttpResponse:
    obj: Council = get_changeable(
        request.user,
        visible_councils(request.user),
        "councils.change_council",
        space__slug=slug,
    )
    form = MemberUnitForm(request.POST, units=candidate_units(obj))
    return run_action(
        request,
        lambda data: actions.add_member_unit(request.user, obj, data["unit"]),
        "",
        form=form,
        then=lambda made: told(request, made, obj),
        invalid=_("Choose one of the units offered."),
    )


@login_required
@require_POST
def item_status(request: AuthedRequest, pk: int) -> HttpResponse:
    item: ActionItem = get_changeable(
        request.user,
        selectors.visible_action_items(request.user),
        "councils.change_actionitem",
        pk=pk,
    )
    return run_action(
        request,
        lambda: actions.set_action_status(
            request.user, item, request.POST.get("status", "")
        ),
        _("The action item was updated."),
        then=item.council,
    )


@login_required
def meeting_new(request: AuthedRequest, slug: str) -> HttpResponse:
    obj: Council = get_changeable(
        request.user,
        visible_councils(request.user),
        "councils.change_council",
        space__slug=slug,
    )
    form = MeetingForm(
        request.POST or None,
        council=obj,
        initial={
            "country": request.GET.get("country"),
            "host_unit": request.GET.get("host_unit"),
        },
        # Named as the empty choice; the chosen host's zone is used when posted.
        zone=guess_zone(request.GET.get("country", "")),
    )
    done = run_action(
        request,
        lambda data: actions.schedule_meeting(request.user, obj, **data).council,
        _("The meeting was scheduled."),
        form=form,
    )
    return done or render(
        request, "councils/meeting_form.html", {"form": form, "council": obj}
    )


@login_required
@require_POST
def found(request: AuthedRequest, employer_slug: str) -> HttpResponse:
    employer = get_object_or_404(Employer, slug=employer_slug)
    return run_action(
        request,
        lambda: actions.found_council(request.user, employer),
        _("%(name)s was founded."),
        # The new council's page; back to the common employers when refused.
        then=lambda founded: founded or "employers:common",
    )


@login_required
def calendar_links(request: AuthedRequest) -> HttpResponse:
    secret = None
    if request.method == "POST":
        secret = actions.new_calendar_secret(request.user)
    links = []
    if secret:
        base = request.build_absolute_uri("/")[:-1]
        links.append(
            (
                _("All my council meetings"),
                base + reverse("councils:my_calendar", args=[secret]),
            )
        )
        for c in visible_councils(request.user):
            links.append(
                (
                    str(c),
                    base
                    + reverse("councils:council_calendar", args=[secret, c.space.slug]),
                )
            )
        links.append(
            (
                _("Solidarity calendar"),
                base + reverse("solidarity:events_calendar", args=[secret]),
            )
        )
    return render(request, "councils/calendar_links.html", {"links": links})


def _events(meetings) -> list[ics.Event]:
    """Times travel in UTC (every calendar shows them on its own clock); the
    description gives the host's clock, named, as the council announced it."""
    return [
        ics.Event(
            uid=m.uid,
            starts_at=m.starts_at,
            ends_at=m.ends_at,
            summary=str(m.council),
            location=", ".join(p for p in [m.place, m.get_country_display()] if p),
            description=" ".join(
                line
                for line in (
                    _("Starts %(when)s.") % {"when": in_zone(m.starts_at, m.zone)},
                    _("Hosted by %(unit)s.") % {"unit": m.host_unit}
                    if m.host_unit
                    else "",
                )
                if line
            ),
            url=m.online_url,
        )
        for m in meetings
    ]


def _ics_response(name: str, meetings) -> HttpResponse:
    response = HttpResponse(
        ics.calendar(name, _events(meetings)),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="alianza.ics"'
    return response


def my_calendar(request: HttpRequest, secret: str) -> HttpResponse:
    user = selectors.user_for_calendar(secret)
    if user is None:
        raise Http404
    return _ics_response(_("My council meetings"), selectors.visible_meetings(user))


def council_calendar(request: HttpRequest, secret: str, slug: str) -> HttpResponse:
    user = selectors.user_for_calendar(secret)
    council = selectors.visible_council(user, slug) if user else None
    if council is None:
        raise Http404
    return _ics_response(str(council), selectors.council_meetings(council))
