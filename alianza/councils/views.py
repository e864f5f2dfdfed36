from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.documents.selectors import visible_documents
from alianza.employers.models import Employer
from alianza.lib import ics
from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible
from alianza.lib.when import guess_zone, in_zone
from alianza.multilingual.text import render_for
from alianza.orgs.models import Country
from alianza.spaces.selectors import proposals_of
from alianza.spaces.views import told

from . import actions, selectors
from .forms import (
    ActionItemForm,
    CouncilDocumentForm,
    MeetingForm,
    MemberUnitForm,
    PostForm,
    RegistrationForm,
)
from .models import ActionItem, Council, CouncilMeeting
from .selectors import (
    candidate_units,
    listed_councils,
    rotation,
    visible_councils,
)


@login_required
def councils(request: AuthedRequest) -> HttpResponse:
    return render(
        request, "councils/councils.html", {"councils": listed_councils(request.user)}
    )


@login_required
def council(request: AuthedRequest, slug: str) -> HttpResponse:
    obj: Council = get_visible(
        request.user, listed_councils(request.user), None, space__slug=slug
    )
    if not request.user.has_perm("councils.read_council", obj):
        # An officer of another unit: that it exists, its units, whom to ask.
        return render(
            request,
            "councils/council_directory.html",
            {
                "council": obj,
                "members": selectors.council_members(obj),
                "contacts": selectors.contacts_of(obj),
                "seats": selectors.council_seats(obj),
            },
        )
    turn = rotation(obj)
    may_manage = request.user.has_perm("councils.change_council", obj)
    takes_part = request.user.has_perm("councils.take_part", obj)
    now = timezone.now()
    items = selectors.council_items(obj)
    listed = proposals_of(obj.space)
    meetings = list(selectors.council_meetings(obj, request.user))
    context = {
        "council": obj,
        "members": selectors.council_members(obj),
        "turn": turn,
        "upcoming": [m for m in meetings if m.ends_at >= now],
        "past": [m for m in reversed(meetings) if m.ends_at < now],
        "may_manage": may_manage,
        "takes_part": takes_part,
        "may_see_body": request.user.has_perm("bodies.view_body", obj.body),
        "may_see_space": request.user.has_perm("spaces.view_jointspace", obj.space),
        "seats": selectors.council_seats(obj),
        "posts": selectors.council_posts(obj, request.user),
        "documents": selectors.council_documents(obj, request.user),
        "document_form": CouncilDocumentForm(documents=visible_documents(request.user))
        if takes_part
        else None,
        "post_form": PostForm(initial={"language": request.LANGUAGE_CODE})
        if takes_part
        else None,
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
        if takes_part
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
    obj: Council = get_changeable(
        request.user,
        visible_councils(request.user),
        "councils.write_council",
        space__slug=slug,
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
        "councils.write_council",
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
        "councils.write_council",
        space__slug=slug,
    )
    # The rotation proposes the next meeting: its country, its host and the host's
    # place, filled in (the address may name them otherwise).
    turn = rotation(obj)
    country = request.GET.get("country") or turn.next_country or ""
    host = request.GET.get("host_unit") or (turn.next_host.pk if turn.next_host else "")
    proposed = turn.next_host is not None and str(host) == str(turn.next_host.pk)
    place = turn.next_host.place if proposed and turn.next_host else ""
    form = MeetingForm(
        request.POST or None,
        council=obj,
        initial={
            "country": country,
            "host_unit": host,
            "place": place,
            "language": request.LANGUAGE_CODE,
            "interpretation": ["en-es"],
        },
        # Named as the empty choice; the chosen host's zone is used when posted.
        zone=guess_zone(country, place),
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
def meeting(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """A council meeting as its readers see it: host, venue and the host's clock,
    the agenda in the reader's language, interpretation, registrations, documents
    and minutes. Confidential meetings are for those who take part only."""
    obj: CouncilMeeting = get_visible(
        request.user,
        selectors.visible_meetings(request.user),
        "councils.view_councilmeeting",
        pk=pk,
        council__space__slug=slug,
    )
    takes_part = request.user.has_perm("councils.take_part", obj.council)
    mine = selectors.registration_of(request.user, obj)
    may_register = request.user.has_perm("councils.register", obj)
    context = {
        "cm": obj,
        "meeting": obj.meeting,
        "council": obj.council,
        "agenda": selectors.agenda_of(obj),
        "takes_part": takes_part,
        "registrations": selectors.registrations_of(obj) if takes_part else [],
        "mine": mine,
        "registration_form": RegistrationForm(
            initial={
                "arrives_on": mine.arrives_on,
                "departs_on": mine.departs_on,
                "visa_letter": mine.visa_letter,
                "dietary": mine.dietary,
                "access": mine.access,
            }
            if mine
            else None
        )
        if may_register
        else None,
        "documents": selectors.meeting_documents(obj, request.user),
        "document_form": CouncilDocumentForm(documents=visible_documents(request.user))
        if takes_part
        else None,
        "minutes": selectors.minutes_of(obj),
        "may_see_governance": request.user.has_perm(
            "governance.view_meeting", obj.meeting
        ),
    }
    return render(request, "councils/meeting.html", context)


@login_required
@require_POST
def register(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    obj: CouncilMeeting = get_changeable(
        request.user,
        selectors.visible_meetings(request.user),
        "councils.register",
        view="councils.view_councilmeeting",
        pk=pk,
        council__space__slug=slug,
    )
    return run_action(
        request,
        lambda data: actions.register_delegate(request.user, obj, **data),
        _("You are registered for the meeting."),
        form=RegistrationForm(request.POST),
        then=obj,
        invalid=_("Check the dates: departure comes after arrival."),
    )


@login_required
@require_POST
def document_add(request: AuthedRequest, slug: str) -> HttpResponse:
    obj: Council = get_changeable(
        request.user,
        visible_councils(request.user),
        "councils.write_council",
        space__slug=slug,
    )
    meeting_pk = request.POST.get("meeting", "")
    council_meeting = (
        get_visible(
            request.user,
            selectors.council_meetings(obj, request.user),
            None,
            pk=meeting_pk,
        )
        if meeting_pk.isdigit()
        else None
    )
    return run_action(
        request,
        lambda data: actions.attach_document(
            request.user,
            obj,
            data["document"],
            council_meeting=council_meeting,
            confidential=data["confidential"],
        ),  # fmt: skip
        _("The document was put before the council."),
        form=CouncilDocumentForm(
            request.POST, documents=visible_documents(request.user)
        ),
        then=council_meeting or obj,
        invalid=_("Choose one of the documents offered."),
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


def _summary(m: CouncilMeeting, language: str) -> str:
    """The council's name, and the meeting's title when it has its own."""
    title = render_for(m.meeting, "title", language).text
    council = str(m.council)
    return (
        council if title in (council, m.council.space.name) else f"{council}: {title}"
    )


def _events(meetings) -> list[ics.Event]:
    """Times travel in UTC (every calendar shows them on its own clock); the
    description gives the host's clock, named, as the council announced it, and the
    agenda in the subscriber's language."""
    language = get_language() or "en"
    events = []
    for m in meetings:
        agenda = [
            f"{n}. {render_for(item, 'title', language).text}"
            for n, item in enumerate(selectors.agenda_of(m), 1)
        ]
        events.append(
            ics.Event(
                uid=m.uid,
                starts_at=m.starts_at,
                ends_at=m.ends_at,
                summary=_summary(m, language),
                location=", ".join(p for p in [m.place, m.get_country_display()] if p),
                description="\n".join(
                    line
                    for line in (
                        _("Starts %(when)s.") % {"when": in_zone(m.starts_at, m.zone)},
                        _("Hosted by %(unit)s.") % {"unit": m.host_unit}
                        if m.host_unit
                        else "",
                        *agenda,
                    )
                    if line
                ),
                url=m.online_url,
            )
        )
    return events


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
    with translation.override(user.language or None):
        return _ics_response(_("My council meetings"), selectors.visible_meetings(user))


def council_calendar(request: HttpRequest, secret: str, slug: str) -> HttpResponse:
    user = selectors.user_for_calendar(secret)
    council = selectors.visible_council(user, slug) if user else None
    if council is None:
        raise Http404
    with translation.override(user.language or None):
        return _ics_response(str(council), selectors.council_meetings(council, user))
