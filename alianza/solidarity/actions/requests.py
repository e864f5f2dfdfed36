"""Solidarity requests and the pledges that answer them."""

from datetime import date
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
from alianza.multilingual.text import language_name
from alianza.notifications.actions import notify
from alianza.notifications.models import Kind
from alianza.orgs.models import Organisation, Unit
from alianza.orgs.selectors import leading_people

from ..models import Campaign, Pledge, SolidarityRequest
from ..selectors import missing_translations
from ._fields import audience_fields, language_code, required_text


@transaction.atomic
def draft_request(
    actor: Any,
    organisation: Organisation,
    *,
    title: str,
    body: str,
    language: str,
    audiences: list[Organisation] | Any = (),
    deadline: date | None = None,
    campaign: Campaign | None = None,
    audience: str | None = None,
    audience_unit: Unit | None = None,
    comments_open: bool = False,
) -> SolidarityRequest:
    require(actor, "solidarity.add_campaign", organisation)
    seen_by = audience_fields(SolidarityRequest, organisation, audience, audience_unit)
    if campaign is not None and campaign.organisation_id != organisation.pk:
        raise ValidationError({"campaign": _("Choose a campaign of your union.")})
    req = SolidarityRequest.objects.create(
        **seen_by,
        organisation=organisation, campaign=campaign,
        title=required_text(title, "title", _("Give the request a title.")),
        body=required_text(body, "body", _("Say what you ask of your partners.")),
        language=language_code(language), deadline=deadline, created_by=actor,
        comments_open=bool(comments_open),
    )  # fmt: skip
    req.audiences.set([o for o in audiences if o.pk != organisation.pk])
    record("solidarity.request_drafted", actor=actor, organisation=organisation,
           target=req, data={"audience": seen_by["audience"]})  # fmt: skip
    return req


@transaction.atomic
def vet_request(actor: Any, req: SolidarityRequest) -> SolidarityRequest:
    """An administrator or staff member of the union checks the draft."""
    require(actor, "solidarity.vet_solidarityrequest", req)
    if req.status != SolidarityRequest.Status.DRAFT:
        raise ValidationError(_("Only a draft can be vetted."))
    req.status = SolidarityRequest.Status.VETTED
    req.vetted_by = actor
    req.save(update_fields=["status", "vetted_by"])
    record("solidarity.request_vetted", actor=actor, organisation=req.organisation,
           target=req)  # fmt: skip
    return req


@transaction.atomic
def publish_request(actor: Any, req: SolidarityRequest) -> SolidarityRequest:
    require(actor, "solidarity.change_solidarityrequest", req)
    if req.status != SolidarityRequest.Status.VETTED:
        raise ValidationError(_("A request is published once it has been vetted."))
    if not req.audiences.exists():
        raise ValidationError(_("Choose at least one union to ask."))
    if req.deadline is not None and req.deadline < timezone.localdate():
        raise ValidationError(_("The deadline has passed: set a new one."))
    missing = missing_translations(req)
    if missing:
        names = ", ".join(language_name(code) for code in missing)
        raise ValidationError(
            _("Translate the title and the text first, into: %(languages)s.")
            % {"languages": names}
        )
    req.status = SolidarityRequest.Status.PUBLISHED
    req.published_at = timezone.now()
    req.save(update_fields=["status", "published_at"])
    record("solidarity.request_published", actor=actor, organisation=req.organisation,
           target=req, data={"audiences": list(req.audiences.values_list(
               "slug", flat=True))})  # fmt: skip
    notify(leading_people(req.audiences.values_list("pk", flat=True)), Kind.REQUEST_PUBLISHED, {"union": req.organisation, "title": req}, req.get_absolute_url(), by=actor)  # fmt: skip
    return req


@transaction.atomic
def close_request(actor: Any, req: SolidarityRequest) -> SolidarityRequest:
    require(actor, "solidarity.change_solidarityrequest", req)
    req.status = SolidarityRequest.Status.CLOSED
    req.closed_at = timezone.now()
    req.save(update_fields=["status", "closed_at"])
    record("solidarity.request_closed", actor=actor, organisation=req.organisation,
           target=req)  # fmt: skip
    return req


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
) -> Pledge:
    """A union asked answers the request with a pledge."""
    require(actor, "solidarity.pledge", req)
    require(actor, "solidarity.add_pledge", Pledge(request=req, organisation=organisation),
            message=_("Pledge for a union you lead that the request asks."))  # fmt: skip
    if kind not in Pledge.Kind.values:
        raise ValidationError({"kind": _("Choose what you pledge.")})
    if unit is not None and unit.organisation_id != organisation.pk:
        raise ValidationError({"unit": _("The unit belongs to another union.")})
    if kind == Pledge.Kind.DONATION and (amount is None or amount <= 0):
        raise ValidationError({"amount": _("Give the amount of the donation.")})
    if kind == Pledge.Kind.DONATION:
        currency = checked_currency(currency)
    item = Pledge.objects.create(
        request=req, organisation=organisation, unit=unit, kind=kind,
        description=required_text(description, "description", _("Say what you pledge.")),
        amount=amount if kind == Pledge.Kind.DONATION else None,
        currency=currency if kind == Pledge.Kind.DONATION else "",
        pledged_by=actor, language=language_of(actor),
    )  # fmt: skip
    record("solidarity.pledged", actor=actor, organisation=req.organisation,
           target=item, data={"kind": kind, "by": organisation.slug})  # fmt: skip
    notify(leading_people([req.organisation_id]), Kind.PLEDGE_RECORDED, {"union": organisation, "title": req, "what": item}, req.get_absolute_url(), by=actor)  # fmt: skip
    return item


@transaction.atomic
def pledge_done(actor: Any, item: Pledge) -> Pledge:
    """The pledging union records that it did what it pledged."""
    require(actor, "solidarity.change_pledge", item,
            message=_("Only the union that pledged marks its pledge done."))  # fmt: skip
    item.status = Pledge.Status.DONE
    item.done_on = timezone.localdate()
    item.save(update_fields=["status", "done_on"])
    record("solidarity.pledge_done", actor=actor, organisation=item.request.organisation,
           target=item)  # fmt: skip
    return item
