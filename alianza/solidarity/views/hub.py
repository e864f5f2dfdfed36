from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from alianza.lib.http import AuthedRequest

from .. import selectors


@login_required
def hub(request: AuthedRequest) -> HttpResponse:
    user = request.user
    today = timezone.localdate()
    context = {
        **selectors.hub_records(user),
        "events": selectors.upcoming_events(user, today),
        "may_create": selectors.led_organisations(user).exists(),
        "today": today,
    }
    return render(request, "solidarity/hub.html", context)
