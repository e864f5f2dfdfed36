from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from alianza.lib.http import AuthedRequest
from alianza.lib.written import prefetch_translations
from alianza.orgs.selectors import standing, visible_people
from alianza.spaces.selectors import visible_spaces

from .selectors import recent_audit, seats_held_by


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
    }
    return render(request, "core/dashboard.html", context)


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
