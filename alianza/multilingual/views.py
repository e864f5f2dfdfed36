from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest

from .actions import save_translation
from .models import Multilingual


@login_required
@require_POST
def save(request: AuthedRequest) -> HttpResponse:
    content_type = get_object_or_404(
        ContentType, pk=request.POST.get("content_type") or 0
    )
    model = content_type.model_class()
    if model is None or not issubclass(model, Multilingual):
        raise Http404
    try:
        record = model._default_manager.get(pk=request.POST.get("object_id"))
    except (model.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = record.get_absolute_url()
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
