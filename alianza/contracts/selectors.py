"""Which agreements, clauses and rounds a user may read, and the lists pages show."""

from datetime import date, timedelta

from django.db.models import Prefetch, Q, QuerySet

from alianza.lib.folding import matching
from alianza.orgs.models import Membership, Organisation, Person
from alianza.orgs.roles import LEADING_ROLES, MANAGING_ROLES
from alianza.orgs.selectors import standing
from alianza.spaces.selectors import ids_shared_with, visible_spaces

from .models import Agreement, BargainingRound, Clause, ExchangeRate, Proposal


def visible_agreements(user) -> QuerySet[Agreement]:
    """The agreements of the user's unions (for their leaders) and those shared into a
    joint space the user takes part in."""
    st = standing(user)
    if st.is_superuser:
        return Agreement.objects.all()
    if st.person is None:
        return Agreement.objects.none()
    return Agreement.objects.filter(
        Q(organisation_id__in=st.organisation_ids(LEADING_ROLES))
        | Q(pk__in=ids_shared_with(user, Agreement))
    )


def reading_scope(user) -> list[str] | None:
    """The scope words (see ``search``) of what the user may read, as
    :func:`visible_agreements` decides it: ``o12`` for a union the user leads,
    ``s3`` for a joint space the user takes part in. None: everything."""
    st = standing(user)
    if st.is_superuser:
        return None
    if st.person is None:
        return []
    return [f"o{pk}" for pk in sorted(st.organisation_ids(LEADING_ROLES))] + [
        f"s{pk}"
        for pk in visible_spaces(user).order_by("pk").values_list("pk", flat=True)
    ]


def visible_rounds(user) -> QuerySet[BargainingRound]:
    """Rounds of the user's unions, and rounds shared into the user's joint spaces."""
    st = standing(user)
    if st.is_superuser:
        return BargainingRound.objects.all()
    if st.person is None:
        return BargainingRound.objects.none()
    return BargainingRound.objects.filter(
        Q(agreement__organisation_id__in=st.organisation_ids(LEADING_ROLES))
        | Q(pk__in=ids_shared_with(user, BargainingRound))
    )


def led_organisations(user) -> QuerySet[Organisation]:
    """The unions the user leads: those she may add agreements for."""
    return Organisation.objects.filter(
        pk__in=standing(user).organisation_ids(LEADING_ROLES)
    )


def agreements_of(organisations: QuerySet[Organisation]) -> QuerySet[Agreement]:
    return Agreement.objects.filter(organisation__in=organisations)


def agreements_with_parties() -> QuerySet[Agreement]:
    """Agreements with their union, employer and unit, for one agreement's page."""
    return Agreement.objects.select_related("organisation", "employer", "unit")


#: The folded columns an agreement is found by: its title, parties and registry
#: number, its employer's name and its union's names.
FOUND_BY = ("search_text", "employer__search_name", "organisation__search_name")


def library_agreements(user, query: str = "") -> QuerySet[Agreement]:
    """The visible agreements for a list: their parties, not their text; those
    whose title, parties, employer or union hold every word of ``query`` whatever
    its accents and case."""
    return (
        visible_agreements(user)
        .filter(matching(query, *FOUND_BY))
        .select_related("organisation", "employer", "unit")
        .defer("text")
    )


def listed_agreements(user, query: str = "") -> QuerySet[Agreement]:
    """The visible agreements with their union and employer, without their text
    (those found by ``query`` as in :func:`library_agreements`)."""
    return (
        visible_agreements(user)
        .filter(matching(query, *FOUND_BY))
        .select_related("organisation", "employer")
        .defer("text")
    )


def comparable_agreements(user) -> QuerySet[Agreement]:
    return (
        visible_agreements(user)
        .select_related("employer", "organisation")
        .defer("text")
    )


def with_clauses_and_wages(agreements: QuerySet[Agreement]) -> list[Agreement]:
    """The agreements with their clauses in order, wages and worksites, fetched once."""
    return list(
        agreements.prefetch_related(
            Prefetch("clauses", Clause.objects.order_by("position"))
        ).prefetch_related("wages", "worksites")
    )


def visible_clauses(user) -> QuerySet[Clause]:
    """The clauses of the agreements the user may read, with their agreement."""
    return Clause.objects.filter(agreement__in=visible_agreements(user)).select_related(
        "agreement"
    )


def exchange_rates() -> QuerySet[ExchangeRate]:
    return ExchangeRate.objects.all()


def visible_rounds_of(user, agreement: Agreement) -> QuerySet[BargainingRound]:
    return visible_rounds(user).filter(agreement=agreement)


def rounds_with_parties() -> QuerySet[BargainingRound]:
    """Rounds with their agreement's union and employer, for a round's page."""
    return BargainingRound.objects.select_related(
        "agreement__organisation", "agreement__employer"
    )


def round_proposals(bargaining_round: BargainingRound) -> list[Proposal]:
    """The round's proposals with the clause each amends and their events."""
    return list(
        bargaining_round.proposals.select_related("clause").prefetch_related("events")
    )


def visible_proposals(user) -> QuerySet[Proposal]:
    """The proposals of the rounds the user may follow, with their round."""
    return Proposal.objects.filter(round__in=visible_rounds(user)).select_related(
        "round"
    )


def expiring_agreements(user, today: date) -> QuerySet[Agreement]:
    """Visible agreements that expire from a year ago on, soonest first."""
    return (
        visible_agreements(user)
        .filter(expires_on__gte=today - timedelta(days=365))
        .select_related("organisation", "employer")
        .defer("text")
        .order_by("expires_on")
    )


def agreements_with_expiry(user) -> QuerySet[Agreement]:
    """Visible agreements that have an expiry date, for the calendar feed."""
    return (
        visible_agreements(user)
        .filter(expires_on__isnull=False)
        .select_related("employer")
    )


def agreements_to_remind(today: date) -> list[Agreement]:
    """Agreements within their reminder period whose expiry was not yet reminded."""
    due = []
    for agreement in Agreement.objects.filter(expires_on__gte=today).select_related(
        "organisation"
    ):
        assert agreement.expires_on is not None
        remind_on = agreement.expires_on - timedelta(days=agreement.remind_days_before)
        if remind_on <= today and agreement.reminded_for != agreement.expires_on:
            due.append(agreement)
    return due


def people_to_remind(agreement: Agreement) -> list[Person]:
    """The union's administrators and staff with an account, once each."""
    memberships = (
        Membership.objects.current()
        .filter(organisation=agreement.organisation, role__in=MANAGING_ROLES)
        .exclude(person__user=None)
        .select_related("person__user")
    )
    return list({m.person_id: m.person for m in memberships}.values())


def readable_agreements(user) -> QuerySet[Agreement]:
    """The visible agreements with their union and employer, and their text."""
    return visible_agreements(user).select_related("organisation", "employer")


def proposals_with_clause(bargaining_round: BargainingRound) -> list[Proposal]:
    return list(bargaining_round.proposals.select_related("clause"))
