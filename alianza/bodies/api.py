from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from alianza.lib.http import ApiRequest, Pages, one_of
from alianza.lib.permissions import get_changeable, get_visible
from alianza.orgs.models import Organisation, Person
from alianza.spaces.models import JointSpace

from . import actions
from .models import Body, Seat
from .selectors import visible_bodies_with_seats

router = Router(tags=["bodies and seats"])


class SeatOut(Schema):
    id: int
    kind: str = one_of(Seat, "kind")
    title: str
    holder_id: int | None
    holder_name: str | None = Field(None, alias="holder.name")
    representing: str = Field(..., alias="representing.slug")
    can_speak: bool
    can_vote: bool
    is_member: bool
    counts_for_quorum: bool


class BodyOut(Schema):
    id: int
    name: str
    kind: str = one_of(Body, "kind")
    organisation: str | None = Field(None, alias="organisation.slug")
    space: str | None = Field(None, alias="space.slug")
    quorum_rule: str
    quorum_required: int
    seats: list[SeatOut]

    @staticmethod
    def resolve_quorum_required(obj: Body) -> int:
        return obj.quorum_required()

    @staticmethod
    def resolve_seats(obj: Body) -> list:
        return list(obj.seats.all())


class SeatIn(Schema):
    kind: str = one_of(Seat, "kind")
    representing: str
    holder_id: int | None = None
    title: str = ""
    can_speak: bool | None = None
    can_vote: bool | None = None


class BodyIn(Schema):
    name: str
    kind: str = one_of(Body, "kind")
    language: str
    organisation: str | None = None
    space: str | None = None
    short_name: str = ""
    description: str = ""
    quorum_rule: str = "majority"
    quorum_number: int | None = None


@router.get("", response=list[BodyOut])
@paginate(Pages)
def bodies(request: ApiRequest):
    return visible_bodies_with_seats(request.auth)


@router.post("", response={201: BodyOut})
def body_create(request: ApiRequest, payload: BodyIn):
    data = payload.dict()
    organisation = space = None
    if data.pop("organisation"):
        organisation = get_object_or_404(Organisation, slug=payload.organisation)
    if data.pop("space"):
        space = get_object_or_404(JointSpace, slug=payload.space)
    created = actions.create_body(
        request.auth, organisation=organisation, space=space, **data
    )
    return Status(201, created)


@router.get("/{body_id}", response=BodyOut)
def body(request: ApiRequest, body_id: int):
    return get_visible(
        request.auth, visible_bodies_with_seats(request.auth), None, pk=body_id
    )


@router.post("/{body_id}/seats", response={201: SeatOut})
def seat_create(request: ApiRequest, body_id: int, payload: SeatIn):
    obj: Body = get_changeable(
        request.auth, visible_bodies_with_seats(request.auth), "bodies.change_body",
        pk=body_id,
    )  # fmt: skip
    holder: Person | None = None
    if payload.holder_id is not None:
        holder = get_visible(
            request.auth, Person, "orgs.view_person", pk=payload.holder_id
        )
    seat = actions.assign_seat(
        request.auth,
        obj,
        kind=payload.kind,
        representing=get_object_or_404(Organisation, slug=payload.representing),
        holder=holder,
        title=payload.title,
        can_speak=payload.can_speak,
        can_vote=payload.can_vote,
    )
    return Status(201, seat)
