"""Secret ballots of a meeting, held as elections: the governance seam's provider
(registered in ``apps.ElectionsConfig.ready``). It opens the ballot through the
elections' actions and reads its counts through their selectors."""

from typing import Any

from alianza.bodies.models import Seat

from .actions.meetings import open_meeting_ballot
from .selectors import meeting_ballot_counts


class MeetingBallots:
    def open(self, vote: Any, electorate: list[tuple[Seat, int]]) -> str:
        return str(open_meeting_ballot(vote, electorate).uid)

    def counts(self, vote: Any) -> tuple[int, int, int] | None:
        return meeting_ballot_counts(vote)
