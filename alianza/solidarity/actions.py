"""Every change to campaigns, strikes, organizing, events, requests and letters:
permission check, transaction, audit entry."""

import secrets
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.employers.models import Employer, Worksite
from alianza.lib.permissions import require
from alianza.multilingual.text import language_name
from alianza.orgs.models import Membership, Organisation, Person, Unit
from alianza.orgs.roles import LEADING_ROLES
from alianza.orgs.selectors import standing, visible_people

from .models import (
    CERTIFICATE_THRESHOLD,
    Campaign,
    Delegation,
    Event,
    Letter,
    OrganizingContact,
    OrganizingTarget,
    Pledge,
    Signature,
    SolidarityRequest,
    Strike,
    TimelineEntry,
)

Stage = OrganizingTarget.Stage
#: Stages that need the 30% support of the covered workers first.
AFTER_CERTIFICATE = (Stage.CERTIFICATE, Stage.APPROVAL_VOTE, Stage.FIRST_CONTRACT)


def _language(language: str) -> str:
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    return language


def _text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


# --- Campaigns ------------------------------------------------------------------------


@transaction.atomic
def create_campaign(
    actor: Any,
    organisation: Organisation,
    *,
    kind: str,
    title: str,
    summary: str = "",
    language: str = "en",
    started_on: date | None = None,
    employer: Employer | None = None,
    worksite: Worksite | None = None,
    government: str = "",
) -> Campaign:
    require(actor, "solidarity.add_campaign", organisation)
    if kind not in Campaign.Kind.values:
        raise ValidationError({"kind": _("Choose a kind of campaign.")})
    campaign = Campaign.objects.create(
        organisation=organisation, kind=kind,
        title=_text(title, "title", _("Give the campaign a title.")),
        summary=summary.strip(), language=_language(language), started_on=started_on,
        employer=employer or (worksite.employer if worksite else None),
        worksite=worksite, government=government.strip(), created_by=actor,
    )  # fmt: skip
    person = standing(actor).person
    if person is not None:
        campaign.team.add(person)
    record("solidarity.campaign_created", actor=actor, organisation=organisation,
           target=campaign, data={"kind": kind})  # fmt: skip
    return campaign


@transaction.atomic
def set_campaign_status(actor: Any, campaign: Campaign, status: str) -> Campaign:
    require(actor, "solidarity.change_campaign", campaign)
    if status not in Campaign.Status.values:
        raise ValidationError({"status": _("Choose a valid status.")})
    before, campaign.status = campaign.status, status
    campaign.save(update_fields=["status"])
    record("solidarity.campaign_status", actor=actor, organisation=campaign.organisation,
           target=campaign, data={"from": before, "to": status})  # fmt: skip
    return campaign


@transaction.atomic
def add_team_member(actor: Any, campaign: Campaign, person: Person) -> Campaign:
    require(actor, "solidarity.change_campaign", campaign)
    if not visible_people(actor).filter(pk=person.pk).exists():
        raise ValidationError({"person": _("Choose someone from your union.")})
    campaign.team.add(person)
    record("solidarity.team_member_added", actor=actor,
           organisation=campaign.organisation, target=campaign,
           data={"person": person.pk})  # fmt: skip
    return campaign


@transaction.atomic
def add_timeline_entry(
    actor: Any,
    campaign: Campaign,
    *,
    kind: str,
    happened_on: date,
    title: str,
    organisation: Organisation | None = None,
    strike: Strike | None = None,
) -> TimelineEntry:
    """An event or action on the campaign's timeline. Any union that can see the
    campaign records what it did itself; the owner records anything."""
    require(actor, "solidarity.view_campaign", campaign)
    entry = TimelineEntry(
        campaign=campaign, organisation=organisation or campaign.organisation
    )
    require(actor, "solidarity.add_timelineentry", entry,
            message=_("Record only what your own union did."))  # fmt: skip
    if kind not in TimelineEntry.Kind.values:
        raise ValidationError({"kind": _("Choose a kind of action.")})
    if strike is not None and strike.campaign_id != campaign.pk:
        raise ValidationError(_("This strike belongs to another campaign."))
    entry.strike, entry.kind, entry.happened_on = strike, kind, happened_on
    entry.title = _text(title, "title", _("Say what happened."))
    entry.recorded_by = actor
    entry.save()
    record("solidarity.timeline_added", actor=actor, organisation=campaign.organisation,
           target=entry, data={"kind": kind, "strike": strike.pk if strike else None})  # fmt: skip
    return entry


# --- Strikes --------------------------------------------------------------------------


@transaction.atomic
def register_strike(
    actor: Any,
    campaign: Campaign,
    *,
    worksite: Worksite,
    unit: Unit,
    started_on: date,
    demands: str,
    language: str = "es",
) -> Strike:
    require(actor, "solidarity.change_campaign", campaign)
    if started_on > timezone.localdate():
        raise ValidationError({"started_on": _("A strike cannot start in the future.")})
    strike = Strike.objects.create(
        campaign=campaign, worksite=worksite, unit=unit, started_on=started_on,
        demands=_text(demands, "demands", _("Write the strikers' demands.")),
        language=_language(language),
    )  # fmt: skip
    record("solidarity.strike_registered", actor=actor,
           organisation=campaign.organisation, target=strike,
           data={"worksite": worksite.pk, "unit": unit.pk,
                 "started_on": started_on.isoformat()})  # fmt: skip
    return strike


# --- Organizing -----------------------------------------------------------------------


@transaction.atomic
def add_target(
    actor: Any, campaign: Campaign, *, worksite: Worksite, covered_workers: int | None
) -> OrganizingTarget:
    require(actor, "solidarity.change_campaign", campaign)
    if campaign.kind != Campaign.Kind.ORGANIZING:
        raise ValidationError(_("Organizing targets belong to organizing campaigns."))
    if campaign.organizing_targets.filter(worksite=worksite).exists():
        raise ValidationError({"worksite": _("This worksite is already a target.")})
    target = OrganizingTarget.objects.create(
        campaign=campaign, worksite=worksite,
        covered_workers=covered_workers or worksite.headcount,
    )  # fmt: skip
    record("solidarity.target_added", actor=actor, organisation=campaign.organisation,
           target=target, data={"worksite": worksite.pk})  # fmt: skip
    return target


def _team_only(actor: Any, target: OrganizingTarget) -> None:
    require(actor, "solidarity.organize_target", target,
            message=_("Only the campaign's organizing team may do this."))  # fmt: skip


@transaction.atomic
def record_support(
    actor: Any, target: OrganizingTarget, *, covered_workers: int, supporters: int
) -> OrganizingTarget:
    """The support figures the organizing team counted (signed support cards)."""
    _team_only(actor, target)
    if covered_workers <= 0:
        raise ValidationError(
            {"covered_workers": _("The number of covered workers must be positive.")}
        )
    if supporters < 0 or supporters > covered_workers:
        raise ValidationError(
            {"supporters": _("Supporters must be between 0 and the covered workers.")}
        )
    target.covered_workers = covered_workers
    target.supporters = supporters
    target.support_recorded_on = timezone.localdate()
    target.save(update_fields=["covered_workers", "supporters", "support_recorded_on"])
    record("solidarity.support_recorded", actor=actor,
           organisation=target.campaign.organisation, target=target,
           data={"covered": covered_workers, "supporters": supporters,
                 "reached": target.support_reached})  # fmt: skip
    return target


@transaction.atomic
def link_election(
    actor: Any, target: OrganizingTarget, election: Any
) -> OrganizingTarget:
    """The secret-ballot vote of support for the representation certificate, held
    through the elections capability, joined to the target it is for."""
    _team_only(actor, target)
    if (
        election.kind != "representation"
        or election.organisation_id != target.campaign.organisation_id
        or (election.worksite_id and election.worksite_id != target.worksite_id)
    ):
        raise ValidationError(
            _(
                "Choose a vote of support for a representation certificate of this union at this worksite."
            )
        )
    target.representation_election = election
    target.save(update_fields=["representation_election"])
    record("solidarity.election_linked", actor=actor,
           organisation=target.campaign.organisation, target=target,
           data={"election": str(election.uid)})  # fmt: skip
    return target


def eligible_elections(target: OrganizingTarget):
    from alianza.elections.models import Election

    return Election.objects.filter(
        kind="representation", organisation=target.campaign.organisation
    ).filter(models.Q(worksite=target.worksite) | models.Q(worksite__isnull=True))


@transaction.atomic
def move_stage(actor: Any, target: OrganizingTarget, stage: str) -> OrganizingTarget:
    _team_only(actor, target)
    if stage not in Stage.values:
        raise ValidationError({"stage": _("Choose a valid stage.")})
    order = list(Stage.values)
    if order.index(stage) > target.stage_index() + 1:
        raise ValidationError(_("Move one stage at a time."))
    if stage in AFTER_CERTIFICATE and not target.support_reached:
        raise ValidationError(
            _("The representation certificate needs the support of %(pct)d%% of "
              "the covered workers first. %(explanation)s")
            % {"pct": CERTIFICATE_THRESHOLD,
               "explanation": target.support_explanation()}
        )  # fmt: skip
    before, target.stage = target.stage, stage
    target.save(update_fields=["stage"])
    record("solidarity.stage_moved", actor=actor,
           organisation=target.campaign.organisation, target=target,
           data={"from": before, "to": stage})  # fmt: skip
    return target


@transaction.atomic
def add_contact(
    actor: Any,
    target: OrganizingTarget,
    *,
    name: str,
    phone: str = "",
    position: str = "",
    on_committee: bool = False,
) -> OrganizingContact:
    _team_only(actor, target)
    contact = OrganizingContact.objects.create(
        target=target, name=_text(name, "name", _("Write the contact's name.")),
        phone=phone.strip(), position=position.strip(), on_committee=on_committee,
        added_by=actor,
    )  # fmt: skip
    # The audit entry names no one: the contacts are the team's secret.
    record("solidarity.contact_added", actor=actor,
           organisation=target.campaign.organisation, target=target,
           data={"contact": contact.pk})  # fmt: skip
    return contact


# --- Events ---------------------------------------------------------------------------


@transaction.atomic
def create_event(
    actor: Any,
    organisation: Organisation,
    *,
    kind: str,
    title: str,
    starts_on: date,
    country: str,
    description: str = "",
    language: str = "en",
    place: str = "",
    annual: bool = False,
    campaign: Campaign | None = None,
) -> Event:
    require(actor, "solidarity.add_campaign", organisation)
    if kind not in Event.Kind.values:
        raise ValidationError({"kind": _("Choose a kind of event.")})
    event = Event.objects.create(
        organisation=organisation, kind=kind,
        title=_text(title, "title", _("Give the event a title.")),
        description=description.strip(), language=_language(language),
        starts_on=starts_on, place=place.strip(), country=country, annual=annual,
        campaign=campaign, uid=f"{secrets.token_hex(16)}@alianza",
    )  # fmt: skip
    record("solidarity.event_created", actor=actor, organisation=organisation,
           target=event, data={"kind": kind, "date": starts_on.isoformat()})  # fmt: skip
    return event


@transaction.atomic
def add_delegation(
    actor: Any,
    event: Event,
    *,
    organisation: Organisation,
    unit: Unit | None = None,
    people: int = 1,
    note: str = "",
) -> Delegation:
    """A union announces its delegation to an event."""
    require(actor, "solidarity.add_delegation", organisation,
            message=_("Only the leaders of a union announce its delegation."))  # fmt: skip
    if unit is not None and unit.organisation_id != organisation.pk:
        raise ValidationError({"unit": _("The unit belongs to another union.")})
    if people < 1:
        raise ValidationError({"people": _("A delegation has at least one person.")})
    delegation = Delegation.objects.create(
        event=event, organisation=organisation, unit=unit, people=people,
        note=note.strip(),
    )  # fmt: skip
    record("solidarity.delegation_added", actor=actor, organisation=organisation,
           target=event, data={"people": people})  # fmt: skip
    return delegation


# --- Solidarity requests --------------------------------------------------------------


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
) -> SolidarityRequest:
    require(actor, "solidarity.add_campaign", organisation)
    if campaign is not None and campaign.organisation_id != organisation.pk:
        raise ValidationError({"campaign": _("Choose a campaign of your union.")})
    req = SolidarityRequest.objects.create(
        organisation=organisation, campaign=campaign,
        title=_text(title, "title", _("Give the request a title.")),
        body=_text(body, "body", _("Say what you ask of your partners.")),
        language=_language(language), deadline=deadline, created_by=actor,
    )  # fmt: skip
    req.audiences.set([o for o in audiences if o.pk != organisation.pk])
    record("solidarity.request_drafted", actor=actor, organisation=organisation,
           target=req)  # fmt: skip
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


def missing_translations(req: SolidarityRequest) -> list[str]:
    """The languages of the unions asked that the request is not yet translated into."""
    needed = {o.default_language for o in req.audiences.all()} - {req.language}
    have = set(req.translations_for("title")) & set(req.translations_for("body"))
    return sorted(needed - have)


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
    return req


@transaction.atomic
def close_request(actor: Any, req: SolidarityRequest) -> SolidarityRequest:
    require(actor, "solidarity.change_solidarityrequest", req)
    req.status = SolidarityRequest.Status.CLOSED
    req.save(update_fields=["status"])
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
    item = Pledge.objects.create(
        request=req, organisation=organisation, unit=unit, kind=kind,
        description=_text(description, "description", _("Say what you pledge.")),
        amount=amount if kind == Pledge.Kind.DONATION else None,
        currency=(currency or "").upper()[:3] if kind == Pledge.Kind.DONATION else "",
        pledged_by=actor,
    )  # fmt: skip
    record("solidarity.pledged", actor=actor, organisation=req.organisation,
           target=item, data={"kind": kind, "by": organisation.slug})  # fmt: skip
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


# --- Letters --------------------------------------------------------------------------


@transaction.atomic
def draft_letter(
    actor: Any,
    organisation: Organisation,
    *,
    title: str,
    body: str,
    language: str,
    addressee: str = "",
    dated: date | None = None,
    campaign: Campaign | None = None,
    request: SolidarityRequest | None = None,
) -> Letter:
    require(actor, "solidarity.add_campaign", organisation)
    title = _text(title, "title", _("Give the letter a title."))
    base = slugify(title)[:40] or "letter"
    letter = Letter.objects.create(
        organisation=organisation, slug=f"{base}-{secrets.token_hex(3)}",
        title=title, body=_text(body, "body", _("Write the letter.")),
        language=_language(language), addressee=addressee.strip(),
        dated=dated or timezone.localdate(), campaign=campaign, request=request,
        created_by=actor,
    )  # fmt: skip
    record("solidarity.letter_drafted", actor=actor, organisation=organisation,
           target=letter)  # fmt: skip
    return letter


def signatory_choices() -> Any:
    """People who may co-sign: the administrators, staff and officers of any union
    (their offices are public)."""
    return Person.objects.filter(
        memberships__role__in=LEADING_ROLES, memberships__ended_on__isnull=True
    ).distinct()


@transaction.atomic
def add_signatory(
    actor: Any,
    letter: Letter,
    *,
    person: Person,
    organisation: Organisation,
    title: str = "",
) -> Signature:
    require(actor, "solidarity.change_letter", letter)
    if letter.status != Letter.Status.DRAFT:
        raise ValidationError(_("A published letter cannot take new signatures."))
    holds_office = Membership.objects.current().filter(
        person=person, organisation=organisation, role__in=LEADING_ROLES
    )
    if not holds_office.exists():
        raise ValidationError(
            {"person": _("The signatory must be an officer of that organisation.")}
        )
    if letter.signatures.filter(person=person).exists():
        raise ValidationError({"person": _("This person already signs the letter.")})
    signature = Signature.objects.create(
        letter=letter, person=person, organisation=organisation,
        title=title.strip() or (holds_office.first().title or ""),  # type: ignore[union-attr]
        order=letter.signatures.count(),
    )  # fmt: skip
    record("solidarity.signatory_added", actor=actor, organisation=letter.organisation,
           target=letter, data={"person": person.pk, "for": organisation.slug})  # fmt: skip
    return signature


@transaction.atomic
def confirm_signature(actor: Any, signature: Signature) -> Signature:
    """Only the signer confirms their own signature."""
    require(actor, "solidarity.confirm_signature", signature,
            message=_("Only the signatory can confirm their signature."))  # fmt: skip
    if signature.confirmed_at is None:
        signature.confirmed_at = timezone.now()
        signature.save(update_fields=["confirmed_at"])
        record("solidarity.signature_confirmed", actor=actor,
               organisation=signature.letter.organisation, target=signature.letter,
               data={"signature": signature.pk})  # fmt: skip
    return signature


@transaction.atomic
def publish_letter(actor: Any, letter: Letter) -> Letter:
    require(actor, "solidarity.change_letter", letter)
    if not letter.all_confirmed:
        raise ValidationError(
            _("Every signatory must confirm their signature before publication.")
        )
    letter.status = Letter.Status.PUBLISHED
    letter.published_at = timezone.now()
    letter.save(update_fields=["status", "published_at"])
    record("solidarity.letter_published", actor=actor, organisation=letter.organisation,
           target=letter)  # fmt: skip
    return letter
