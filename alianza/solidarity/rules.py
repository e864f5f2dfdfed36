"""Who may do what in the solidarity hub. Every decision of the views, the API and
the actions is one of these rules; "leads this union" is ``orgs.rules``' predicate."""

import rules

from alianza.orgs.roles import MANAGING_ROLES
from alianza.orgs.rules import (
    is_org_leader,
    leads_it_or_any,
    leads_owner,
    manages_owner,
)
from alianza.orgs.selectors import standing

from .pledge_selectors import is_addressed, pledge_choices, sees_pledger, speaks_for
from .selectors import (
    on_team,
    visible_campaigns,
    visible_events,
    visible_letters,
    visible_requests,
    visible_strikes,
)


@rules.predicate
def leads_campaign_owner(user, record) -> bool:
    """For records that belong to a campaign: strikes, organizing targets, timeline
    entries; the campaign's union leads them."""
    return record is not None and leads_owner(user, record.campaign)


@rules.predicate
def can_view_campaign(user, campaign) -> bool:
    return (
        campaign is not None and visible_campaigns(user).filter(pk=campaign.pk).exists()
    )


@rules.predicate
def can_view_strike(user, strike) -> bool:
    """A strike is seen by its own audience and by whoever sees its campaign."""
    return strike is not None and visible_strikes(user).filter(pk=strike.pk).exists()


@rules.predicate
def can_view_event(user, event) -> bool:
    return event is not None and visible_events(user).filter(pk=event.pk).exists()


@rules.predicate
def can_view_campaign_of(user, record) -> bool:
    """A strike or an organizing target is seen by whoever sees its campaign."""
    return record is not None and can_view_campaign(user, record.campaign)


@rules.predicate
def is_on_target_team(user, target) -> bool:
    """An organizing target is worked by its campaign's organizing team: they see
    its contacts and record its figures, stage and vote of support."""
    return target is not None and on_team(user, target.campaign)


@rules.predicate
def can_view_request(user, request) -> bool:
    return request is not None and visible_requests(user).filter(pk=request.pk).exists()


@rules.predicate
def can_view_request_of(user, pledge) -> bool:
    """A pledge is seen by whoever sees the request it answers."""
    return pledge is not None and can_view_request(user, pledge.request)


@rules.predicate
def is_asked(user, request) -> bool:
    """A published request may be answered by those who speak for a union or a
    unit it asks (``pledge_selectors.pledge_choices``)."""
    return request is not None and bool(pledge_choices(user, request))


@rules.predicate
def pledges_for_what_she_leads(user, pledge) -> bool:
    """A pledge is made for a union or unit the request asks, by someone who speaks
    for it: an officer of the unit (or of a unit above it) for the unit, the union's
    administrators, staff and union-wide officers for the union or any of its units.
    An officer of one local never pledges for another, nor for the whole union."""
    return (
        pledge is not None
        and pledge.request.is_answerable
        and is_addressed(pledge.request, pledge.organisation_id, pledge.unit)
        and speaks_for(user, pledge.organisation_id, pledge.unit)
    )


@rules.predicate
def speaks_for_the_pledger(user, pledge) -> bool:
    """The pledging unit's (or union's) own: they record that it was done."""
    return pledge is not None and speaks_for(user, pledge.organisation_id, pledge.unit)


@rules.predicate
def may_see_pledger(user, pledge) -> bool:
    return pledge is not None and sees_pledger(user, pledge)


@rules.predicate
def is_author(user, request) -> bool:
    return (
        request is not None
        and request.created_by_id is not None
        and request.created_by_id == getattr(user, "pk", None)
    )


@rules.predicate
def manages_a_union_shared_with(user, request) -> bool:
    """An administrator or staff member of a union the draft is shared with."""
    if request is None or request.pk is None:
        return False
    managed = standing(user).organisation_ids(MANAGING_ROLES)
    return request.shared_with.filter(pk__in=managed).exists()


@rules.predicate
def is_in_preparation(user, request) -> bool:
    return request is not None and request.is_in_preparation


@rules.predicate
def is_answerable(user, request) -> bool:
    return request is not None and request.is_answerable


@rules.predicate
def translates_the_request_of(user, ask) -> bool:
    """An ask is translated by whoever translates its request."""
    return ask is not None and user.has_perm(
        "solidarity.change_solidarityrequest", ask.request
    )


@rules.predicate
def can_view_request_of_ask(user, ask) -> bool:
    return ask is not None and can_view_request(user, ask.request)


@rules.predicate
def owns_personal_pledge(user, item) -> bool:
    person = standing(user).person
    return item is not None and person is not None and item.person_id == person.pk


@rules.predicate
def can_view_letter(user, letter) -> bool:
    return letter is not None and visible_letters(user).filter(pk=letter.pk).exists()


@rules.predicate
def can_view_letter_of(user, signature) -> bool:
    """A signature is seen by whoever sees its letter."""
    return signature is not None and can_view_letter(user, signature.letter)


@rules.predicate
def is_signatory(user, signature) -> bool:
    person = standing(user).person
    return (
        signature is not None
        and person is not None
        and (person.pk == signature.person_id)
    )


@rules.predicate
def leads_letter_owner(user, signature) -> bool:
    """A signature's confirmation (the scan, the e-mail) is for the leaders of the
    letter's union only, not for the other co-signers."""
    return signature is not None and leads_owner(user, signature.letter)


@rules.predicate
def takes_individual_signatures(user, letter) -> bool:
    """An open letter, published: anyone may add her name (an ally confirms it by
    e-mail)."""
    return letter is not None and letter.takes_individual_signatures


@rules.predicate
def is_signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


@rules.predicate
def has_a_person(user) -> bool:
    """She is someone in Alianza's records: she may answer an event."""
    return standing(user).person is not None


@rules.predicate
def organises_event(user, event) -> bool:
    return event is not None and is_org_leader(user, event.organisation)


@rules.predicate
def can_view_record(user, record) -> bool:
    """She may read the campaign or the request (a comment is about one)."""
    from .models import Campaign

    if record is None:
        return False
    if isinstance(record, Campaign):
        return can_view_campaign(user, record)
    return can_view_request(user, record)


@rules.predicate
def is_open_to_comments(user, record) -> bool:
    return record is not None and bool(record.comments_open)


@rules.predicate
def can_view_comment(user, comment) -> bool:
    """Whoever reads the record reads its visible comments; a hidden one is seen
    by the record's union's leaders (its moderators) only."""
    if comment is None or not can_view_record(user, comment.record):
        return False
    return not comment.is_hidden or leads_owner(user, comment)


@rules.predicate
def wrote_it_lately(user, comment) -> bool:
    """Her own comment, still within the time its author may edit or delete it."""
    person = standing(user).person
    return (
        comment is not None
        and person is not None
        and comment.author_id == person.pk
        and comment.is_editable()
    )


rules.add_perm("solidarity.view_hub", is_signed_in)
# Everyone signed in sees the events of the calendar their audience reaches and
# answers for herself; the organising union's leaders read who answered.
rules.add_perm("solidarity.answer_event", has_a_person)
rules.add_perm("solidarity.view_event_answers", organises_event)
# Campaigns, events, requests and letters are written for a union its leaders lead;
# asked without a union, "leads one" (the page that offers them).
rules.add_perm("solidarity.add_campaign", leads_it_or_any)
rules.add_perm("solidarity.view_campaign", can_view_campaign)
rules.add_perm("solidarity.change_campaign", leads_owner)
# A timeline entry: the campaign's union records anything, another union that sees
# the campaign records what it did itself.
rules.add_perm("solidarity.add_timelineentry", leads_campaign_owner | leads_owner)
rules.add_perm("solidarity.view_timelineentry", can_view_campaign_of)
rules.add_perm("solidarity.change_timelineentry", leads_campaign_owner | leads_owner)
rules.add_perm("solidarity.view_strike", can_view_strike)
rules.add_perm("solidarity.change_strike", leads_campaign_owner)
rules.add_perm("solidarity.view_organizingtarget", can_view_campaign_of)
rules.add_perm("solidarity.change_organizingtarget", leads_campaign_owner)
rules.add_perm("solidarity.organize_target", is_on_target_team)
rules.add_perm("solidarity.view_event", can_view_event)
rules.add_perm("solidarity.change_event", leads_owner)
rules.add_perm("solidarity.add_delegation", leads_it_or_any)
rules.add_perm("solidarity.view_delegation", is_signed_in)
rules.add_perm("solidarity.change_delegation", leads_owner)
rules.add_perm("solidarity.view_solidarityrequest", can_view_request)
# Translating a request: its union's leaders, and while it is being prepared the
# administrators and staff of a union the draft is shared with.
rules.add_perm(
    "solidarity.change_solidarityrequest",
    leads_owner | (is_in_preparation & manages_a_union_shared_with),
)
# Asking, sharing, publishing, closing: its union's leaders only.
rules.add_perm("solidarity.manage_solidarityrequest", leads_owner)
# Vetting: someone other than the author, from the requesting union's management or
# from a union the draft is shared with (an administrator who wrote it included).
rules.add_perm(
    "solidarity.vet_solidarityrequest",
    ~is_author & (manages_owner | manages_a_union_shared_with),
)
rules.add_perm("solidarity.view_ask", can_view_request_of_ask)
rules.add_perm("solidarity.change_ask", translates_the_request_of)
rules.add_perm("solidarity.pledge", is_asked)
rules.add_perm("solidarity.add_pledge", pledges_for_what_she_leads)
rules.add_perm("solidarity.view_pledge", can_view_request_of)
rules.add_perm("solidarity.view_pledger", may_see_pledger)
rules.add_perm("solidarity.change_pledge", speaks_for_the_pledger)
# A member who sees a published request pledges what she will do herself, and
# withdraws her own pledge.
rules.add_perm(
    "solidarity.pledge_personally", is_answerable & has_a_person & can_view_request
)
rules.add_perm("solidarity.delete_personalpledge", owns_personal_pledge)
rules.add_perm("solidarity.view_letter", can_view_letter)
rules.add_perm("solidarity.change_letter", leads_owner)
rules.add_perm("solidarity.view_signature", can_view_letter_of)
rules.add_perm("solidarity.confirm_signature", is_signatory)
# Co-signers without accounts: the letter's union invites them by link, records a
# signature confirmed on paper or by e-mail (its evidence for its leaders only) and
# replaces or withdraws a signatory; no other union acts on its letter.
rules.add_perm("solidarity.invite_signatory", leads_owner)
rules.add_perm("solidarity.record_signature", leads_owner)
rules.add_perm("solidarity.replace_signatory", leads_owner)
rules.add_perm("solidarity.view_signature_evidence", leads_letter_owner)
rules.add_perm("solidarity.change_signatureinvitation", leads_letter_owner)
rules.add_perm("solidarity.sign_openly", takes_individual_signatures)
# Comments: the record's union's leaders open or close it to comments and moderate
# (hide, restore); whoever may read an open record comments as herself; she edits or
# deletes her own for a while.
rules.add_perm("solidarity.open_comments", leads_owner)
rules.add_perm(
    "solidarity.add_comment", is_open_to_comments & has_a_person & can_view_record
)
rules.add_perm("solidarity.view_comment", can_view_comment)
rules.add_perm("solidarity.moderate_comment", leads_owner)
rules.add_perm("solidarity.change_comment", wrote_it_lately)
