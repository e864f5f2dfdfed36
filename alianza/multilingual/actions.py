from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.lib.permissions import require
from alianza.notifications.actions import notify
from alianza.notifications.models import Kind

from .ground import Ownership, hooks, ownership, union_acted_for
from .models import (
    GLOSSARY_LANGUAGES,
    GlossaryTerm,
    Multilingual,
    PastTranslation,
    Translation,
)
from .text import language_name


def _name_of(user: Any) -> str:
    return str(getattr(user, "display_name", "") or user)[:200]


def _scope(owner: Ownership, record_obj: Any) -> dict[str, Any]:
    """Where the audit entry is read: the owning union, and the joint space on shared
    ground (whose every union reads it)."""
    if record_obj._meta.label_lower == "orgs.organisation":
        return {"organisation": record_obj, "space": owner.space}
    organisation = getattr(record_obj, "organisation", None)
    return {"organisation": organisation, "space": owner.space}


def history_url(record_obj: Any) -> str:
    content_type = ContentType.objects.get_for_model(type(record_obj))
    return reverse("multilingual:history", args=[content_type.pk, str(record_obj.pk)])


def _to_history(
    translation_obj: Translation, actor: Any, outcome: PastTranslation.Outcome
) -> PastTranslation:
    return PastTranslation.objects.create(
        content_type_id=translation_obj.content_type_id,
        object_id=translation_obj.object_id,
        field=translation_obj.field,
        language=translation_obj.language,
        text=translation_obj.text,
        translated_by=translation_obj.translated_by,
        translator_name=translation_obj.translator_name
        or (
            _name_of(translation_obj.translated_by)
            if translation_obj.translated_by
            else ""
        ),
        union=translation_obj.union,
        machine=translation_obj.machine,
        written_at=translation_obj.updated_at,
        outcome=outcome,
        ended_by=actor,
        ended_by_name=_name_of(actor),
    )


def _tell_the_owner(
    actor: Any,
    record_obj: Any,
    owner: Ownership,
    translation_obj: Translation,
    replaced: bool,
) -> None:
    """E-mail each leader of the owning union, in her language, with a link to the
    translation's history, where she may reject it."""
    assert owner.organisation_id is not None
    link = settings.SITE_URL.rstrip("/") + history_url(record_obj)
    messages = []
    for address, language in hooks.leader_addresses(owner.organisation_id):
        with translation.override(language or settings.LANGUAGE_CODE):
            subject = _("Your text “%(record)s” was translated by another union") % {
                "record": str(record_obj)[:80]
            }
            if replaced:
                body = _(
                    "%(name)s (%(union)s) replaced the %(language)s translation of "
                    "“%(record)s”.\n\nRead it, and reject it if it is wrong: %(link)s"
                )
            else:
                body = _(
                    "%(name)s (%(union)s) translated “%(record)s” into %(language)s."
                    "\n\nRead it, and reject it if it is wrong: %(link)s"
                )
            body = body % {
                "name": translation_obj.translator_name,
                "union": translation_obj.union_name or _("no union"),
                "language": language_name(translation_obj.language),
                "record": str(record_obj),
                "link": link,
            }
        messages.append((address, str(subject), str(body)))

    def send() -> None:
        for address, subject, body in messages:
            hooks.send_email(address, subject, body)

    transaction.on_commit(send)


@transaction.atomic
def save_translation(
    actor: Any, record_obj: Multilingual, field: str, language: str, text: str
) -> Translation:
    """Attach (or replace) the translation of one field into one language.

    Whoever may edit the record may translate it. The translation records who wrote
    it, for which union, and when; a replaced one is kept in the history. When a
    person of another union than the record's owner writes it, the owner's leaders
    are told, and may reject it.
    """
    meta = record_obj._meta
    require(
        actor,
        f"{meta.app_label}.change_{meta.model_name}",
        record_obj,
        message=_("You may not translate this text."),
    )
    if field not in record_obj.TRANSLATABLE_FIELDS:
        raise ValidationError(_("This text cannot be translated."))
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    if language == record_obj.language:
        raise ValidationError(
            {"language": _("This is the language the text was written in.")}
        )
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("The translation is empty.")})
    owner = ownership(record_obj)
    union_id = union_acted_for(actor, owner)
    content_type = ContentType.objects.get_for_model(type(record_obj))
    previous = (
        Translation.objects.select_for_update()
        .filter(
            content_type=content_type,
            object_id=str(record_obj.pk),
            field=field,
            language=language,
        )
        .first()
    )
    if previous is not None:
        _to_history(previous, actor, PastTranslation.Outcome.REPLACED)
        translation_obj = previous
    else:
        translation_obj = Translation(
            content_type=content_type,
            object_id=str(record_obj.pk),
            field=field,
            language=language,
        )
    translation_obj.text = text
    translation_obj.machine = False
    translation_obj.translated_by = actor
    translation_obj.translator_name = _name_of(actor)
    translation_obj.union_id = union_id
    translation_obj.updated_at = timezone.now()
    translation_obj.save()
    record_obj.__dict__.pop("_translations_cache", None)
    from_another_union = (
        owner.organisation_id is not None and union_id != owner.organisation_id
    )
    record(
        "multilingual.translation_saved",
        actor=actor,
        target=record_obj,
        data={
            "field": field,
            "language": language,
            "union": union_id,
            "owner": owner.organisation_id,
            "replaced": previous is not None,
        },
        **_scope(owner, record_obj),
    )
    if from_another_union:
        _tell_the_owner(
            actor, record_obj, owner, translation_obj, replaced=previous is not None
        )
    # Again: naming the record in the audit entry or the message may have read its
    # translations (a name shown in the reader's language) before the new one.
    record_obj.__dict__.pop("_translations_cache", None)
    return translation_obj


@transaction.atomic
def reject_translation(actor: Any, translation_obj: Translation) -> PastTranslation:
    """Withdraw a translation: the leaders of the union the text belongs to (or the
    original's author) reject it. It is kept in the history, no longer shown."""
    record_obj = translation_obj.record
    require(
        actor,
        "multilingual.reject_translation",
        record_obj,
        message=_(
            "Only the leaders of the union this text belongs to, or its author, "
            "may reject a translation of it."
        ),
    )
    owner = ownership(record_obj)
    past = _to_history(translation_obj, actor, PastTranslation.Outcome.WITHDRAWN)
    data = {
        "field": translation_obj.field,
        "language": translation_obj.language,
        "union": union_acted_for(actor, owner),
        "translator_union": translation_obj.union_id,
    }
    translation_obj.delete()
    if record_obj is not None:
        record_obj.__dict__.pop("_translations_cache", None)
    record(
        "multilingual.translation_rejected",
        actor=actor,
        target=record_obj,
        data=data,
        **_scope(owner, record_obj),
    )
    if record_obj is not None:
        record_obj.__dict__.pop("_translations_cache", None)
    return past


def _machine_error() -> ValidationError:
    return ValidationError(
        _(
            "The translation server did not answer, or answered with an error. "
            "Nothing was saved: try again later, or write the translation yourself."
        )
    )


def _languages_to_draft(
    actor: Any, record_obj: Multilingual, field: str
) -> tuple[str, list[str]]:
    """The text to draft from, and the languages that want a draft (none has a
    translation written by a person); refuses what cannot be drafted."""
    from . import machine

    meta = record_obj._meta
    require(
        actor,
        f"{meta.app_label}.change_{meta.model_name}",
        record_obj,
        message=_("You may not translate this text."),
    )
    if not machine.is_configured():
        raise ValidationError(_("No translation server is configured."))
    if field not in record_obj.TRANSLATABLE_FIELDS:
        raise ValidationError(_("This text cannot be translated."))
    original = str(getattr(record_obj, field) or "").strip()
    if not original:
        raise ValidationError(_("There is no text to translate."))
    existing = record_obj.translations_for(field)
    wanted = [
        code
        for code, _label in settings.LANGUAGES
        if code != record_obj.language
        and (code not in existing or existing[code].machine)
    ]
    if not wanted:
        raise ValidationError(
            _("Every language already has a translation written by a person.")
        )
    return original, wanted


@transaction.atomic
def draft_translations(
    actor: Any, record_obj: Multilingual, field: str
) -> list[Translation]:
    """Ask the unions' translation server for drafts of one field in every language
    that has no translation yet, the glossary applied; keep them marked "machine
    translation" until a person approves or corrects them.

    All the drafts are asked for first: if the server fails for one language, none
    is saved. A translation a person wrote is never replaced by a draft."""
    from . import machine
    from .selectors import glossary_terms_for

    original, wanted = _languages_to_draft(actor, record_obj, field)
    drafts: dict[str, str] = {}
    for language in wanted:
        try:
            drafts[language] = machine.translate(
                original,
                record_obj.language,
                language,
                glossary_terms_for(record_obj.language, language),
            )
        except machine.ServerUnavailable as exc:
            raise _machine_error() from exc
    owner = ownership(record_obj)
    union_id = union_acted_for(actor, owner)
    content_type = ContentType.objects.get_for_model(type(record_obj))
    saved = []
    for language, text in drafts.items():
        translation_obj, _created = Translation.objects.update_or_create(
            content_type=content_type,
            object_id=str(record_obj.pk),
            field=field,
            language=language,
            defaults={
                "text": text.strip(),
                "machine": True,
                "translated_by": actor,
                "translator_name": _name_of(actor),
                "union_id": union_id,
                "updated_at": timezone.now(),
            },
        )
        saved.append(translation_obj)
    record_obj.__dict__.pop("_translations_cache", None)
    record(
        "multilingual.drafts_made",
        actor=actor,
        target=record_obj,
        data={"field": field, "languages": sorted(drafts), "union": union_id},
        **_scope(owner, record_obj),
    )
    notify(hooks.leading_people(union_id), Kind.DRAFTS_TO_REVIEW, {"title": record_obj}, record_obj.get_absolute_url(), by=actor)  # fmt: skip
    return saved


#: Longer texts are drafted in the background (a task), not while the person waits.
DRAFT_WHILE_WAITING_CHARS = 1500


def request_drafts(actor: Any, record_obj: Multilingual, field: str) -> bool:
    """Drafts of one field: made at once for a short text (True); for a long one
    (minutes, a letter) asked of a background task, which e-mails the person when
    they are saved or the server failed (False). Refuses at once what cannot be
    drafted."""
    from .tasks import make_drafts

    original, _wanted = _languages_to_draft(actor, record_obj, field)
    if len(original) <= DRAFT_WHILE_WAITING_CHARS:
        draft_translations(actor, record_obj, field)
        return True
    content_type = ContentType.objects.get_for_model(type(record_obj))
    make_drafts.enqueue(
        actor.pk,
        content_type.pk,
        str(record_obj.pk),
        field,
        getattr(actor, "language", "") or translation.get_language() or "en",
    )
    return False


@transaction.atomic
def approve_translation(actor: Any, translation_obj: Translation) -> Translation:
    """A person who may translate the record read the machine's draft and vouches
    for it: it is shown as a translation like any other, approved in her name."""
    record_obj = translation_obj.record
    require(
        actor,
        "multilingual.approve_translation",
        translation_obj,
        message=_("You may not translate this text."),
    )
    if not translation_obj.machine:
        raise ValidationError(_("This translation was already reviewed by a person."))
    owner = ownership(record_obj)
    union_id = union_acted_for(actor, owner)
    translation_obj.machine = False
    translation_obj.translated_by = actor
    translation_obj.translator_name = _name_of(actor)
    translation_obj.union_id = union_id
    translation_obj.updated_at = timezone.now()
    translation_obj.save()
    record_obj.__dict__.pop("_translations_cache", None)
    record(
        "multilingual.draft_approved",
        actor=actor,
        target=record_obj,
        data={
            "field": translation_obj.field,
            "language": translation_obj.language,
            "union": union_id,
        },
        **_scope(owner, record_obj),
    )
    return translation_obj


def _organisation(pk: int | None) -> Any:
    """The union an entry is filed under (multilingual does not import ``orgs``)."""
    if pk is None:
        return None
    return apps.get_model("orgs", "Organisation")._default_manager.filter(pk=pk).first()


def _clean_term(data: dict[str, Any]) -> dict[str, str]:
    cleaned = {code: str(data.get(code, "")).strip() for code in GLOSSARY_LANGUAGES}
    missing = {
        code: _("Write the term in this language.")
        for code, value in cleaned.items()
        if not value
    }
    if missing:
        raise ValidationError(missing)
    cleaned["note"] = str(data.get("note", "")).strip()
    return cleaned


@transaction.atomic
def save_glossary_term(
    actor: Any, term: GlossaryTerm | None, **data: Any
) -> GlossaryTerm:
    """Add a term to the alliance's glossary, or correct one: the administrators and
    staff of a union keep it; drafts and cross-language searches use it at once."""
    require(actor, "multilingual.change_glossary", None)
    cleaned = _clean_term(data)
    duplicate = GlossaryTerm.objects.filter(en__iexact=cleaned["en"])
    if term is not None:
        duplicate = duplicate.exclude(pk=term.pk)
    if duplicate.exists():
        raise ValidationError({"en": _("The glossary already has this term.")})
    before = (
        {code: getattr(term, code) for code in ("en", "es", "fr", "note")}
        if term is not None
        else None
    )
    term = term or GlossaryTerm()
    for name, value in cleaned.items():
        setattr(term, name, value)
    term.updated_by = actor
    term.updated_for = _organisation(hooks.managed_union(actor))
    term.updated_at = timezone.now()
    term.save()
    record(
        "multilingual.glossary_term_saved",
        actor=actor,
        organisation=term.updated_for,
        target=term,
        data={"before": before, "after": cleaned},
    )
    return term


@transaction.atomic
def delete_glossary_term(actor: Any, term: GlossaryTerm) -> None:
    """Take a term out of the glossary (the entry keeps its three words)."""
    require(actor, "multilingual.change_glossary", None)
    data = {code: getattr(term, code) for code in ("en", "es", "fr", "note")}
    label = str(term)
    term.delete()
    record(
        "multilingual.glossary_term_deleted",
        actor=actor,
        organisation=_organisation(hooks.managed_union(actor)),
        data={"term": label, **data},
    )
