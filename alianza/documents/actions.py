from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.lib.permissions import require
from alianza.orgs.audience import Audience, check_audience
from alianza.orgs.models import Organisation, Unit

from .models import Document

ALLOWED_SUFFIXES = {".pdf", ".doc", ".docx", ".odt", ".rtf", ".txt", ".csv", ".xlsx", ".ods",
                    ".jpg", ".jpeg", ".png"}  # fmt: skip
MAX_BYTES = 25 * 1024 * 1024


@transaction.atomic
def upload_document(
    actor: Any,
    organisation: Organisation,
    *,
    title: str,
    language: str,
    file: UploadedFile,
    description: str = "",
    audience: str = Audience.LEADERS,
    audience_unit: Unit | None = None,
) -> Document:
    require(actor, "documents.add_document", organisation)
    name = Path(file.name or "").name
    if Path(name).suffix.lower() not in ALLOWED_SUFFIXES:
        raise ValidationError(
            {
                "file": _(
                    "Upload a PDF, a word-processor or spreadsheet file, or a photo."
                )
            }
        )
    if (file.size or 0) > MAX_BYTES:
        raise ValidationError({"file": _("The file is larger than 25 MB.")})
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    if not title.strip():
        raise ValidationError({"title": _("Give the document a title.")})
    check_audience(audience, audience_unit, organisation)
    document = Document(
        organisation=organisation,
        audience=audience,
        audience_unit=audience_unit if audience == Audience.UNIT else None,
        title=title.strip(),
        description=description.strip(),
        language=language,
        original_name=name[:255],
        size=file.size or 0,
        uploaded_by=actor,
    )
    document.file.save(name, file, save=False)
    document.save()
    record(
        "documents.uploaded",
        actor=actor,
        organisation=organisation,
        target=document,
        data={"name": name, "size": document.size, "audience": audience},
    )
    return document


@transaction.atomic
def set_document_audience(
    actor: Any, document: Document, audience: str, audience_unit: Unit | None = None
) -> Document:
    """Its uploader and its union's managers choose who may see the document."""
    require(actor, "documents.change_document", document)
    check_audience(audience, audience_unit, document.organisation)
    before = document.audience
    document.audience = audience
    document.audience_unit = audience_unit if audience == Audience.UNIT else None
    document.save(update_fields=["audience", "audience_unit"])
    record(
        "documents.audience_changed",
        actor=actor,
        organisation=document.organisation,
        target=document,
        data={"from": before, "to": audience},
    )
    return document
