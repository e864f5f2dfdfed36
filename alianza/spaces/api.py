from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from alianza.lib.http import ApiRequest

from .selectors import visible_spaces

router = Router(tags=["joint spaces"])


class ParticipantOut(Schema):
    organisation: str | None = Field(None, alias="organisation.slug")
    person_id: int | None
    role: str
    title: str


class SpaceOut(Schema):
    slug: str
    name: str
    kind: str
    participants: list[ParticipantOut]

    @staticmethod
    def resolve_participants(obj) -> list:
        return list(obj.participants.all())


def _spaces(user):
    return visible_spaces(user).prefetch_related("participants__organisation")


@router.get("", response=list[SpaceOut])
@paginate(PageNumberPagination)
def spaces(request: ApiRequest):
    return _spaces(request.auth).order_by("name")


@router.get("/{slug}", response=SpaceOut)
def space(request: ApiRequest, slug: str):
    return get_object_or_404(_spaces(request.auth), slug=slug)
