"""What a user may read of the solidarity work. Shared by rules, views and the API."""

from datetime import date
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from alianza.alerts.models import Alert
from alianza.alerts.selectors import recent_alerts
from alianza.orgs.audience import Audience
from alianza.orgs.models import Membership, Organisation, Person
from alianza.orgs.roles import LEADING_ROLES, MANAGING_ROLES
from alianza.orgs.selectors import standing, visible_people
from alianza.spaces.audience import audience_q
from alianza.spaces.selectors import ids_shared_with

from .models import (
    Campaign,
    Event,
    IndividualSignature,
    Letter,
    OrganizingTarget,
    Pledge,
    Rsvp,
    Signature,
    SignatureInvitation,
    SolidarityRequest,
    Strike,
    token_hash,
)

VISIBLE_STATUSES = (
    SolidarityRequest.Status.PUBLISHED,
    SolidarityRequest.Status.CLOSED,
)


def led_organisation_ids(user) -> set[int]:
    """Organisations in which the user is an administrator, staff or officer."""
    return standing(user).organisation_ids(LEADING_ROLES)


def led_organisations(user) -> QuerySet[Organisation]:
    """The unions the person leads: she writes campaigns, requests and letters for
    these, and records what they did."""
    return Organisation.objects.filter(pk__in=led_organisation_ids(user))


def visible_campaigns(user) -> QuerySet[Campaign]:
    """Campaigns its audience reaches (its union's leaders always), those whose team
    names the person, and those shared into a joint space she takes part in."""
    st = standing(user)
    if st.is_superuser:
        return Campaign.objects.all()
    if st.person is None:
        return Campaign.objects.filter(audience_q(user))
    return Campaign.objects.filter(
        audience_q(user)
        | Q(pk__in=Campaign.team.through.objects.filter(person=st.person).values(
            "campaign_id"))
        | Q(pk__in=ids_shared_with(user, Campaign))
    )  # fmt: skip


def visible_strikes(user) -> QuerySet[Strike]:
    """Strikes their own audience reaches, and those of the campaigns she sees."""
    if standing(user).is_superuser:
        return Strike.objects.all()
    return Strike.objects.filter(
        audience_q(user, owner="campaign__organisation_id")
        | Q(campaign__in=visible_campaigns(user))
    )


def visible_targets(user) -> QuerySet[OrganizingTarget]:
    return OrganizingTarget.objects.filter(campaign__in=visible_campaigns(user))


def on_team(user, campaign: Campaign) -> bool:
    """The organizing team: the people named on the campaign's team."""
    st = standing(user)
    if st.is_superuser:
        return True
    return st.person is not None and campaign.team.filter(pk=st.person.pk).exists()


def visible_requests(user) -> QuerySet[SolidarityRequest]:
    """A union's own requests (for its leaders); drafts shared with a union (for
    its administrators and staff); and, published: the requests that ask a union
    she leads or a unit of it; those its audience reaches; and, when its audience
    is wider than the leaders, the requests that ask her union or a unit she
    belongs to (or one above it): its members answer them personally."""
    st = standing(user)
    if st.is_superuser:
        return SolidarityRequest.objects.all()
    if st.person is None:
        return SolidarityRequest.objects.none()
    led = led_organisation_ids(user)
    mine = st.organisation_ids()
    chain: set[int] = set()
    for m in st.memberships:
        if m.unit is not None:
            chain |= {m.unit.pk, *(u.pk for u in m.unit.ancestors())}
    through = SolidarityRequest.audiences.through.objects
    units = SolidarityRequest.units.through.objects
    shared = SolidarityRequest.shared_with.through.objects.filter(
        organisation_id__in=st.organisation_ids(MANAGING_ROLES)
    ).values("solidarityrequest_id")
    asks_her_leaders = (
        Q(pk__in=through.filter(organisation_id__in=led).values(
            "solidarityrequest_id"))
        | Q(pk__in=units.filter(unit__organisation_id__in=led).values(
            "solidarityrequest_id"))
    )  # fmt: skip
    asks_her = (
        Q(pk__in=through.filter(organisation_id__in=mine).values(
            "solidarityrequest_id"))
        | Q(pk__in=units.filter(unit_id__in=chain).values("solidarityrequest_id"))
    )  # fmt: skip
    return SolidarityRequest.objects.filter(
        Q(organisation_id__in=led)
        | Q(pk__in=shared)
        | Q(status__in=VISIBLE_STATUSES)
        & (
            asks_her_leaders
            | audience_q(user)
            | (asks_her & ~Q(audience=Audience.LEADERS))
        )
    )


def public_letters() -> QuerySet[Letter]:
    """Published letters for the public whose every signature that counts is
    confirmed: their public page."""
    unconfirmed = Signature.objects.active().filter(
        letter=OuterRef("pk"), confirmed_at__isnull=True
    )
    signed = Signature.objects.active().filter(letter=OuterRef("pk"))
    return Letter.objects.filter(
        Exists(signed),
        ~Exists(unconfirmed),
        status=Letter.Status.PUBLISHED,
        audience=Audience.PUBLIC,
    )


def visible_letters(user) -> QuerySet[Letter]:
    """Its union's leaders and signatories, the spaces it is shared into; once
    published, its audience (a letter for the public: once every signature is
    confirmed, on its public page)."""
    st = standing(user)
    if st.is_superuser:
        return Letter.objects.all()
    if st.person is None:
        return Letter.objects.none()
    return Letter.objects.filter(
        Q(organisation_id__in=led_organisation_ids(user))
        | Q(
            pk__in=Signature.objects.active()
            .filter(person=st.person)
            .values("letter_id")
        )
        | Q(pk__in=ids_shared_with(user, Letter))
        | Q(pk__in=public_letters().values("pk"))
        | Q(status=Letter.Status.PUBLISHED)
        & ~Q(audience=Audience.PUBLIC)
        & audience_q(user)
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
    """The languages of the unions asked (whole, or through their locals and
    sections) that the request is not yet translated into."""
    needed = {o.default_language for o in req.audiences.all()} | {
        u.organisation.default_language
        for u in req.units.select_related("organisation")
    }
    needed -= {req.language}
    have = set(req.translations_for("title")) & set(req.translations_for("body"))
    return sorted(needed - have)


def signatory_choices() -> QuerySet[Person]:
    """People who may co-sign: the administrators, staff and officers of any union
    (their offices are public)."""
    return Person.objects.filter(
        memberships__role__in=LEADING_ROLES, memberships__ended_on__isnull=True
    ).distinct()


def open_to_her(user, limit: int = 5) -> dict[str, list]:
    """Her unions' strikes on now, active campaigns and published requests written
    for their members (any audience wider than the leaders) that reach her: the
    member's home lists them."""
    unions = standing(user).organisation_ids()
    wider = ~Q(audience=Audience.LEADERS)
    strikes = (
        visible_strikes(user)
        .filter(wider, campaign__organisation_id__in=unions, ended_on__isnull=True)
        .select_related("unit", "worksite__employer", "campaign__organisation")
        .order_by("started_on")
    )
    campaigns = (
        visible_campaigns(user)
        .filter(wider, organisation_id__in=unions, status=Campaign.Status.ACTIVE)
        .select_related("organisation")
    )
    requests = (
        visible_requests(user)
        .filter(
            wider,
            organisation_id__in=unions,
            status=SolidarityRequest.Status.PUBLISHED,
        )
        .select_related("organisation")
    )
    return {
        "strikes": list(strikes[:limit]),
        "campaigns": list(campaigns[:limit]),
        "requests": list(requests[:limit]),
    }


# --- Pages: what each page of the hub lists -------------------------------------------


def campaign_list(user) -> QuerySet[Campaign]:
    return visible_campaigns(user).select_related("organisation", "employer")


def request_list(user) -> QuerySet[SolidarityRequest]:
    return visible_requests(user).select_related("organisation")


def hub_records(user) -> dict[str, Any]:
    """What the hub lists for the person: campaigns, requests, letters, her unions'
    latest alerts, strikes and organizing targets she may see."""
    return {
        "campaigns": campaign_list(user),
        "requests": request_list(user),
        "letters": visible_letters(user).select_related("organisation"),
        "alerts": recent_alerts(user),
        "strikes": visible_strikes(user).select_related(
            "worksite__employer", "unit__organisation"
        ),
        "targets": visible_targets(user).select_related("worksite__employer"),
    }


def visible_events(user) -> QuerySet[Event]:
    """The events whose audience reaches the person (the organising union's leaders
    always)."""
    if standing(user).is_superuser:
        return Event.objects.all()
    return Event.objects.filter(audience_q(user))


def events_by_next_date(user, today: date) -> list[tuple[Event, date]]:
    """Every event she may see with the date it next happens (annual ones repeat),
    soonest first."""
    events = (
        visible_events(user)
        .select_related("organisation", "campaign", "audience_unit")
        .prefetch_related("delegations__organisation", "delegations__unit")
    )
    return sorted(((e, e.next_date(today)) for e in events), key=lambda pair: pair[1])


def upcoming_events(user, today: date, limit: int = 6) -> list[Event]:
    """The next events she may see from ``today`` on."""
    events = visible_events(user).select_related("organisation")
    dated = sorted(((e.next_date(today), e) for e in events), key=lambda p: p[0])
    return [e for day, e in dated if day >= today][:limit]


def answers_of(person: Person | None, today: date) -> dict[int, Rsvp]:
    """Her answers to the events' coming dates, by event."""
    if person is None:
        return {}
    return {
        rsvp.event_id: rsvp
        for rsvp in Rsvp.objects.filter(person=person, occurs_on__gte=today)
    }


def answer_counts(events: list[Event], today: date) -> dict[int, dict[str, int]]:
    """For each event, how many answered yes, maybe and no for its next date."""
    counts: dict[int, dict[str, int]] = {}
    rows = (
        Rsvp.objects.filter(event__in=events, occurs_on__gte=today)
        .values("event_id", "occurs_on", "answer")
        .annotate(n=Count("pk"))
    )
    next_dates = {e.pk: e.next_date(today) for e in events}
    for row in rows:
        if row["occurs_on"] == next_dates.get(row["event_id"]):
            counts.setdefault(row["event_id"], {})[row["answer"]] = row["n"]
    return counts


def answers_to(event: Event, today: date) -> QuerySet[Rsvp]:
    """Who answered the event's next date: its organisers' list."""
    return Rsvp.objects.filter(
        event=event, occurs_on=event.next_date(today)
    ).select_related("person")


def events_with_owner() -> QuerySet[Event]:
    return Event.objects.select_related("organisation", "audience_unit")


def campaigns_with_owner() -> QuerySet[Campaign]:
    """Campaigns with their union, employer and worksite (their pages show them)."""
    return Campaign.objects.select_related("organisation", "employer", "worksite")


def campaign_records(user, campaign: Campaign) -> dict[str, Any]:
    """What a campaign's page lists: its timeline, strikes, organizing targets and
    team, and the requests and letters about it the person may see."""
    return {
        "timeline": campaign.timeline.select_related("organisation", "strike"),
        "strikes": campaign.strikes.select_related("worksite", "unit"),
        "targets": campaign.organizing_targets.select_related("worksite__employer"),
        "requests": visible_requests(user).filter(campaign=campaign),
        "letters": visible_letters(user).filter(campaign=campaign),
        "team": campaign.team.all(),
    }


def team_candidates(user, campaign: Campaign | None = None) -> QuerySet[Person]:
    """People the person may add to a campaign's team: those she may see (and not on
    the team yet)."""
    people = visible_people(user)
    if campaign is not None:
        people = people.exclude(pk__in=campaign.team.values("pk"))
    return people


def led_campaign(user, pk: Any) -> Campaign | None:
    """A campaign of a union the person leads (a request may be about it)."""
    return (
        visible_campaigns(user)
        .filter(pk=pk, organisation_id__in=led_organisation_ids(user))
        .first()
    )


def strikes_with_campaign() -> QuerySet[Strike]:
    return Strike.objects.select_related(
        "campaign__organisation", "worksite__employer", "unit__organisation"
    )


def strike_support(strike: Strike) -> tuple[list, list[tuple[str, int, int]]]:
    """The support actions for a strike, and how many each union did (with the width
    of its bar, out of 100, against the most active union)."""
    support = list(strike.support_actions.select_related("organisation"))
    by_org: dict[str, int] = {}
    for entry in support:
        name = str(entry.organisation or strike.campaign.organisation)
        by_org[name] = by_org.get(name, 0) + 1
    top = max(by_org.values(), default=1)
    return support, [(name, n, round(100 * n / top)) for name, n in by_org.items()]


def targets_with_campaign() -> QuerySet[OrganizingTarget]:
    return OrganizingTarget.objects.select_related(
        "campaign__organisation", "worksite__employer"
    )


def requests_with_campaign() -> QuerySet[SolidarityRequest]:
    return SolidarityRequest.objects.select_related(
        "organisation", "campaign", "strike", "created_by"
    )


def strikes_of(organisation_id: int) -> QuerySet[Strike]:
    """The strikes of a union's campaigns (a request may be about one)."""
    return Strike.objects.filter(campaign__organisation_id=organisation_id)


def pledges_with_request() -> QuerySet[Pledge]:
    return Pledge.objects.select_related("request", "organisation", "unit")


def alerts_about(user, req: SolidarityRequest) -> QuerySet[Alert]:
    """The alerts the person's unions sent about the request."""
    return req.alerts.filter(organisation_id__in=led_organisation_ids(user))


def letters_with_owner() -> QuerySet[Letter]:
    return Letter.objects.select_related("organisation")


def signatures_of(letter: Letter) -> QuerySet[Signature]:
    """The signatures that count and are printed: none withdrawn."""
    return letter.signatures.active().select_related("person", "organisation")


def all_signatures_of(letter: Letter) -> QuerySet[Signature]:
    """Every signature, the withdrawn ones too: what the letter's union manages."""
    return letter.signatures.select_related("person", "organisation", "recorded_by")


def open_invitations_of(letter: Letter) -> list[SignatureInvitation]:
    """Invitations not yet used nor revoked (the expired ones say so)."""
    return list(
        letter.invitations.filter(used_at=None, revoked_at=None).select_related(
            "signature__organisation"
        )
    )


def invitations_with_letter() -> QuerySet[SignatureInvitation]:
    return SignatureInvitation.objects.select_related("letter__organisation")


def invitation_by_token(token: str) -> SignatureInvitation | None:
    return (
        SignatureInvitation.objects.select_related(
            "letter__organisation", "signature__organisation"
        )
        .filter(token_hash=token_hash(token or ""))
        .first()
    )


def confirmed_individuals_of(letter: Letter) -> QuerySet[IndividualSignature]:
    """The names individuals added and confirmed, in the order they signed."""
    return letter.individual_signatures.filter(
        confirmed_at__isnull=False
    ).select_related("organisation")


def my_individual_signature(user, letter: Letter) -> IndividualSignature | None:
    person = standing(user).person
    if person is None:
        return None
    return letter.individual_signatures.filter(person=person).first()


def individual_by_token(token: str) -> IndividualSignature | None:
    if not token:
        return None
    return (
        IndividualSignature.objects.select_related("letter")
        .filter(token_hash=token_hash(token), confirmed_at=None)
        .first()
    )


def member_union_of(person: Person) -> Organisation | None:
    """The union a member's name is shown with: her first current membership's."""
    membership = (
        Membership.objects.current()
        .filter(person=person)
        .select_related("organisation")
        .order_by("id")
        .first()
    )
    return membership.organisation if membership else None


def co_signing_organisations(letter: Letter) -> list[Organisation]:
    """The letter's union, then every organisation that co-signs it, once each:
    the letterheads of its PDF."""
    orgs = [letter.organisation]
    for s in signatures_of(letter):
        if s.organisation not in orgs:
            orgs.append(s.organisation)
    return orgs


def signatures_with_letter() -> QuerySet[Signature]:
    return Signature.objects.select_related("letter")


def public_letter_pages() -> QuerySet[Letter]:
    """The letters on their public page, with their union."""
    return public_letters().select_related("organisation")
