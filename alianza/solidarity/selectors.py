"""What a user may read of the solidarity work. Shared by rules, views and the API."""

from datetime import date
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from alianza.alerts.models import Alert
from alianza.alerts.selectors import recent_alerts
from alianza.orgs.models import Organisation, Person
from alianza.orgs.roles import LEADING_ROLES, MANAGING_ROLES
from alianza.orgs.selectors import standing, visible_people
from alianza.spaces.selectors import ids_shared_with

from .models import (
    Campaign,
    Event,
    Letter,
    OrganizingTarget,
    Pledge,
    Rsvp,
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


def led_organisations(user) -> QuerySet[Organisation]:
    """The unions the person leads: she writes campaigns, requests and letters for
    these, and records what they did."""
    return Organisation.objects.filter(pk__in=led_organisation_ids(user))


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
    """A union's own requests (for its leaders); drafts shared with a union (for
    its administrators and staff); and, published, the requests that ask the
    person's union, a unit she leads or belongs to (or one above it), or that her
    own union made (its members answer them personally)."""
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
    asked = (
        Q(organisation_id__in=mine)
        | Q(pk__in=through.filter(organisation_id__in=mine).values(
            "solidarityrequest_id"))
        | Q(pk__in=units.filter(unit__organisation_id__in=led).values(
            "solidarityrequest_id"))
        | Q(pk__in=units.filter(unit_id__in=chain).values("solidarityrequest_id"))
    )  # fmt: skip
    return SolidarityRequest.objects.filter(
        Q(organisation_id__in=led)
        | Q(pk__in=shared)
        | (Q(status__in=VISIBLE_STATUSES) & asked)
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


def events_by_next_date(today: date) -> list[tuple[Event, date]]:
    """Every event with the date it next happens (annual ones repeat), soonest first."""
    events = Event.objects.select_related("organisation", "campaign").prefetch_related(
        "delegations__organisation", "delegations__unit"
    )
    return sorted(((e, e.next_date(today)) for e in events), key=lambda pair: pair[1])


def upcoming_events(today: date, limit: int = 6) -> list[Event]:
    """The next events from ``today`` on."""
    events = Event.objects.select_related("organisation")
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


def all_events() -> QuerySet[Event]:
    return Event.objects.all()


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
    return letter.signatures.select_related("person", "organisation")


def signatures_with_letter() -> QuerySet[Signature]:
    return Signature.objects.select_related("letter")


def public_letter_pages() -> QuerySet[Letter]:
    """The letters on their public page, with their union."""
    return public_letters().select_related("organisation")
