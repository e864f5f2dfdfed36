import rules

from alianza.documents.selectors import LEADING_ROLES
from alianza.orgs.roles import MANAGING_ROLES
from alianza.orgs.selectors import has_role, standing

from .selectors import (
    led_organisation_ids,
    on_team,
    visible_campaigns,
    visible_letters,
    visible_requests,
)


@rules.predicate
def leads(user, organisation) -> bool:
    """Administrators, staff and officers act for their union."""
    return organisation is not None and has_role(user, organisation, LEADING_ROLES)


@rules.predicate
def leads_owner(user, obj) -> bool:
    return obj is not None and has_role(user, obj.organisation, LEADING_ROLES)


@rules.predicate
def manages_owner(user, obj) -> bool:
    return obj is not None and has_role(user, obj.organisation, MANAGING_ROLES)


@rules.predicate
def leads_campaign_owner(user, obj) -> bool:
    """For records that belong to a campaign: strikes, organizing targets."""
    return obj is not None and has_role(user, obj.campaign.organisation, LEADING_ROLES)


@rules.predicate
def can_view_campaign(user, campaign) -> bool:
    return (
        campaign is not None and visible_campaigns(user).filter(pk=campaign.pk).exists()
    )


@rules.predicate
def is_on_team(user, campaign) -> bool:
    return campaign is not None and on_team(user, campaign)


@rules.predicate
def can_view_request(user, request) -> bool:
    return request is not None and visible_requests(user).filter(pk=request.pk).exists()


@rules.predicate
def is_asked(user, request) -> bool:
    """A published request may be answered by the leaders of the unions it asks."""
    if request is None or request.status != request.Status.PUBLISHED:
        return False
    st = standing(user)
    asked = set(request.audiences.values_list("pk", flat=True))
    return st.is_superuser or bool(asked & led_organisation_ids(user))


@rules.predicate
def can_view_letter(user, letter) -> bool:
    return letter is not None and visible_letters(user).filter(pk=letter.pk).exists()


@rules.predicate
def is_signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


rules.add_perm("solidarity.view_hub", is_signed_in)
rules.add_perm("solidarity.add_campaign", leads)
rules.add_perm("solidarity.view_campaign", can_view_campaign)
rules.add_perm("solidarity.change_campaign", leads_owner)
rules.add_perm("solidarity.view_contacts", is_on_team)
rules.add_perm("solidarity.change_strike", leads_campaign_owner)
rules.add_perm("solidarity.change_organizingtarget", leads_campaign_owner)
rules.add_perm("solidarity.change_event", leads_owner)
rules.add_perm("solidarity.view_solidarityrequest", can_view_request)
rules.add_perm("solidarity.change_solidarityrequest", leads_owner)
rules.add_perm("solidarity.vet_solidarityrequest", manages_owner)
rules.add_perm("solidarity.pledge", is_asked)
rules.add_perm("solidarity.view_letter", can_view_letter)
rules.add_perm("solidarity.change_letter", leads_owner)
