from ninja import Field, Router, Schema
from ninja.pagination import paginate

from alianza.lib.http import ApiRequest, Pages, one_of
from alianza.lib.permissions import get_visible

from .models import JointSpace, Participant
from .selectors import spaces_with_participants

router = Router(tags=["joint spaces"])


class ParticipantOut(Schema):
    organisation: str | None = Field(None, alias="organisation.slug")
    person_id: int | None
    role: str = one_of(Participant, "role")
    title: str


class SpaceOut(Schema):
    slug: str
    name: str
    kind: str = one_of(JointSpace, "kind")
    participants: list[ParticipantOut]

    @staticmethod
    def resolve_participants(obj) -> list:
        return list(obj.participants.all())


@router.get("", response=list[SpaceOut])
@paginate(Pages)
def spaces(request: ApiRequest):
    return spaces_with_participants(request.auth)


@router.get("/{slug}", response=SpaceOut)
def space(request: ApiRequest, slug: str):
    return get_visible(
        request.auth, spaces_with_participants(request.auth), None, slug=slug
    )
