"""The answers to a solidarity request: the pledges of the unions, locals and
sections asked (made by those who speak for them, told to their officers and to the
requesting union's leaders), and the personal pledges of members."""

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alianza.accounts.tasks import send_email
from alianza.audit.log import record
from alianza.lib.money import checked_currency
from alianza.lib.permissions import require
from alianza.lib.writing import language_of
from alianza.multilingual.text import render_for
from alianza.orgs.models import Organisation, Unit
from alianza.orgs.selectors import leader_addresses, standing, unit_officers

from ..models import Ask, PersonalPledge, Pledge, SolidarityRequest
from ._fields import required_text


@transaction.atomic
def pledge(
    actor: Any,
    req: SolidarityRequest,
    *,
    organisation: Organisation,
    kind: str,
    description: str,
    amount: Decimal | None = None,
    currency: str = "",
    unit: Unit | None = None,
    ask: Ask | None = None,
) -> Pledge:
    """A union, local or section asked answers the request, through one who speaks
    for it; its officers and the requesting union's leaders are told."""
    require(actor, "solidarity.pledge", req)
    if unit is not None and unit.organisation_id != organisation.pk:
        raise ValidationError({"unit": _("The unit belongs to another union.")})
    require(actor, "solidarity.add_pledge",
            Pledge(request=req, organisation=organisation, unit=unit),
            message=_("Pledge for a union, local or section you lead that the "
                      "request asks."))  # fmt: skip
    if ask is not None:
        if ask.request_id != req.pk:
            raise ValidationError({"ask": _("Choose one of this request's asks.")})
        if ask.kind != Ask.Kind.OTHER:
            kind = ask.kind
    if kind not in Pledge.Kind.values:
        raise ValidationError({"kind": _("Choose what you pledge.")})
    if kind == Pledge.Kind.DONATION and (amount is None or amount <= 0):
        raise ValidationError({"amount": _("Give the amount of the donation.")})
    if kind == Pledge.Kind.DONATION:
        currency = checked_currency(currency)
    item = Pledge.objects.create(
        request=req, organisation=organisation, unit=unit, kind=kind, ask=ask,
        description=required_text(description, "description", _("Say what you pledge.")),
        amount=amount if kind == Pledge.Kind.DONATION else None,
        currency=currency if kind == Pledge.Kind.DONATION else "",
        pledged_by=actor, language=language_of(actor),
    )  # fmt: skip
    record("solidarity.pledged", actor=actor, organisation=req.organisation,
           target=item, data={"kind": kind, "by": organisation.slug,
                              "unit": unit.pk if unit else None})  # fmt: skip
    tell_of_pledge(item)
    return item


def _pledge_addresses(item: Pledge) -> list[tuple[str, str]]:
    """(address, language) of the pledging unit's officers (the union's leaders for
    a pledge of the whole union) and of the requesting union's leaders."""
    if item.unit is not None:
        pledgers = [
            (m.person.user.email, m.person.user.language or m.person.preferred_language)
            for m in unit_officers(item.unit).select_related("person__user")
            if m.person.user is not None and m.person.user.email
        ]
    else:
        pledgers = leader_addresses(item.organisation_id)
    seen: set[str] = set()
    found = []
    for address, language in pledgers + leader_addresses(item.request.organisation_id):
        if address not in seen:
            seen.add(address)
            found.append((address, language or settings.LANGUAGE_CODE))
    return found


def tell_of_pledge(item: Pledge) -> None:
    """E-mail the pledge, once the pledge is saved, to each person to tell, in her
    language, with a link to the request built from the site's address."""
    req = item.request
    link = settings.SITE_URL.rstrip("/") + item.get_absolute_url()
    messages = []
    for address, language in _pledge_addresses(item):
        with translation.override(language):
            names = {
                "by": item.pledger_name,
                "request": render_for(req, "title", language).text,
                "kind": item.get_kind_display(),
                "what": render_for(item, "description", language).text,
                "link": link,
            }
            subject = _("%(by)s pledged support: %(request)s") % names
            body = (
                _(
                    "%(by)s pledged: %(kind)s. “%(what)s”\n\nThe request: "
                    "%(request)s\n%(link)s"
                )
                % names
            )
        messages.append((address, str(subject), str(body)))

    def send() -> None:
        for address, subject, body in messages:
            send_email.enqueue(address, subject, body)

    transaction.on_commit(send)


@transaction.atomic
def pledge_done(actor: Any, item: Pledge) -> Pledge:
    """The pledging unit or union records that it did what it pledged."""
    require(actor, "solidarity.change_pledge", item,
            message=_("Only the union that pledged marks its pledge done."))  # fmt: skip
    item.status = Pledge.Status.DONE
    item.done_on = timezone.localdate()
    item.save(update_fields=["status", "done_on"])
    record("solidarity.pledge_done", actor=actor, organisation=item.request.organisation,
           target=item)  # fmt: skip
    return item


@transaction.atomic
def pledge_personally(
    actor: Any, req: SolidarityRequest, *, kind: str, note: str = ""
) -> PersonalPledge:
    """A member who sees a published request pledges what she will do herself."""
    require(actor, "solidarity.pledge_personally", req,
            message=_("You may pledge on a published request you can read."))  # fmt: skip
    if kind not in PersonalPledge.Kind.values:
        raise ValidationError({"kind": _("Choose what you will do.")})
    person = standing(actor).person
    assert person is not None  # the rule asks that she be someone in the records
    item = PersonalPledge.objects.create(
        request=req, person=person, kind=kind, note=(note or "").strip()[:300],
        language=language_of(actor),
    )  # fmt: skip
    record("solidarity.personal_pledge", actor=actor, organisation=req.organisation,
           target=item, data={"kind": kind})  # fmt: skip
    return item


@transaction.atomic
def withdraw_personal_pledge(actor: Any, item: PersonalPledge) -> None:
    """She takes back her own pledge."""
    require(actor, "solidarity.delete_personalpledge", item,
            message=_("Only the person who pledged withdraws her pledge."))  # fmt: skip
    record("solidarity.personal_pledge_withdrawn", actor=actor,
           organisation=item.request.organisation, target=item.request,
           data={"kind": item.kind})  # fmt: skip
    item.delete()
