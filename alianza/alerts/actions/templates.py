"""Alert templates: a union's leaders keep an alert (subject, message, its
translations, channels) to start new ones from. A template belongs to its union:
no other union sees or uses it."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.lib.permissions import require
from alianza.multilingual.actions import save_translation
from alianza.multilingual.models import Multilingual

from ..models import Alert, AlertTemplate

FIELDS = ("title", "body")


def copy_translations(
    actor: Any, source: Multilingual, target: Multilingual, fields=FIELDS
) -> None:
    """The translations of ``fields`` from one record to the other (same union)."""
    for field in fields:
        for language, translation in source.translations_for(field).items():
            if language != target.language:
                save_translation(actor, target, field, language, translation.text)


@transaction.atomic
def save_as_template(actor: Any, alert: Alert, *, name: str) -> AlertTemplate:
    require(actor, "alerts.view_alert", alert)
    require(actor, "alerts.add_alerttemplate", alert.organisation)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Name the template.")})
    template = AlertTemplate.objects.create(
        organisation=alert.organisation, name=name[:120], title=alert.title,
        body=alert.body, language=alert.language, channels=alert.channels,
        created_by=actor,
    )  # fmt: skip
    copy_translations(actor, alert, template)
    record("alerts.template_saved", actor=actor, organisation=alert.organisation,
           target=template, data={"from_alert": alert.pk})  # fmt: skip
    return template


def translations_from_template(
    actor: Any, template: AlertTemplate, alert: Alert
) -> None:
    """A new alert started from ``template`` takes its translations of the subject
    and of the message, each only if the sender left that text as it was."""
    require(actor, "alerts.use_alerttemplate", template)
    if template.organisation_id != alert.organisation_id:
        raise ValidationError(_("Choose a template of your own union."))
    if template.language != alert.language:
        return
    unchanged = [f for f in FIELDS if getattr(alert, f) == getattr(template, f).strip()]
    copy_translations(actor, template, alert, unchanged)


@transaction.atomic
def delete_template(actor: Any, template: AlertTemplate) -> AlertTemplate:
    require(actor, "alerts.change_alerttemplate", template)
    record("alerts.template_deleted", actor=actor, organisation=template.organisation,
           target=template, data={"name": template.name})  # fmt: skip
    template.delete()
    return template
