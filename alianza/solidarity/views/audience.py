"""Changing who may see a campaign, strike, request, event or letter (its union's
leaders)."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable
from alianza.orgs.selectors import units_of

from .. import actions, selectors
from ..actions.audience import CHANGE
from ..forms import AudienceForm
from ..models import Campaign, Event, Letter, SolidarityRequest, Strike

#: The records whose page offers the choice: how to fetch them, and who sees them.
KINDS = {
    "campaigns": (Campaign, selectors.campaigns_with_owner, "solidarity.view_campaign"),
    "strikes": (Strike, selectors.strikes_with_campaign, "solidarity.view_strike"),
    "requests": (
        SolidarityRequest,
        selectors.requests_with_campaign,
        "solidarity.view_solidarityrequest",
    ),
    "letters": (Letter, selectors.letters_with_owner, "solidarity.view_letter"),
    "events": (Event, selectors.events_with_owner, "solidarity.view_event"),
}


def audience_form(record) -> AudienceForm:
    """The form on a record's page, with the units of its union."""
    return AudienceForm(record=record, units=units_of(record.audience_organisation))


@login_required
@require_POST
def audience(request: AuthedRequest, kind: str, pk: int) -> HttpResponse:
    if kind not in KINDS:
        raise Http404
    model, records, view = KINDS[kind]
    user = request.user
    obj: Any = get_changeable(user, records(), CHANGE[model], view=view, pk=pk)
    form = AudienceForm(
        request.POST, record=obj, units=units_of(obj.audience_organisation)
    )
    return run_action(
        request,
        lambda data: actions.set_audience(user, obj, **data),
        _("Who may see it was changed."),
        form=form,
        then=obj,
        invalid=_("Choose who may see it, and the unit when it is for a unit."),
    )
