from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from alianza.alerts.selectors import compose, deliveries_to, unanswered_alerts
from alianza.lib.http import AuthedRequest
from alianza.lib.written import prefetch_translations
from alianza.notifications.selectors import notifications_of
from alianza.orgs.selectors import standing, visible_people
from alianza.solidarity.pledge_selectors import personal_pledges_of
from alianza.solidarity.selectors import answers_of, open_to_her, upcoming_events
from alianza.spaces.selectors import visible_spaces

from .queue import work_queue
from .selectors import (
    meetings_in_session_for,
    recent_audit,
    roll_lines_of,
    seats_held_by,
)


def _roles_by_organisation(memberships: list) -> list[dict]:
    """One card per organisation, listing every role the person holds in it."""
    cards: dict[int, dict] = {}
    for m in memberships:
        card = cards.setdefault(
            m.organisation_id, {"organisation": m.organisation, "memberships": []}
        )
        card["memberships"].append(m)
    return list(cards.values())


@login_required
def dashboard(request: AuthedRequest) -> HttpResponse:
    """One page for every kind of person; each section appears for those it serves."""
    st = standing(request.user)
    person = st.person
    seats = prefetch_translations(seats_held_by(person))
    solidarity = open_to_her(request.user)
    for records in solidarity.values():
        prefetch_translations(records)
    prefetch_translations([s.body for s in seats])
    context = {
        "person": person,
        "organisations": _roles_by_organisation(st.memberships),
        "seats": [s for s in seats if not s.is_observer],
        "observer_seats": [s for s in seats if s.is_observer],
        "spaces": prefetch_translations(visible_spaces(request.user)[:10]),
        "is_leader": request.user.has_perm("orgs.list_people_somewhere"),
        "is_manager": request.user.has_perm("orgs.add_person_somewhere"),
        "people_count": visible_people(request.user).count() if st.memberships else 0,
        "recent_audit": recent_audit(request.user),
        "latest_alerts": [
            (d, compose(d.alert, request.LANGUAGE_CODE))
            for d in deliveries_to(person)[:3]
        ],
        "unanswered_alerts": unanswered_alerts(person),
        "in_session": list(meetings_in_session_for(person)),
        "coming_events": upcoming_events(request.user, timezone.localdate(), limit=3),
        "my_answers": answers_of(person, timezone.localdate()),
        "my_votes": list(roll_lines_of(person)[:5]),
        "queue": work_queue(st),
        "my_strikes": solidarity["strikes"],
        "my_campaigns": solidarity["campaigns"],
        "my_requests": solidarity["requests"],
        "my_pledges": list(personal_pledges_of(person)[:10]),
    }
    return render(request, "core/dashboard.html", context)


@login_required
def queue(request: AuthedRequest) -> HttpResponse:
    """Everything that waits for her, with what Alianza told her lately."""
    st = standing(request.user)
    return render(
        request,
        "core/queue.html",
        {
            "queue": work_queue(st),
            "notifications": list(notifications_of(st.person)[:20]),
        },
    )


@require_GET
def manifest(request: HttpRequest) -> JsonResponse:
    """The web app manifest: a member adds Alianza to her phone's home screen."""
    icons = [
        ("alianza/icons/icon-192.png", "192x192", "any"),
        ("alianza/icons/icon-512.png", "512x512", "any"),
        ("alianza/icons/icon-maskable-512.png", "512x512", "maskable"),
    ]
    answer = JsonResponse(
        {
            "name": "Alianza",
            "short_name": "Alianza",
            "description": _(
                "The alliance of the United Steelworkers and Los Mineros."
            ),
            "lang": request.LANGUAGE_CODE,
            "start_url": reverse("dashboard"),
            "scope": "/",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#8b1e24",
            "icons": [
                {
                    "src": static(path),
                    "sizes": sizes,
                    "type": "image/png",
                    "purpose": purpose,
                }
                for path, sizes, purpose in icons
            ],
        },  # fmt: skip
        content_type="application/manifest+json",
    )
    return answer


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, served from the root so that it may keep the home page
    (its scope is the folder it is served from)."""
    path = finders.find("alianza/sw.js")
    if path is None:
        raise Http404
    answer = HttpResponse(
        Path(str(path)).read_text(encoding="utf-8"),
        content_type="application/javascript; charset=utf-8",
    )
    answer["Cache-Control"] = "no-cache"
    answer["Service-Worker-Allowed"] = "/"
    return answer


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
