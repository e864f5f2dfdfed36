"""A council's meeting: one record, the governance meeting of the council's body,
with the council's side (host, interpretation, registrations, documents)."""

import secrets
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.bodies.selectors import seat_holders
from alianza.documents.models import Document
from alianza.governance.models import AgendaItem, Meeting
from alianza.lib.permissions import require
from alianza.lib.when import guess_zone, is_zone
from alianza.multilingual.models import Translation
from alianza.multilingual.text import render_for
from alianza.notifications.actions import notify
from alianza.notifications.models import Kind
from alianza.orgs.models import Unit
from alianza.orgs.selectors import standing
from alianza.spaces.shared_ground import union_of_actor

from ..models import Council, CouncilDocument, CouncilMeeting, DelegateRegistration

#: The language pairs a council meeting may need interpreted.
LANGUAGE_PAIRS = ("en-es", "en-fr", "es-fr")


def _translate(
    actor: Any, union: int | None, obj: Any, field: str, texts: dict
) -> None:
    """The other working languages' texts of a field, as translations written by
    the person who planned the meeting (the multilingual record of who wrote what)."""
    content_type = ContentType.objects.get_for_model(type(obj))
    for language, text in texts.items():
        if language == obj.language or not text.strip():
            continue
        Translation.objects.update_or_create(
            content_type=content_type,
            object_id=str(obj.pk),
            field=field,
            language=language,
            defaults={
                "text": text.strip(),
                "translated_by": actor,
                "translator_name": getattr(actor, "display_name", "") or str(actor),
                "union_id": union,
                "machine": False,
                "updated_at": timezone.now(),
            },
        )


def _host_zone(country: str, host_unit: Unit | None, place: str, time_zone: str) -> str:
    if time_zone:
        return time_zone
    if host_unit is not None:
        return host_unit.zone_key
    return guess_zone(country, place)


@transaction.atomic
def schedule_meeting(
    actor: Any,
    council: Council,
    *,
    starts_at: datetime,
    ends_at: datetime,
    country: str,
    host_unit: Unit | None = None,
    place: str = "",
    online_url: str = "",
    time_zone: str = "",
    title: str = "",
    titles: dict[str, str] | None = None,
    language: str = "",
    agenda: Sequence[dict[str, Any]] = (),
    interpretation: Iterable[str] = (),
    confidential: bool = False,
) -> CouncilMeeting:
    """Plan a meeting of the council: the meeting of its body (date, venue, the
    host's zone, agenda) with the council's side. ``time_zone`` is the host's clock
    (an IANA zone); empty for the host unit's usual one. ``agenda`` items give their
    title in each working language (``{"titles": {"en": …, "es": …}, "minutes": 30}``);
    the first language given is the original, the others its translations."""
    require(
        actor,
        "councils.write_council",
        council,
        _(
            "Only delegates and officers of the member units plan the council's meetings."
        ),
    )
    if time_zone and not is_zone(time_zone):
        raise ValidationError({"time_zone": _("Choose a time zone.")})
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The meeting must end after it starts.")})
    member_ids = set(council.member_units.values_list("unit_id", flat=True))
    if host_unit is not None and host_unit.pk not in member_ids:
        raise ValidationError(
            {"host_unit": _("The host must be a member unit of the council.")}
        )
    if host_unit is not None and host_unit.country != country:
        raise ValidationError({"host_unit": _("The host unit is in another country.")})
    pairs = sorted(set(interpretation))
    if any(p not in LANGUAGE_PAIRS for p in pairs):
        raise ValidationError(
            {"interpretation": _("Choose among the language pairs offered.")}
        )
    languages = dict(settings.LANGUAGES)
    language = language or council.space.language or "en"
    if language not in languages:
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    titles = {k: v for k, v in (titles or {}).items() if v and v.strip()}
    # Untitled, the meeting is named after its council.
    title = (title or titles.get(language, "")).strip() or council.space.name
    for item in agenda:
        if not item["titles"].get(language, "").strip():
            raise ValidationError(
                {
                    "agenda": _(
                        "Each agenda item needs its title in the meeting's language."
                    )
                }
            )
    zone = _host_zone(country, host_unit, place.strip(), time_zone)
    meeting = Meeting.objects.create(
        body=council.body, title=title, starts_at=starts_at, ends_at=ends_at,
        place=place.strip(), time_zone=zone, language=language,
        mode=Meeting.Mode.HYBRID if online_url.strip() else Meeting.Mode.IN_PERSON,
    )  # fmt: skip
    union = union_of_actor(actor, council.space)
    _translate(actor, union, meeting, "title", titles)
    for position, item in enumerate(agenda, 1):
        agenda_item = AgendaItem.objects.create(
            meeting=meeting, title=item["titles"][language].strip(),
            minutes=item.get("minutes") or 10, position=position, language=language,
        )  # fmt: skip
        _translate(actor, union, agenda_item, "title", item["titles"])
    council_meeting = CouncilMeeting.objects.create(
        meeting=meeting,
        council=council,
        country=country,
        host_unit=host_unit,
        online_url=online_url.strip(),
        interpretation=pairs,
        confidential=confidential,
        uid=f"{secrets.token_hex(16)}@alianza",
    )
    record(
        "councils.meeting_scheduled",
        actor=actor,
        space=council.space,
        target=council,
        data={
            "meeting": meeting.pk,
            "country": country,
            "time_zone": zone,
            "agenda": len(agenda),
            "union": union,
        },
    )
    # The delegates are called to it, in their language, on the host's clock.
    notify(seat_holders(council.body), Kind.MEETING_SCHEDULED, {"body": council.body, "title": lambda: render_for(meeting, "title", get_language() or "en").text, "when": meeting.starts_at, "zone": meeting.zone}, council_meeting.get_absolute_url(), by=actor)  # fmt: skip
    return council_meeting


@transaction.atomic
def register_delegate(
    actor: Any,
    council_meeting: CouncilMeeting,
    *,
    arrives_on: date | None = None,
    departs_on: date | None = None,
    visa_letter: bool = False,
    dietary: str = "",
    access: str = "",
) -> DelegateRegistration:
    """A delegate registers herself, with what her travel needs (again: her
    registration is updated)."""
    require(
        actor,
        "councils.register",
        council_meeting,
        _("Only the council's delegates and officers of its member units register."),
    )
    person = standing(actor).person
    if person is None:
        raise ValidationError(_("Your account has no person record."))
    if arrives_on and departs_on and departs_on < arrives_on:
        raise ValidationError({"departs_on": _("Departure comes after arrival.")})
    registration, created = DelegateRegistration.objects.update_or_create(
        council_meeting=council_meeting,
        person=person,
        defaults={
            "arrives_on": arrives_on,
            "departs_on": departs_on,
            "visa_letter": visa_letter,
            "dietary": dietary.strip(),
            "access": access.strip(),
        },
    )
    council = council_meeting.council
    record(
        "councils.delegate_registered",
        actor=actor,
        space=council.space,
        target=council,
        data={
            "meeting": council_meeting.meeting_id,
            "updated": not created,
            "visa_letter": visa_letter,
            "union": union_of_actor(actor, council.space),
        },
    )
    return registration


@transaction.atomic
def attach_document(
    actor: Any,
    council: Council,
    document: Document,
    *,
    council_meeting: CouncilMeeting | None = None,
    confidential: bool = False,
) -> CouncilDocument:
    """Put a document the person may read before the council (or one of its
    meetings), confidential to delegates or not."""
    require(actor, "councils.write_council", council)
    require(actor, "documents.view_document", document)
    if council_meeting is not None and council_meeting.council_id != council.pk:
        raise ValidationError(_("Choose a meeting of this council."))
    attached, _created = CouncilDocument.objects.update_or_create(
        council=council,
        document=document,
        council_meeting=council_meeting,
        defaults={"confidential": confidential, "attached_by": actor},
    )
    record(
        "councils.document_attached",
        actor=actor,
        space=council.space,
        target=council,
        data={
            "document": document.pk,
            "meeting": council_meeting.meeting_id if council_meeting else None,
            "confidential": confidential,
            "union": union_of_actor(actor, council.space),
        },
    )
    return attached
