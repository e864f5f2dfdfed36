"""The answers to a solidarity request: the pledges of the unions, locals and
sections asked (made by those who speak for them, told to their officers and to the
requesting union's leaders), and the personal pledges of members."""

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.lib.money import checked_currency
from alianza.lib.permissions import require
from alianza.lib.writing import language_of
from alianza.notifications.actions import notify
from alianza.notifications.models import Kind
from alianza.orgs.models import Organisation, Unit
from alianza.orgs.selectors import leading_people, standing, unit_officers

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
    tell_of_pledge(item, by=actor)
    return item


def tell_of_pledge(item: Pledge, by: Any = None) -> None:
    """Tell the pledging unit's officers (the union's leaders for a pledge of the
    whole union) and the requesting union's leaders, each in her language and by
    the channels she chose, once the pledge is saved."""
    if item.unit is not None:
        pledgers = [m.person for m in unit_officers(item.unit)]
    else:
        pledgers = list(leading_people([item.organisation_id]))
    notify(
        pledgers + list(leading_people([item.request.organisation_id])),
        Kind.PLEDGE_RECORDED,
        {"union": item.pledger_name, "title": item.request, "what": item},
        item.get_absolute_url(),
        by=by,
    )


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
