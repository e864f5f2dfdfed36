from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from alianza.lib.forms import submit
from alianza.lib.http import AuthedRequest
from alianza.lib.permissions import require
from alianza.orgs.roles import LEADING_ROLES
from alianza.orgs.selectors import organisations_of
from alianza.spaces.forms import ShareForm
from alianza.spaces.selectors import visible_spaces

from . import actions
from .forms import UploadForm
from .models import Document
from .selectors import visible_documents


@login_required
def documents(request: AuthedRequest) -> HttpResponse:
    listing = visible_documents(request.user).select_related(
        "organisation", "uploaded_by"
    )
    may_upload = request.user.has_perm("documents.add_document_somewhere")
    return render(
        request,
        "documents/documents.html",
        {"documents": listing, "may_upload": may_upload},
    )


@login_required
def document_new(request: AuthedRequest) -> HttpResponse:
    require(request.user, "documents.add_document_somewhere")
    orgs = organisations_of(request.user, LEADING_ROLES)
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        organisations=orgs,
        initial={"language": request.LANGUAGE_CODE, "organisation": orgs.first()},
    )
    done = submit(
        request,
        form,
        lambda data: actions.upload_document(
            request.user,
            data["organisation"],
            title=data["title"],
            language=data["language"],
            file=data["file"],
            description=data["description"],
        ),
        _("%(name)s was uploaded."),
    )
    return done or render(request, "documents/document_form.html", {"form": form})


@login_required
def document(request: AuthedRequest, pk: int) -> HttpResponse:
    obj = get_object_or_404(
        Document.objects.select_related("organisation", "uploaded_by"), pk=pk
    )
    require(request.user, "documents.view_document", obj)
    may_manage = request.user.has_perm("documents.change_document", obj)
    spaces = visible_spaces(request.user)
    return render(
        request,
        "documents/document.html",
        {
            "document": obj,
            "may_manage": may_manage,
            "share_form": ShareForm(spaces=spaces)
            if may_manage and spaces.exists()
            else None,
            "content_type": ContentType.objects.get_for_model(Document).pk,
        },
    )


@login_required
def download(request: AuthedRequest, pk: int) -> FileResponse:
    obj = get_object_or_404(Document, pk=pk)
    require(request.user, "documents.view_document", obj)
    return FileResponse(
        obj.file.open("rb"), as_attachment=True, filename=obj.original_name
    )
