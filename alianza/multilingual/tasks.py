"""Background work of multilingual: drafts of long texts from the translation server."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from .ground import hooks
from .models import Multilingual


@task()
def make_drafts(
    user_id: int, content_type_id: int, object_id: str, field: str, language: str
) -> None:
    """Draft a long text's other languages, then tell the person who asked, in her
    language: the drafts are saved, or the server failed and nothing was saved."""
    from .actions import draft_translations, history_url

    user = get_user_model().objects.get(pk=user_id)
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None or not issubclass(model, Multilingual):
        return
    try:
        record = model._default_manager.get(pk=object_id)
    except ObjectDoesNotExist:
        return
    with translation.override(language or settings.LANGUAGE_CODE):
        try:
            draft_translations(user, record, field)
        except (ValidationError, PermissionDenied) as exc:
            reason = (
                " ".join(exc.messages)
                if isinstance(exc, ValidationError)
                else _("You may not translate this text.")
            )
            subject = _("No machine translation of “%(record)s”") % {
                "record": str(record)[:80]
            }
            body = reason
        else:
            subject = _("Machine translation drafts of “%(record)s” are ready") % {
                "record": str(record)[:80]
            }
            body = _(
                "The drafts are shown marked as machine translations until a person "
                "approves or corrects them: %(link)s"
            ) % {"link": settings.SITE_URL.rstrip("/") + history_url(record)}
    email = getattr(user, "email", "")
    if email:
        hooks.send_email(email, str(subject), str(body))
