"""Campaigns, their team and their timeline."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from alianza.audit.log import record
from alianza.employers.models import Employer, Worksite
from alianza.lib.permissions import require
from alianza.lib.writing import language_of
from alianza.orgs.models import Organisation, Person, Unit
from alianza.orgs.selectors import standing, visible_people

from ..models import Campaign, Strike, TimelineEntry
from ._fields import audience_fields, language_code, required_text


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
    audience: str | None = None,
    audience_unit: Unit | None = None,
    comments_open: bool = False,
) -> Campaign:
    require(actor, "solidarity.add_campaign", organisation)
    if kind not in Campaign.Kind.values:
        raise ValidationError({"kind": _("Choose a kind of campaign.")})
    seen_by = audience_fields(Campaign, organisation, audience, audience_unit)
    campaign = Campaign.objects.create(
        **seen_by,
        organisation=organisation, kind=kind,
        title=required_text(title, "title", _("Give the campaign a title.")),
        summary=summary.strip(), language=language_code(language), started_on=started_on,
        employer=employer or (worksite.employer if worksite else None),
        worksite=worksite, government=government.strip(), created_by=actor,
        comments_open=bool(comments_open),
    )  # fmt: skip
    person = standing(actor).person
    if person is not None:
        campaign.team.add(person)
    record("solidarity.campaign_created", actor=actor, organisation=organisation,
           target=campaign, data={"kind": kind, "audience": seen_by["audience"],
                                  "comments_open": bool(comments_open)})  # fmt: skip
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
    entry.title = required_text(title, "title", _("Say what happened."))
    entry.recorded_by, entry.language = actor, language_of(actor)
    entry.save()
    record("solidarity.timeline_added", actor=actor, organisation=campaign.organisation,
           target=entry, data={"kind": kind, "strike": strike.pk if strike else None})  # fmt: skip
    return entry
