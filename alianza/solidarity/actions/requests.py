"""Solidarity requests: drafting (with the unions, locals and sections asked and the
asks), sharing the draft for help, vetting, publishing, closing with an outcome."""

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
from alianza.multilingual.text import language_name
from alianza.notifications.actions import notify
from alianza.notifications.models import Kind
from alianza.orgs.models import Organisation, Unit
from alianza.orgs.roles import MANAGING_ROLES
from alianza.orgs.selectors import leading_people, standing

from ..models import Ask, Campaign, SolidarityRequest, Strike
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
    units: list[Unit] | Any = (),
    deadline: date | None = None,
    campaign: Campaign | None = None,
    audience: str | None = None,
    audience_unit: Unit | None = None,
    comments_open: bool = False,
    strike: Strike | None = None,
    asks: list[dict] | Any = (),
) -> SolidarityRequest:
    """Draft a request for ``organisation``: the unions it asks whole, the locals
    and sections it asks by name, the campaign or strike it is about, its asks."""
    require(actor, "solidarity.add_campaign", organisation)
    seen_by = audience_fields(SolidarityRequest, organisation, audience, audience_unit)
    if campaign is not None and campaign.organisation_id != organisation.pk:
        raise ValidationError({"campaign": _("Choose a campaign of your union.")})
    if strike is not None and strike.campaign.organisation_id != organisation.pk:
        raise ValidationError({"strike": _("Choose a strike of your union.")})
    units = list(units)
    if any(u.organisation_id == organisation.pk for u in units):
        raise ValidationError(
            {"units": _("Ask the locals and sections of other unions.")}
        )
    req = SolidarityRequest.objects.create(
        **seen_by,
        organisation=organisation, campaign=campaign, strike=strike,
        title=required_text(title, "title", _("Give the request a title.")),
        body=required_text(body, "body", _("Say what you ask of your partners.")),
        language=language_code(language), deadline=deadline, created_by=actor,
        comments_open=bool(comments_open),
    )  # fmt: skip
    req.audiences.set([o for o in audiences if o.pk != organisation.pk])
    req.units.set(units)
    for ask in asks:
        _new_ask(req, **ask)
    record("solidarity.request_drafted", actor=actor, organisation=organisation,
           target=req, data={"audience": seen_by["audience"],
                              "units": [u.pk for u in units]})  # fmt: skip
    return req


def _new_ask(
    req: SolidarityRequest,
    *,
    kind: str,
    description: str,
    target: Decimal | None = None,
    currency: str = "",
) -> Ask:
    if kind not in Ask.Kind.values:
        raise ValidationError({"kind": _("Choose what you ask for.")})
    if target is not None and target <= 0:
        raise ValidationError({"target": _("A target is more than nothing.")})
    if kind == Ask.Kind.DONATION and target is not None:
        currency = checked_currency(currency)
    else:
        currency = ""
    return Ask.objects.create(
        request=req, kind=kind, target=target, currency=currency, language=req.language,
        description=required_text(description, "description", _("Say what you ask.")),
    )  # fmt: skip


@transaction.atomic
def add_ask(actor: Any, req: SolidarityRequest, **ask: Any) -> Ask:
    """Add one thing the request asks for, while it is being prepared."""
    require(actor, "solidarity.manage_solidarityrequest", req)
    if not req.is_in_preparation:
        raise ValidationError(_("Asks are added before the request is published."))
    made = _new_ask(req, **ask)
    record("solidarity.ask_added", actor=actor, organisation=req.organisation,
           target=req, data={"kind": made.kind})  # fmt: skip
    return made


@transaction.atomic
def share_draft(
    actor: Any, req: SolidarityRequest, organisation: Organisation
) -> SolidarityRequest:
    """Invite the administrators and staff of another union to help with the draft:
    they read it, translate it and may vet it."""
    require(actor, "solidarity.manage_solidarityrequest", req)
    if organisation.pk == req.organisation_id:
        raise ValidationError({"organisation": _("Share it with another union.")})
    if not req.is_in_preparation:
        raise ValidationError(_("Only a request being prepared is shared for help."))
    req.shared_with.add(organisation)
    record("solidarity.request_shared", actor=actor, organisation=req.organisation,
           target=req, data={"with": organisation.slug})  # fmt: skip
    return req


@transaction.atomic
def vet_request(actor: Any, req: SolidarityRequest) -> SolidarityRequest:
    """Someone other than its author checks the draft: an administrator or staff
    member of the union, or of a union the draft is shared with."""
    # Asked of the rule itself: an administrator of the whole site who wrote the
    # request may not vet it either.
    require(actor, "solidarity.vet_solidarityrequest", req, superusers_too=True,
            message=_("Someone other than the author vets a request."))  # fmt: skip
    if req.status != SolidarityRequest.Status.DRAFT:
        raise ValidationError(_("Only a draft can be vetted."))
    req.status = SolidarityRequest.Status.VETTED
    req.vetted_by = actor
    req.save(update_fields=["status", "vetted_by"])
    record("solidarity.request_vetted", actor=actor, organisation=req.organisation,
           target=req, data={"for": _union_of(actor, req)})  # fmt: skip
    return req


@transaction.atomic
def publish_request(actor: Any, req: SolidarityRequest) -> SolidarityRequest:
    require(actor, "solidarity.manage_solidarityrequest", req)
    if req.status != SolidarityRequest.Status.VETTED:
        raise ValidationError(_("A request is published once it has been vetted."))
    if not req.audiences.exists() and not req.units.exists():
        raise ValidationError(_("Choose at least one union, local or section to ask."))
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
               "slug", flat=True)), "units": list(req.units.values_list(
               "pk", flat=True))})  # fmt: skip
    notify(leading_people(req.audiences.values_list("pk", flat=True)), Kind.REQUEST_PUBLISHED, {"union": req.organisation, "title": req}, req.get_absolute_url(), by=actor)  # fmt: skip
    return req


@transaction.atomic
def close_request(
    actor: Any, req: SolidarityRequest, *, result: str = "", outcome: str = ""
) -> SolidarityRequest:
    """Close a published request, recording what came of it: met, partly met or
    not met, and a few words in the request's language."""
    require(actor, "solidarity.manage_solidarityrequest", req)
    if not req.is_answerable:
        raise ValidationError(_("Only a published request is closed."))
    if result not in SolidarityRequest.Result.values:
        raise ValidationError({"result": _("Say whether the request was met.")})
    req.status = SolidarityRequest.Status.CLOSED
    req.result = result
    req.outcome = (outcome or "").strip()
    req.closed_at = timezone.now()
    req.save(update_fields=["status", "result", "outcome", "closed_at"])
    record("solidarity.request_closed", actor=actor, organisation=req.organisation,
           target=req, data={"result": result})  # fmt: skip
    return req


def _union_of(actor: Any, req: SolidarityRequest) -> str:
    """The union the person vetted for: the request's own, or a union it is shared
    with that she manages."""
    managed = standing(actor).organisation_ids(MANAGING_ROLES)
    if req.organisation_id in managed or standing(actor).is_superuser:
        return req.organisation.slug
    shared = req.shared_with.filter(pk__in=managed).first()
    return shared.slug if shared else ""
