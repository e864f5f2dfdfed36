from decimal import Decimal

from django.http import Http404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from alianza.alerts import selectors as alerts
from alianza.alerts.models import Alert
from alianza.lib.http import ApiRequest, Pages, one_of
from alianza.lib.permissions import get_changeable, get_visible

from . import actions, comment_selectors, selectors
from . import pledge_selectors as pledging
from .models import (
    COMMENT_MAX_LENGTH,
    Ask,
    Campaign,
    Comment,
    PersonalPledge,
    Pledge,
    SolidarityRequest,
)

router = Router(tags=["solidarity"])


class CampaignOut(Schema):
    id: int
    organisation: str = Field(..., alias="organisation.slug")
    kind: str = one_of(Campaign, "kind")
    title: str
    status: str = one_of(Campaign, "status")
    language: str
    started_on: str | None
    employer: str | None = Field(None, alias="employer.slug")
    audience: str = one_of(Campaign, "audience")
    audience_unit_id: int | None

    @staticmethod
    def resolve_started_on(obj) -> str | None:
        return obj.started_on.isoformat() if obj.started_on else None


class PledgeOut(Schema):
    id: int
    organisation: str = Field(..., alias="organisation.slug")
    unit_id: int | None
    unit: str | None
    ask_id: int | None
    kind: str = one_of(Pledge, "kind")
    description: str
    amount: Decimal | None
    currency: str
    status: str = one_of(Pledge, "status")

    @staticmethod
    def resolve_unit(obj) -> str | None:
        return str(obj.unit) if obj.unit_id else None


class AskOut(Schema):
    id: int
    kind: str = one_of(Ask, "kind")
    description: str
    target: Decimal | None
    currency: str


class RequestOut(Schema):
    id: int
    organisation: str = Field(..., alias="organisation.slug")
    title: str
    body: str
    language: str
    status: str = one_of(SolidarityRequest, "status")
    deadline: str | None
    audiences: list[str]
    #: Who may read it once published (``audiences`` are the unions it asks).
    audience: str = one_of(SolidarityRequest, "audience")
    audience_unit_id: int | None
    #: Ids of the locals and sections asked by name.
    units: list[int]
    campaign_id: int | None
    strike_id: int | None
    asks: list[AskOut]
    #: The pledges whose makers the reader may know (her union's, or all of them
    #: for the requesting union's leaders); ``pledge_count`` counts every one.
    pledges: list[PledgeOut]
    pledge_count: int
    personal_pledge_count: int
    #: met, partly_met or not_met once closed; empty before.
    result: str = Field("", description="met, partly_met or not_met; empty before")
    outcome: str
    closed_at: str | None

    @staticmethod
    def resolve_deadline(obj) -> str | None:
        return obj.deadline.isoformat() if obj.deadline else None

    @staticmethod
    def resolve_closed_at(obj) -> str | None:
        return obj.closed_at.isoformat() if obj.closed_at else None

    @staticmethod
    def resolve_audiences(obj) -> list[str]:
        return [o.slug for o in obj.audiences.all()]

    @staticmethod
    def resolve_units(obj) -> list[int]:
        return [u.pk for u in pledging.asked_units(obj)]

    @staticmethod
    def resolve_asks(obj) -> list:
        return list(pledging.asks_of(obj))

    @staticmethod
    def resolve_pledges(obj, context) -> list:
        return pledging.pledge_table(context["request"].auth, obj)["pledges"]

    @staticmethod
    def resolve_pledge_count(obj) -> int:
        return pledging.pledge_count(obj)

    @staticmethod
    def resolve_personal_pledge_count(obj) -> int:
        return pledging.personal_pledge_count(obj)


class PledgeIn(Schema):
    organisation: str
    kind: str = one_of(Pledge, "kind")
    description: str
    amount: Decimal | None = None
    currency: str = ""
    unit_id: int | None = None
    ask_id: int | None = None


class PersonalPledgeIn(Schema):
    kind: str = one_of(PersonalPledge, "kind")
    note: str = ""


class PersonalPledgeOut(Schema):
    id: int
    request_id: int
    kind: str = one_of(PersonalPledge, "kind")
    note: str


class AudienceIn(Schema):
    """Who may see the record: ``unit`` needs one of its union's units."""

    audience: str = one_of(Campaign, "audience")
    audience_unit_id: int | None = None


class ProgressOut(Schema):
    """Each recipient counted once, in one state (``Delivery.state``)."""

    status: str = one_of(Alert, "status")
    recipients: int
    unreachable: int
    queued: int
    sent: int
    failed: int
    bounced: int
    acknowledged: int


@router.get("/campaigns", response=list[CampaignOut])
@paginate(Pages)
def campaigns(request: ApiRequest):
    return selectors.campaign_list(request.auth)


@router.put("/campaigns/{campaign_id}/audience", response=CampaignOut)
def campaign_audience(request: ApiRequest, campaign_id: int, data: AudienceIn):
    """Its union's leaders choose who may see the campaign."""
    campaign: Campaign = get_changeable(
        request.auth, selectors.campaigns_with_owner(), "solidarity.change_campaign",
        view="solidarity.view_campaign", pk=campaign_id,
    )  # fmt: skip
    unit = pledging.unit_by_id(data.audience_unit_id)
    if data.audience_unit_id and unit is None:
        raise Http404
    return actions.set_audience(request.auth, campaign, data.audience, unit)


@router.get("/requests", response=list[RequestOut])
@paginate(Pages)
def requests(request: ApiRequest):
    return selectors.request_list(request.auth)


@router.get("/requests/{request_id}", response=RequestOut)
def request_detail(request: ApiRequest, request_id: int):
    return get_visible(
        request.auth, selectors.visible_requests(request.auth), None, pk=request_id
    )


@router.post("/requests/{request_id}/pledges", response={201: PledgeOut})
def pledge(request: ApiRequest, request_id: int, data: PledgeIn):
    req: SolidarityRequest = get_visible(
        request.auth, selectors.visible_requests(request.auth), None, pk=request_id
    )
    organisation = pledging.organisation_by_slug(data.organisation)
    if organisation is None:
        raise Http404
    unit = pledging.unit_by_id(data.unit_id)
    if data.unit_id and unit is None:
        raise Http404
    ask = pledging.ask_of(req, data.ask_id)
    if data.ask_id and ask is None:
        raise Http404
    made = actions.pledge(
        request.auth, req, organisation=organisation, kind=data.kind,
        description=data.description, amount=data.amount, currency=data.currency,
        unit=unit, ask=ask,
    )  # fmt: skip
    return Status(201, made)


@router.post(
    "/requests/{request_id}/personal-pledges", response={201: PersonalPledgeOut}
)
def personal_pledge(request: ApiRequest, request_id: int, data: PersonalPledgeIn):
    """A member pledges what she will do herself on a published request she reads."""
    req: SolidarityRequest = get_visible(
        request.auth, selectors.visible_requests(request.auth), None, pk=request_id
    )
    made = actions.pledge_personally(request.auth, req, kind=data.kind, note=data.note)
    return Status(201, made)


@router.get("/alerts/{alert_id}/progress", response=ProgressOut)
def alert_progress(request: ApiRequest, alert_id: int):
    alert: Alert = get_visible(
        request.auth, alerts.alerts_with_owner(), "alerts.view_alert", pk=alert_id
    )
    counts = alerts.progress(alert)
    return {"status": alert.status, **counts.__dict__}


# --- Comments -------------------------------------------------------------------------


class CommentOut(Schema):
    """A comment: plain text. ``hidden`` (with its reason) reaches the record's
    union's leaders only; nobody else receives a hidden comment at all."""

    id: int
    author: str = Field(..., alias="author.name")
    body: str
    language: str
    created_at: str
    edited_at: str | None
    state: str = one_of(Comment, "state")
    hidden_reason: str

    @staticmethod
    def resolve_created_at(obj) -> str:
        return obj.created_at.isoformat()

    @staticmethod
    def resolve_edited_at(obj) -> str | None:
        return obj.edited_at.isoformat() if obj.edited_at else None


class CommentIn(Schema):
    body: str = Field(..., max_length=COMMENT_MAX_LENGTH)
    language: str = ""


def _campaign(request: ApiRequest, campaign_id: int) -> Campaign:
    return get_visible(
        request.auth, selectors.campaigns_with_owner(), "solidarity.view_campaign",
        pk=campaign_id,
    )  # fmt: skip


def _request(request: ApiRequest, request_id: int) -> SolidarityRequest:
    return get_visible(
        request.auth, selectors.visible_requests(request.auth), None, pk=request_id
    )


def _comments(request: ApiRequest, record: Campaign | SolidarityRequest):
    moderator = request.auth.has_perm("solidarity.moderate_comment", record)
    return comment_selectors.comments_on(record, moderator=moderator)


@router.get("/campaigns/{campaign_id}/comments", response=list[CommentOut])
@paginate(Pages)
def campaign_comments(request: ApiRequest, campaign_id: int):
    return _comments(request, _campaign(request, campaign_id))


@router.post("/campaigns/{campaign_id}/comments", response={201: CommentOut})
def campaign_comment(request: ApiRequest, campaign_id: int, data: CommentIn):
    made = actions.post_comment(
        request.auth, _campaign(request, campaign_id), body=data.body,
        language=data.language,
    )  # fmt: skip
    return Status(201, made)


@router.get("/requests/{request_id}/comments", response=list[CommentOut])
@paginate(Pages)
def request_comments(request: ApiRequest, request_id: int):
    return _comments(request, _request(request, request_id))


@router.post("/requests/{request_id}/comments", response={201: CommentOut})
def request_comment(request: ApiRequest, request_id: int, data: CommentIn):
    made = actions.post_comment(
        request.auth, _request(request, request_id), body=data.body,
        language=data.language,
    )  # fmt: skip
    return Status(201, made)
