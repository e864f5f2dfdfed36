"""The seam through which a meeting's secret ballot is held by the elections
capability: a weighted vote of the members present, verifiable like any election.

Until a provider registers itself (the elections app does, in its ``ready()``),
secret ballots are not offered, and asking for one is refused with a clear message.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from alianza.bodies.models import Seat

    from .models import Vote


class SecretBallotProvider(Protocol):
    def open(self, vote: Vote, electorate: list[tuple[Seat, int]]) -> str:
        """Start a secret ballot for these seats and weights; return its reference."""
        ...

    def counts(self, vote: Vote) -> tuple[int, int, int] | None:
        """Weighted yes, no and abstain once tallied; None while still running."""
        ...


_provider: SecretBallotProvider | None = None


def register(provider: SecretBallotProvider | None) -> None:
    global _provider  # one provider per process, set at start-up
    _provider = provider


def provider() -> SecretBallotProvider | None:
    return _provider
