"""What several pages of the hub share: the page that creates a record for one of
the person's unions, and the card that shares a record into a joint space."""

from collections.abc import Callable
from typing import Any

from django.http import HttpResponse
from django.shortcuts import render

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import require

from .. import selectors


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
    form = form_class(
        request.POST or None,
        organisations=selectors.led_organisations(request.user),
        initial={"language": request.LANGUAGE_CODE, **form_kwargs.pop("initial", {})},
        **form_kwargs,
    )
    done = run_action(
        request,
        lambda data: create(request.user, data.pop("organisation"), **data),
        success,
        form=form,
    )
    return done or render(
        request, "solidarity/form.html", {"form": form, "title": title, **(extra or {})}
    )
