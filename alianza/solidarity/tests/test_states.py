"""The questions templates ask of a record's state, answered by the model."""

from alianza.elections.models import Election
from alianza.solidarity.models import (
    Campaign,
    Letter,
    OrganizingTarget,
    Pledge,
    SolidarityRequest,
)


def test_a_campaign_says_whether_it_organizes():
    assert Campaign(kind=Campaign.Kind.ORGANIZING).is_organizing
    assert not Campaign(kind=Campaign.Kind.POLICY).is_organizing


def test_a_request_says_where_it_stands():
    Status = SolidarityRequest.Status
    answers = {
        status: (
            SolidarityRequest(status=status).is_draft,
            SolidarityRequest(status=status).is_vetted,
            SolidarityRequest(status=status).is_published,
            SolidarityRequest(status=status).is_in_preparation,
        )
        for status in Status
    }
    assert answers == {
        Status.DRAFT: (True, False, False, True),
        Status.VETTED: (False, True, False, True),
        Status.PUBLISHED: (False, False, True, False),
        Status.CLOSED: (False, False, False, False),
    }


def test_a_pledge_and_a_letter_say_where_they_stand():
    assert Pledge(status=Pledge.Status.DONE).is_done
    assert not Pledge(status=Pledge.Status.PLEDGED).is_done
    draft, published = Letter(), Letter(status=Letter.Status.PUBLISHED)
    assert (draft.is_draft, draft.is_published) == (True, False)
    assert (published.is_draft, published.is_published) == (False, True)


def test_a_target_says_whether_its_vote_of_support_is_published():
    target = OrganizingTarget()
    assert not target.support_vote_published
    target.representation_election = Election(status=Election.Status.TALLIED)
    assert not target.support_vote_published
    target.representation_election.status = Election.Status.PUBLISHED
    assert target.support_vote_published
