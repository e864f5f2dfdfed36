from datetime import date
from decimal import Decimal

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from alianza.employers.models import Employer
from alianza.lib.http import ApiRequest, one_of
from alianza.lib.permissions import get_visible
from alianza.orgs.models import Organisation

from . import actions, search, selectors
from .models import BargainingRound, Proposal

router = Router(tags=["contracts and bargaining"])


class AgreementOut(Schema):
    id: int
    title: str
    organisation: str = Field(..., alias="organisation.slug")
    employer: str = Field(..., alias="employer.slug")
    country: str
    language: str
    version: int
    effective_on: date | None
    expires_on: date | None
    parties: str
    coverage: str
    registry_number: str
    legitimation: str
    extraction: str


class ClauseOut(Schema):
    id: int
    article: str
    number: str
    heading: str
    topic: str
    text: str


class AgreementDetailOut(AgreementOut):
    clauses: list[ClauseOut]

    @staticmethod
    def resolve_clauses(obj) -> list:
        return list(obj.clauses.all())


class HitOut(Schema):
    agreement_id: int
    clause: ClauseOut
    passage: str
    match: str = Field(
        ...,
        description="direct: the clause holds the words searched; other_language: "
        "it says the same in another language (see reason)",
        json_schema_extra={"enum": ["direct", "other_language"]},
    )
    reason: str = Field(
        ..., description="Why the clause was found, in the caller's language"
    )


class ProposalOut(Schema):
    id: int
    side: str
    article: str
    topic: str
    summary: str
    text: str
    status: str = one_of(Proposal, "status")
    effect: str
    tabled_on: date
    current_language: str

    @staticmethod
    def resolve_current_language(obj: Proposal) -> str:
        return obj.clause.text if obj.clause else ""


class RoundOut(Schema):
    id: int
    title: str
    agreement_id: int
    status: str = one_of(BargainingRound, "status")
    opened_on: date
    proposals: list[ProposalOut]

    @staticmethod
    def resolve_proposals(obj) -> list:
        return selectors.proposals_with_clause(obj)


@router.get("/agreements", response=list[AgreementOut])
def agreements(request: ApiRequest, q: str = ""):
    """The agreements the caller may read; ``q``: those whose title, parties,
    employer or union hold every word of it (accents and case do not matter)."""
    return selectors.listed_agreements(request.auth, q)


class AgreementIn(Schema):
    organisation: str
    employer: str
    title: str
    language: str
    country: str
    text: str
    effective_on: date | None = None
    expires_on: date | None = None
    parties: str = ""
    coverage: str = ""
    annual_increases: list[Decimal] = []
    registry_number: str = ""
    legitimation: str = ""


@router.post("/agreements", response={201: AgreementDetailOut})
def agreement_create(request: ApiRequest, payload: AgreementIn):
    """Add an agreement from its text (files are uploaded on the page)."""
    data = payload.dict()
    organisation = get_object_or_404(Organisation, slug=data.pop("organisation"))
    employer = get_object_or_404(Employer, slug=data.pop("employer"))
    created = actions.add_agreement(
        request.auth, organisation, employer=employer, **data
    )
    return Status(201, created)


@router.get("/agreements/search", response=list[HitOut])
def search_clauses(
    request: ApiRequest,
    q: str,
    topic: str = "",
    country: str = "",
    limit: int = 50,
    other_languages: bool = True,
):
    """Up to ``limit`` clauses holding the words of ``q``, newest first; then (unless
    ``other_languages`` is false) up to ``limit`` clauses that say the same in
    another language: the same taxonomy topic, found through the equivalents of the
    query's terms (*antigüedad* finds *seniority*)."""
    limit = min(max(limit, 1), 200)
    filters = search.Filters(topic=topic, country=country)
    hits, _total = search.search(request.auth, q, filters, limit=limit)
    found = [
        {
            "agreement_id": h.clause.agreement_id,
            "clause": h.clause,
            "passage": h.passage,
            "match": "direct",
            "reason": _("The clause holds the words searched."),
        }
        for h in hits
    ]
    if other_languages:
        for group in search.across_languages(request.auth, q, filters, limit=limit):
            found += [
                {
                    "agreement_id": h.clause.agreement_id,
                    "clause": h.clause,
                    "passage": h.passage,
                    "match": "other_language",
                    "reason": group.reason,
                }
                for h in group.hits
            ]
    return found


@router.get("/agreements/{agreement_id}", response=AgreementDetailOut)
def agreement(request: ApiRequest, agreement_id: int):
    return get_visible(
        request.auth, selectors.readable_agreements(request.auth), None, pk=agreement_id
    )


@router.get("/bargaining-rounds/{round_id}", response=RoundOut)
def bargaining_round(request: ApiRequest, round_id: int):
    return get_visible(
        request.auth, selectors.visible_rounds(request.auth), None, pk=round_id
    )
