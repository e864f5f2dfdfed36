"""The minutes: read, edited by the secretary, assembled, approved, printed."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_visible, require

from .. import actions, selectors
from ..forms import MinutesForm
from ..models import Meeting, Minutes


@login_required
def minutes(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Meeting = get_visible(
        request.user, selectors.meetings(), "governance.view_meeting", pk=pk
    )
    record = selectors.minutes_of(obj)
    runs = request.user.has_perm("governance.run_meeting", obj)
    form = None
    if request.user.has_perm("governance.edit_minutes", record):
        assert record is not None
        form = MinutesForm(request.POST or None, initial={"text": record.text})
        done = run_action(
            request,
            lambda data: actions.save_minutes(request.user, record, data["text"]),
            _("The minutes were saved."),
            form=form,
        )
        if done:
            return done
    elif request.method == "POST":
        require(request.user, "governance.edit_minutes", record)
    return render(
        request,
        "governance/minutes.html",
        {
            "meeting": obj,
            "minutes": record,
            "form": form,
            "runs": runs,
            "later": selectors.later_meetings(record)
            if record is not None and runs
            else [],
            "languages": [
                (code, name)
                for code, name in settings.LANGUAGES
                if record is not None
                and code != record.language
                and code in record.translations_for("text")
            ],
        },
    )


@login_required
@require_POST
def minutes_assemble(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Meeting = get_visible(
        request.user, selectors.meetings(), "governance.view_meeting", pk=pk
    )
    return run_action(
        request,
        lambda: actions.draft_minutes(request.user, obj),
        _("The minutes were assembled from the meeting's record."),
        then=reverse("governance:minutes", args=[obj.pk]),
    )


@login_required
@require_POST
def minutes_approve(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Meeting = get_visible(
        request.user, selectors.meetings(), "governance.view_meeting", pk=pk
    )
    record = get_object_or_404(Minutes, meeting=obj)
    at = get_object_or_404(Meeting, pk=request.POST.get("at") or 0, body=obj.body)
    return run_action(
        request,
        lambda: actions.approve_minutes(request.user, record, at),
        _("The minutes were approved."),
        then=reverse("governance:minutes", args=[obj.pk]),
    )


@login_required
def minutes_pdf(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Meeting = get_visible(
        request.user, selectors.meetings(), "governance.view_meeting", pk=pk
    )
    record = get_object_or_404(Minutes, meeting=obj)
    second = request.GET.get("with", "")
    missing = selectors.translation_missing(record, second)
    if missing:
        messages.error(request, missing)
        return redirect("governance:minutes", obj.pk)
    data = selectors.minutes_pdf(record, second)
    name = f"minutes-{obj.starts_at:%Y-%m-%d}{'-' + record.language + '-' + second if second else ''}.pdf"
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
