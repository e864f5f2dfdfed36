from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest, return_target
from alianza.lib.permissions import get_visible

from .actions import history_url, reject_translation, save_translation
from .models import Multilingual, Translation
from .selectors import history_of, translations_of


def _model(content_type_id: object) -> type[Multilingual]:
    content_type = get_object_or_404(ContentType, pk=content_type_id or 0)
    model = content_type.model_class()
    if model is None or not issubclass(model, Multilingual):
        raise Http404
    return model


@login_required
@require_POST
def save(request: AuthedRequest) -> HttpResponse:
    model = _model(request.POST.get("content_type"))
    try:
        record = model._default_manager.get(pk=request.POST.get("object_id"))
    except (model.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
    target = return_target(request, record.get_absolute_url())
    return run_action(
        request,
        lambda: save_translation(
            request.user,
            record,
            request.POST.get("field", ""),
            request.POST.get("language", ""),
            request.POST.get("text", ""),
        ),
        _("The translation was saved."),
        then=target,
    )


@login_required
def history(request: AuthedRequest, content_type: int, object_id: str) -> HttpResponse:
    """A record's translations: who wrote each, for which union, when; the ones
    replaced or rejected; and, for the union the text belongs to, a way to reject."""
    model = _model(content_type)
    try:
        record: Multilingual = get_visible(
            request.user, model, "multilingual.view_translations", pk=object_id
        )
    except (ValueError, TypeError) as exc:
        raise Http404 from exc
    return render(
        request,
        "multilingual/history.html",
        {
            "record": record,
            "translations": translations_of(record),
            "past": history_of(record),
            "may_reject": request.user.has_perm(
                "multilingual.reject_translation", record
            ),
        },
    )


@login_required
@require_POST
def reject(request: AuthedRequest, pk: int) -> HttpResponse:
    translation: Translation = get_visible(
        request.user, Translation, "multilingual.view_translations", pk=pk
    )
    record = translation.record
    return run_action(
        request,
        lambda: reject_translation(request.user, translation),
        _("The translation was rejected: it is no longer shown."),
        then=history_url(record),
    )
