from datetime import datetime

from ninja import Field, Router, Schema
from ninja.pagination import paginate

from alianza.lib.http import ApiRequest, Pages, one_of
from alianza.lib.permissions import get_changeable, get_visible

from . import proposals as decisions
from .models import JointSpace, Participant, Proposal
from .selectors import proposals_of, proposals_with_space, spaces_with_participants

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


class AnswerOut(Schema):
    union: str = Field(..., alias="organisation.slug")
    accepted: bool
    answered_at: datetime


class ProposalOut(Schema):
    id: int
    space: str = Field(..., alias="space.slug")
    kind: str = one_of(Proposal, "kind")
    status: str = one_of(Proposal, "status")
    organisation: str | None = Field(None, alias="organisation.slug")
    unit_id: int | None
    # Empty for a proposal that adds no participant (a council's unit).
    role: str
    title: str
    proposed_for: str = Field(..., alias="proposed_for.slug")
    proposed_at: datetime
    decided_at: datetime | None
    answers: list[AnswerOut]

    @staticmethod
    def resolve_answers(obj) -> list:
        return list(obj.answers.all())


@router.get("/{slug}/proposals", response=list[ProposalOut])
@paginate(Pages)
def proposals(request: ApiRequest, slug: str):
    """The space's proposals, waiting ones first, each with the unions' answers."""
    space: JointSpace = get_visible(
        request.auth, JointSpace, "spaces.view_jointspace", slug=slug
    )
    return proposals_of(space)


def _answerable(request: ApiRequest, proposal_id: int):
    return get_changeable(
        request.auth,
        proposals_with_space(),
        "spaces.answer_proposal",
        view="spaces.view_proposal",
        pk=proposal_id,
    )


@router.post("/proposals/{proposal_id}/accept", response=ProposalOut)
def proposal_accept(request: ApiRequest, proposal_id: int):
    """Accept for the coordinating union one acts for; the last acceptance makes the
    proposal take effect."""
    return decisions.accept(request.auth, _answerable(request, proposal_id))


@router.post("/proposals/{proposal_id}/reject", response=ProposalOut)
def proposal_reject(request: ApiRequest, proposal_id: int):
    """Reject for the coordinating union one acts for: it will not take effect."""
    return decisions.reject(request.auth, _answerable(request, proposal_id))
