from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alianza.lib.forms import run_action
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import get_changeable, get_visible, require
from alianza.lib.written import prefetch_translations
from alianza.spaces.forms import share_panel

from . import actions
from .forms import AudienceForm, UploadForm
from .models import Document
from .selectors import (
    documents_listing,
    documents_with_uploader,
    organisations_to_upload_for,
)


@login_required
def documents(request: AuthedRequest) -> HttpResponse:
    listing = prefetch_translations(documents_listing(request.user))
    may_upload = request.user.has_perm("documents.add_document_somewhere")
    return render(
        request,
        "documents/documents.html",
        {"documents": listing, "may_upload": may_upload},
    )


@login_required
def document_new(request: AuthedRequest) -> HttpResponse:
    require(request.user, "documents.add_document_somewhere")
    orgs = organisations_to_upload_for(request.user)
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        organisations=orgs,
        initial={"language": request.LANGUAGE_CODE, "organisation": orgs.first()},
    )
    done = run_action(
        request,
        lambda data: actions.upload_document(
            request.user,
            data["organisation"],
            title=data["title"],
            language=data["language"],
            file=data["file"],
            description=data["description"],
            audience=data["audience"],
            audience_unit=data["audience_unit"],
        ),
        _("%(name)s was uploaded."),
        form=form,
    )
    return done or render(request, "documents/document_form.html", {"form": form})


@login_required
def document(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Document = get_visible(
        request.user, documents_with_uploader(), "documents.view_document", pk=pk
    )
    may_manage = request.user.has_perm("documents.change_document", obj)
    return render(
        request,
        "documents/document.html",
        {
            "document": obj,
            "may_manage": may_manage,
            "audience_form": AudienceForm(document=obj) if may_manage else None,
            **share_panel(request.user, obj, may_manage),
        },
    )


@login_required
def download(request: AuthedRequest, pk: int) -> FileResponse:
    obj: Document = get_visible(
        request.user, Document, "documents.view_document", pk=pk
    )
    return FileResponse(
        obj.file.open("rb"), as_attachment=True, filename=obj.original_name
    )


@login_required
@require_POST
def document_audience(request: AuthedRequest, pk: int) -> HttpResponse:
    obj: Document = get_changeable(
        request.user, documents_with_uploader(), "documents.change_document",
        view="documents.view_document", pk=pk,
    )  # fmt: skip
    return run_action(
        request,
        lambda data: actions.set_document_audience(request.user, obj, **data),
        _("Who may see it was changed."),
        form=AudienceForm(request.POST, document=obj),
        then=obj,
        invalid=_("Choose who may see it, and the unit when it is for a unit."),
    )
