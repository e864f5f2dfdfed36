from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest, return_target
from alianza.lib.permissions import get_visible, require

from .actions import (
    approve_translation,
    delete_glossary_term,
    history_url,
    reject_translation,
    request_drafts,
    save_glossary_term,
    save_translation,
)
from .forms import GlossaryTermForm
from .models import GlossaryTerm, Multilingual, Translation
from .selectors import glossary as glossary_terms
from .selectors import history_of, translations_of


def _model(content_type_id: object) -> type[Multilingual]:
    content_type = get_object_or_404(ContentType, pk=content_type_id or 0)
    model = content_type.model_class()
    if model is None or not issubclass(model, Multilingual):
        raise Http404
    return model


def _posted_record(request: AuthedRequest) -> Multilingual:
    model = _model(request.POST.get("content_type"))
    try:
        return model._default_manager.get(pk=request.POST.get("object_id"))
    except (model.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


@login_required
@require_POST
def save(request: AuthedRequest) -> HttpResponse:
    record = _posted_record(request)
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


@login_required
@require_POST
def draft(request: AuthedRequest) -> HttpResponse:
    """Ask the translation server for drafts of one field in the other languages."""
    record = _posted_record(request)
    target: str = return_target(request, record.get_absolute_url())
    made_now: list[bool] = []

    def ask() -> None:
        made_now.append(
            request_drafts(request.user, record, request.POST.get("field", ""))
        )

    done = run_action(request, ask, "", then=target)
    if made_now == [True]:
        messages.success(
            request,
            _(
                "Machine translation drafts were saved. They are marked as such "
                "until a person approves or corrects them."
            ),
        )
    elif made_now == [False]:
        messages.info(
            request,
            _(
                "The text is long: the drafts are being made in the background. "
                "You will receive an e-mail when they are ready."
            ),
        )
    return done


@login_required
@require_POST
def approve(request: AuthedRequest, pk: int) -> HttpResponse:
    translation: Translation = get_visible(
        request.user, Translation, "multilingual.view_translations", pk=pk
    )
    record = translation.record
    if record is None:
        raise Http404
    target: str = return_target(request, record.get_absolute_url())
    return run_action(
        request,
        lambda: approve_translation(request.user, translation),
        _("The translation was approved: it is no longer marked as a machine's."),
        then=target,
    )


@login_required
def glossary(request: AuthedRequest) -> HttpResponse:
    """The alliance's glossary in three languages; its keepers add and correct terms."""
    may_change = request.user.has_perm("multilingual.change_glossary")
    form = GlossaryTermForm(request.POST or None)
    if request.method == "POST":
        require(request.user, "multilingual.change_glossary", None)
        done = run_action(
            request,
            lambda data: save_glossary_term(request.user, None, **data),
            _("The term was added to the glossary."),
            form=form,
            answer=lambda term: redirect("multilingual:glossary"),
        )
        if done is not None:
            return done
    return render(
        request,
        "multilingual/glossary.html",
        {
            "terms": glossary_terms(),
            "form": form if may_change else None,
            "may_change": may_change,
        },
    )


@login_required
@require_POST
def glossary_term(request: AuthedRequest, pk: int) -> HttpResponse:
    """Correct a term, or take it out of the glossary (the "delete" button)."""
    require(request.user, "multilingual.change_glossary", None)
    term = get_object_or_404(GlossaryTerm, pk=pk)
    back = reverse("multilingual:glossary")
    if "delete" in request.POST:
        return run_action(
            request,
            lambda: delete_glossary_term(request.user, term),
            _("The term was taken out of the glossary."),
            then=back,
        )
    return run_action(
        request,
        lambda data: save_glossary_term(request.user, term, **data),
        _("The term was corrected."),
        form=GlossaryTermForm(request.POST),
        then=back + f"#term-{term.pk}",
    )
