"""The public board: the events anyone may verify, and the trustees' ceremony
messages that go onto it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .election import Election


class BoardEvent(models.Model):
    """One line of the election's public board, exactly as published."""

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="board"
    )
    # Empty while a received ballot waits to be put on the board (``actions.sequence``).
    seq = models.PositiveIntegerField(null=True, blank=True)
    type = models.CharField(max_length=24)
    line = models.TextField()
    hash = models.CharField(max_length=64)
    tracker = models.CharField(max_length=64, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["election", "seq"]
        constraints = [
            models.UniqueConstraint(
                fields=["election", "seq"],
                condition=models.Q(seq__isnull=False),
                name="board_seq_once",
            ),
            models.UniqueConstraint(
                fields=["election", "tracker"],
                condition=~models.Q(tracker=""),
                name="ballot_once_on_the_board",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.election_id}#{self.seq} {self.type}"

    @property
    def label(self) -> str:
        """What the event is, in the reader's words."""
        return str(BOARD_EVENT_LABELS.get(self.type, self.type))


#: The board's event types (docs/voting-protocol.md), named for its readers.
BOARD_EVENT_LABELS = {
    "election": _("The election's parameters"),
    "trustee": _("A trustee's announcement"),
    "deal": _("A trustee's shares of the key"),
    "complaint": _("A complaint against a trustee's share"),
    "reveal": _("A share revealed to answer a complaint"),
    "key": _("The election key"),
    "credentials": _("The voters' public credentials"),
    "ballot": _("A ballot"),
    "authority": _("The credential authority's key"),
    "credential_replaced": _("A lost or stolen code replaced"),
    "provisional": _("A provisional credential issued"),
    "provisional_decided": _("A provisional ballot decided"),
    "close": _("The vote closed"),
    "tally": _("The ballots added up (still encrypted)"),
    "decryption": _("A trustee's decryption share"),
    "result": _("The result"),
}


class CeremonyMessage(models.Model):
    """A trustee's public message, kept until its phase is complete and it goes on
    the board in the order the protocol requires."""

    class Step(models.TextChoices):
        ANNOUNCE = "announce", _("Announcement")
        DEAL = "deal", _("Deal")
        CHECK = "check", _("Check of the shares")
        REVEAL = "reveal", _("Revealed shares")
        DECRYPT = "decrypt", _("Decryption share")

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="ceremony"
    )
    trustee = models.PositiveSmallIntegerField()
    step = models.CharField(max_length=16, choices=Step.choices)
    payload = models.JSONField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["election", "trustee", "step"], name="one_message_per_step"
            )
        ]

    def __str__(self) -> str:
        return f"{self.election_id} trustee {self.trustee}: {self.step}"
