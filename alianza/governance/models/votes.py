"""Votes on motions and the named ballots of a roll call."""

import math

from django.db import models
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .motions import Motion, lower_first


class Vote(models.Model):
    """A vote on a motion, named (roll call) or by show of hands counted by the secretary."""

    class Method(models.TextChoices):
        ROLL_CALL = "roll_call", _("Roll call")
        SHOW_OF_HANDS = "show_of_hands", _("Show of hands")
        SECRET = "secret", _("Secret ballot")

    class Threshold(models.TextChoices):
        CAST = "cast", _("A majority of the votes cast")
        PRESENT = "present", _("A majority of the voting members present")
        ALL_SEATS = "all_seats", _("A majority of all voting seats")
        TWO_THIRDS = "two_thirds", _("Two thirds of the votes cast")

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="votes")
    method = models.CharField(_("method"), max_length=16, choices=Method.choices)
    threshold = models.CharField(_("rule"), max_length=16, choices=Threshold.choices)
    opened_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    present = models.PositiveSmallIntegerField(default=0)
    quorum_required = models.PositiveSmallIntegerField(default=0)
    yes = models.PositiveIntegerField(default=0)
    no = models.PositiveIntegerField(default=0)
    abstain = models.PositiveIntegerField(default=0)
    adopted = models.BooleanField(null=True)
    voting_weight = models.PositiveIntegerField(
        default=0
    )  # of all voting seats, at the close
    # Voting members present in person or by proxy (heads): at the close, or for a
    # secret ballot the roll it opened with.
    members_voting = models.PositiveSmallIntegerField(default=0)
    # For a secret ballot: the election that holds it (see secret.py).
    external_ref = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["opened_at"]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")

    def __str__(self) -> str:
        return f"{self.motion} ({self.method})"

    @property
    def counts_abstentions(self) -> bool:
        """The rule takes its majority of the members present or of all the seats:
        an abstaining member counts there (she is not set aside, as under the votes
        cast), so a secret ballot offers "abstain" as a choice."""
        return self.threshold in {self.Threshold.PRESENT, self.Threshold.ALL_SEATS}

    @property
    def is_roll_call(self) -> bool:
        """Named ballots, seat by seat."""
        return self.method == self.Method.ROLL_CALL

    @property
    def is_show_of_hands(self) -> bool:
        """Counted by the secretary."""
        return self.method == self.Method.SHOW_OF_HANDS

    @property
    def is_secret(self) -> bool:
        """Held by the elections capability (see ``secret``)."""
        return self.method == self.Method.SECRET

    @property
    def counts_heads(self) -> bool:
        """Under "a majority of the voting members present" each member present
        counts once, in person or by proxy, whatever her seat weighs."""
        return self.threshold == Vote.Threshold.PRESENT

    def weight_of(self, seat_weight: int) -> int:
        """What one seat's vote counts for under this vote's rule."""
        return 1 if self.counts_heads else seat_weight

    @property
    def explanation(self) -> str:
        """The result and the rule that decided it, in the reader's language."""
        return self.decide()[1] if self.closed_at else ""

    def decide(self) -> tuple[bool, str]:
        """The result of this vote's counts by its rule and, in words, the rule that
        decided it."""
        return self.decide_counts(self.yes, self.no, self.abstain)

    def decide_counts(self, yes: int, no: int, abstain: int) -> tuple[bool, str]:
        """The result of these counts by this vote's rule (a secret ballot's
        decrypted counts are decided here too, so that the meeting, the election
        and its certificate say the same). ``members_voting`` and
        ``voting_weight`` are the vote's own figures."""
        needed = yes_needed(
            self.threshold, yes, no, self.members_voting, self.voting_weight
        )
        adopted = yes >= needed
        values = {
            "result": gettext("Adopted") if adopted else gettext("Rejected"),
            "yes": number_format(yes, force_grouping=True),
            "no": number_format(no, force_grouping=True),
            "abstain": number_format(abstain, force_grouping=True),
            "needed": number_format(needed, force_grouping=True),
            "members": number_format(self.members_voting, force_grouping=True),
            "rule": lower_first(str(Vote.Threshold(self.threshold).label)),
        }
        if self.counts_heads:
            explanation = ngettext(
                "%(result)s: %(yes)s yes, %(no)s no, %(abstain)s abstaining of the "
                "%(members)s voting members present in person or by proxy, one vote "
                "each; %(needed)s yes vote was needed (%(rule)s).",
                "%(result)s: %(yes)s yes, %(no)s no, %(abstain)s abstaining of the "
                "%(members)s voting members present in person or by proxy, one vote "
                "each; %(needed)s yes votes were needed (%(rule)s).",
                needed,
            )
        else:
            explanation = ngettext(
                "%(result)s: %(yes)s yes, %(no)s no, %(abstain)s abstaining; "
                "%(needed)s yes vote was needed (%(rule)s).",
                "%(result)s: %(yes)s yes, %(no)s no, %(abstain)s abstaining; "
                "%(needed)s yes votes were needed (%(rule)s).",
                needed,
            )
        return adopted, str(explanation % values)


def yes_needed(
    threshold: str, yes: int, no: int, members_voting: int, voting_weight: int
) -> int:
    """The yes votes a motion needs under the body's rule: a majority of the votes
    cast (abstentions aside), of the voting members present (in person or by
    proxy, counted by heads), of all the voting seats (their weight), or two
    thirds of the votes cast. Never fewer than one."""
    if threshold == Vote.Threshold.CAST:
        return (yes + no) // 2 + 1
    if threshold == Vote.Threshold.PRESENT:
        return members_voting // 2 + 1
    if threshold == Vote.Threshold.ALL_SEATS:
        return voting_weight // 2 + 1
    return max(math.ceil((yes + no) * 2 / 3), 1)


class Ballot(models.Model):
    """One seat's named vote. The server refuses seats without the right to vote."""

    class Choice(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        ABSTAIN = "abstain", _("Abstain")

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="ballots")
    seat = models.ForeignKey("bodies.Seat", on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(max_length=8, choices=Choice.choices)
    weight = models.PositiveSmallIntegerField(default=1)
    cast_at = models.DateTimeField(default=timezone.now)
    # Who actually cast it when not the holder: a proxy carrier or an alternate.
    cast_for_by = models.ForeignKey(
        "bodies.Seat",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("named vote")
        verbose_name_plural = _("named votes")
        constraints = [
            models.UniqueConstraint(fields=["vote", "seat"], name="one_ballot_per_seat")
        ]

    def __str__(self) -> str:
        return f"{self.seat}: {self.choice}"
