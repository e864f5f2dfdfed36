import rules

from .selectors import coordinated_spaces, visible_spaces
from .shared_ground import coordinating_unions_acted_for, unions_answering_for


@rules.predicate
def is_participant(user, space) -> bool:
    return space is not None and visible_spaces(user).filter(pk=space.pk).exists()


@rules.predicate
def is_coordinator(user, space) -> bool:
    return space is not None and coordinated_spaces(user).filter(pk=space.pk).exists()


@rules.predicate
def sees_share(user, share) -> bool:
    """A share is seen by those who take part in the space it was made into."""
    return share is not None and is_participant(user, share.space)


@rules.predicate
def proposes_for_a_coordinating_union(user, space) -> bool:
    """Acts for a union that coordinates the space: she may propose what concerns the
    space as a whole (it takes effect when every coordinating union has accepted)."""
    return space is not None and bool(coordinating_unions_acted_for(user, space))


@rules.predicate
def sees_proposal(user, proposal) -> bool:
    return proposal is not None and is_participant(user, proposal.space)


@rules.predicate
def answers_proposal(user, proposal) -> bool:
    """A pending proposal is answered, once, by each coordinating union that has not
    answered it yet, through its administrators and staff."""
    if proposal is None or not proposal.is_pending:
        return False
    answered = {a.organisation_id for a in proposal.answers.all()}
    return bool(unions_answering_for(user, proposal.space, answered))


rules.add_perm("spaces.view_jointspace", is_participant)
rules.add_perm("spaces.view_share", sees_share)
rules.add_perm("spaces.change_jointspace", is_coordinator)
rules.add_perm("spaces.add_participant", proposes_for_a_coordinating_union)
rules.add_perm("spaces.propose", proposes_for_a_coordinating_union)
rules.add_perm("spaces.view_proposal", sees_proposal)
rules.add_perm("spaces.answer_proposal", answers_proposal)


@rules.predicate
def sees_participant(user, participant) -> bool:
    return participant is not None and is_participant(user, participant.space)


@rules.predicate
def coordinates_space_of(user, record) -> bool:
    """A participant's title or a proposal's is translated by the space's
    coordinators (each translation names the union it was written for)."""
    return record is not None and is_coordinator(user, record.space)


rules.add_perm("spaces.view_participant", sees_participant)
rules.add_perm("spaces.change_participant", coordinates_space_of)
rules.add_perm("spaces.change_proposal", coordinates_space_of)
