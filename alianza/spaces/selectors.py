"""Which joint spaces a user takes part in, and what has been shared into them."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q, QuerySet
from django.db.models.functions import Cast

from alianza.orgs.models import Membership, Organisation
from alianza.orgs.roles import LEADING_ROLES, MANAGING_ROLES
from alianza.orgs.selectors import standing

from .models import JointSpace, Participant, Proposal, Share


def _participation(user, roles: set[str] | None = None) -> Q | None:
    st = standing(user)
    if st.person is None:
        return None
    role_filter = Q(role__in=roles) if roles else Q()
    condition = Q(person=st.person) & role_filter
    # An organisation's participation reaches the people who lead it.
    org_ids = st.organisation_ids(LEADING_ROLES)
    if org_ids:
        condition |= Q(organisation_id__in=org_ids) & role_filter
    return condition


def visible_spaces(user) -> QuerySet[JointSpace]:
    st = standing(user)
    if st.is_superuser:
        return JointSpace.objects.all()
    condition = _participation(user)
    if condition is None:
        return JointSpace.objects.none()
    space_ids = Participant.objects.filter(condition).values("space_id")
    return JointSpace.objects.filter(pk__in=space_ids)


def coordinated_spaces(user) -> QuerySet[JointSpace]:
    st = standing(user)
    if st.is_superuser:
        return JointSpace.objects.all()
    condition = _participation(user, {Participant.Role.COORDINATOR})
    if condition is None:
        return JointSpace.objects.none()
    # An organisation coordinates through its administrators and staff only.
    condition = Q(person=st.person, role=Participant.Role.COORDINATOR) | Q(
        organisation_id__in=st.organisation_ids(MANAGING_ROLES),
        role=Participant.Role.COORDINATOR,
    )
    space_ids = Participant.objects.filter(condition).values("space_id")
    return JointSpace.objects.filter(pk__in=space_ids)


def shared_ids(model: type[models.Model], spaces) -> QuerySet[Share, dict]:
    """Ids of ``model`` records shared into ``spaces`` (a subquery)."""
    ct = ContentType.objects.get_for_model(model)
    return (
        Share.objects.active()
        .filter(content_type=ct, space__in=spaces)
        .annotate(record_pk=Cast("object_id", output_field=models.BigIntegerField()))
        .values("record_pk")
    )


def ids_shared_with(user, model: type[models.Model]) -> QuerySet[Share, dict]:
    """Ids of ``model`` records shared into the user's spaces (a subquery)."""
    return shared_ids(model, visible_spaces(user))


def spaces_with_participants(user) -> QuerySet[JointSpace]:
    """The spaces the user takes part in, with their participating organisations."""
    return visible_spaces(user).prefetch_related("participants__organisation")


def participants_of(space: JointSpace) -> QuerySet[Participant]:
    return space.participants.select_related("organisation", "person")


def active_shares_in(space: JointSpace) -> list[Share]:
    """What is shared into the space now, each with its record."""
    return list(
        Share.objects.active()
        .filter(space=space)
        .select_related("content_type", "shared_by")
        .prefetch_related("record")
    )


def shares_with_space() -> QuerySet[Share]:
    return Share.objects.select_related("space")


def content_type_id(model: type[models.Model]) -> int:
    """The id that names ``model`` in a share link (``spaces:share``)."""
    return ContentType.objects.get_for_model(model).pk


def proposals_of(space: JointSpace) -> list[Proposal]:
    """The space's proposals, pending first, each with its answers (its history)."""
    proposals = list(
        space.proposals.select_related(
            "organisation", "unit", "proposed_for", "proposed_by"
        ).prefetch_related("answers__organisation", "answers__answered_by")
    )
    return sorted(proposals, key=lambda p: not p.is_pending)


def managers_to_tell(space: JointSpace, exclude: set[int]) -> list[tuple[str, str]]:
    """The e-mail address and language of each administrator and staff member of the
    space's coordinating unions, but those of the unions in ``exclude``."""
    unions = (
        space.participants.filter(
            role=Participant.Role.COORDINATOR, organisation__isnull=False
        )
        .exclude(organisation_id__in=exclude)
        .values("organisation_id")
    )
    memberships = (
        Membership.objects.current()
        .filter(organisation_id__in=unions, role__in=MANAGING_ROLES)
        .select_related("person__user")
        .prefetch_related("person__contacts")
    )
    found: dict[str, str] = {}
    for membership in memberships:
        person = membership.person
        user = person.user
        emails = [c.value for c in person.contacts.all() if c.kind == "email"]
        email = emails[0] if emails else (user.email if user else "")
        language = (user.language if user else "") or person.preferred_language
        if email:
            found.setdefault(email, language or "en")
    return sorted(found.items())


def proposals_with_space() -> QuerySet[Proposal]:
    return Proposal.objects.select_related("space").prefetch_related("answers")


def spaces_of(org_ids: set[int]) -> QuerySet[JointSpace]:
    """The joint spaces one of the organisations ``org_ids`` takes part in."""
    return JointSpace.objects.filter(
        pk__in=Participant.objects.filter(organisation_id__in=org_ids).values(
            "space_id"
        )
    )


def shares_between(spaces, start, end) -> QuerySet[Share]:
    """The records shared into ``spaces`` in [start, end) (withdrawn ones too: they
    were exchanged)."""
    return Share.objects.filter(
        space__in=spaces, shared_at__gte=start, shared_at__lt=end
    )


def alliance_unions() -> list[Organisation]:
    """The unions of the alliance: those taking part in its joint space."""
    rows = Participant.objects.filter(
        space__kind=JointSpace.Kind.ALLIANCE,
        organisation__isnull=False,
        organisation__kind=Organisation.Kind.UNION,
    ).select_related("organisation")
    unique = {p.organisation_id: p.organisation for p in rows if p.organisation}
    return sorted(unique.values(), key=lambda o: o.short_name or o.name)
