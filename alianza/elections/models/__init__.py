"""Secret-ballot votes a union runs: the roll, the people with a part in the
election, and its public board. The server keeps only public values: public
credentials, the trustees' public messages, ballots (encrypted), the result.

One module per topic; every model is named here."""

from .board import BOARD_EVENT_LABELS, BoardEvent, CeremonyMessage
from .election import (
    Election,
    ParticipationAudience,
    Role,
    Step,
    StepAgreement,
    bargaining_country,
)
from .roll import CheckIn, CredentialReplacement, Incident, ProvisionalVoter, Voter

__all__ = [
    "BOARD_EVENT_LABELS",
    "BoardEvent",
    "CeremonyMessage",
    "CheckIn",
    "CredentialReplacement",
    "Election",
    "Incident",
    "ParticipationAudience",
    "ProvisionalVoter",
    "Role",
    "Step",
    "StepAgreement",
    "Voter",
    "bargaining_country",
]
