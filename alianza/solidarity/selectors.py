"""What a user may read of the solidarity work. Shared by rules, views and the API."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from alianza.orgs.models import Person
from alianza.orgs.roles import LEADING_ROLES
from alianza.orgs.selectors import standing
from alianza.spaces.selectors import ids_shared_with

from .models import (
    Campaign,
    Letter,
    OrganizingTarget,
    Signature,
    SolidarityRequest,
    Strike,
)

VISIBLE_STATUSES = (
    SolidarityRequest.Status.PUBLISHED,
    SolidarityRequest.Status.CLOSED,
)


def led_organisation_ids(user) -> set[int]:
    """Organisations in which the user is an administrator, staff or officer."""
    return standing(user).organisation_ids(LEADING_ROLES)


def visible_campaigns(user) -> QuerySet[Campaign]:
    """Campaigns of the unions the user leads, those whose team names them, and
    those shared into a joint space they take part in."""
    st = standing(user)
    if st.is_superuser:
        return Campaign.objects.all()
    if st.person is None:
        return Campaign.objects.none()
    return Campaign.objects.filter(
        Q(organisation_id__in=led_organisation_ids(user))
        | Q(pk__in=Campaign.team.through.objects.filter(person=st.person).values(
            "campaign_id"))
        | Q(pk__in=ids_shared_with(user, Campaign))
    )  # fmt: skip


def visible_strikes(user) -> QuerySet[Strike]:
    return Strike.objects.filter(campaign__in=visible_campaigns(user))


def visible_targets(user) -> QuerySet[OrganizingTarget]:
    return OrganizingTarget.objects.filter(campaign__in=visible_campaigns(user))


def on_team(user, campaign: Campaign) -> bool:
    """The organizing team: the people named on the campaign's team."""
    st = standing(user)
    if st.is_superuser:
        return True
    return st.person is not None and campaign.team.filter(pk=st.person.pk).exists()


def visible_requests(user) -> QuerySet[SolidarityRequest]:
    """A union's own requests (for its leaders) and the published requests that ask
    the unions the user leads."""
    st = standing(user)
    if st.is_superuser:
        return SolidarityRequest.objects.all()
    led = led_organisation_ids(user)
    if not led:
        return SolidarityRequest.objects.none()
    asked = SolidarityRequest.audiences.through.objects.filter(
        organisation_id__in=led
    ).values("solidarityrequest_id")
    return SolidarityRequest.objects.filter(
        Q(organisation_id__in=led) | Q(status__in=VISIBLE_STATUSES, pk__in=asked)
    )


def public_letters() -> QuerySet[Letter]:
    """Published letters whose every signature is confirmed."""
    unconfirmed = Signature.objects.filter(
        letter=OuterRef("pk"), confirmed_at__isnull=True
    )
    return (
        Letter.objects.filter(status=Letter.Status.PUBLISHED, signatures__isnull=False)
        .filter(~Exists(unconfirmed))
        .distinct()
    )


def visible_letters(user) -> QuerySet[Letter]:
    st = standing(user)
    if st.is_superuser:
        return Letter.objects.all()
    if st.person is None:
        return Letter.objects.none()
    return Letter.objects.filter(
        Q(organisation_id__in=led_organisation_ids(user))
        | Q(pk__in=Signature.objects.filter(person=st.person).values("letter_id"))
        | Q(pk__in=ids_shared_with(user, Letter))
        | Q(pk__in=public_letters().values("pk"))
    )


def published_requests_visible_to(user) -> QuerySet[SolidarityRequest]:
    """The published requests the person may see (an alert may be about one)."""
    return visible_requests(user).filter(status=SolidarityRequest.Status.PUBLISHED)


def eligible_elections(target: OrganizingTarget) -> QuerySet:
    """The votes of support for a representation certificate that may be joined to
    the target: its union's, at its worksite or at none in particular."""
    from alianza.elections.models import Election

    return Election.objects.filter(
        kind="representation", organisation=target.campaign.organisation
    ).filter(Q(worksite=target.worksite) | Q(worksite__isnull=True))


def missing_translations(req: SolidarityRequest) -> list[str]:
    """The languages of the unions asked that the request is not yet translated into."""
    needed = {o.default_language for o in req.audiences.all()} - {req.language}
    have = set(req.translations_for("title")) & set(req.translations_for("body"))
    return sorted(needed - have)


def signatory_choices() -> QuerySet[Person]:
    """People who may co-sign: the administrators, staff and officers of any union
    (their offices are public)."""
    return Person.objects.filter(
        memberships__role__in=LEADING_ROLES, memberships__ended_on__isnull=True
    ).distinct()
