from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alianza.multilingual.models import Multilingual


class Meeting(models.Model):
    """A meeting of a body: its attendance, speakers and votes."""

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        OPEN = "open", _("In session")
        CLOSED = "closed", _("Closed")

    body = models.ForeignKey(
        "bodies.Body", on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(_("title of the meeting"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    mode = models.CharField(
        _("mode"), max_length=16, choices=Mode.choices, default=Mode.IN_PERSON
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    language = models.CharField(
        _("language of the meeting"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="en",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SCHEDULED
    )

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.body}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("governance:meeting", args=[self.pk])


class Attendance(models.Model):
    """Who is present, seat by seat: checked in by themselves or by the secretary."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendance"
    )
    seat = models.ForeignKey(
        "bodies.Seat", on_delete=models.CASCADE, related_name="attendance"
    )
    checked_in_at = models.DateTimeField(default=timezone.now)
    by_secretary = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "seat"], name="present_once")
        ]

    def __str__(self) -> str:
        return f"{self.seat} @ {self.meeting}"


class SpeakerRequest(models.Model):
    """A request to speak. Observers may be put on the list: they speak, not vote."""

    class Kind(models.TextChoices):
        SPEAK = "speak", _("To speak")
        POINT_OF_ORDER = "point_of_order", _("Point of order")
        FOR = "for", _("For the motion")
        AGAINST = "against", _("Against the motion")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="speakers"
    )
    seat = models.ForeignKey("bodies.Seat", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(
        _("kind"), max_length=16, choices=Kind.choices, default=Kind.SPEAK
    )
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    limit_seconds = models.PositiveSmallIntegerField(default=180)

    class Meta:
        ordering = ["requested_at"]
        verbose_name = _("request to speak")
        verbose_name_plural = _("speakers list")

    def __str__(self) -> str:
        return f"{self.seat} ({self.kind})"


class Motion(Multilingual):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ON_AGENDA = "on_agenda", _("On the agenda")
        DEBATED = "debated", _("Debated")
        ADOPTED = "adopted", _("Adopted")
        REJECTED = "rejected", _("Rejected")
        REFERRED = "referred", _("Referred")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    TRANSLATABLE_FIELDS = ("text",)

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="motions"
    )
    number = models.PositiveSmallIntegerField()
    text = models.TextField(_("text of the motion"))
    proposer = models.ForeignKey(
        "bodies.Seat", on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SUBMITTED
    )

    class Meta:
        ordering = ["meeting", "number"]
        verbose_name = _("motion")
        verbose_name_plural = _("motions")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"], name="motion_number_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.meeting} #{self.number}"

    def get_absolute_url(self) -> str:
        return self.meeting.get_absolute_url() + f"#motion-{self.number}"


class Vote(models.Model):
    """A vote on a motion, named (roll call) or by show of hands counted by the secretary."""

    class Method(models.TextChoices):
        ROLL_CALL = "roll_call", _("Roll call")
        SHOW_OF_HANDS = "show_of_hands", _("Show of hands")

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

    class Meta:
        ordering = ["opened_at"]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")

    def __str__(self) -> str:
        return f"{self.motion} ({self.method})"

    @property
    def explanation(self) -> str:
        """The result and the rule that decided it, in the reader's language."""
        from .actions import decide

        return decide(self, self.voting_weight)[1] if self.closed_at else ""


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

    class Meta:
        verbose_name = _("named vote")
        verbose_name_plural = _("named votes")
        constraints = [
            models.UniqueConstraint(fields=["vote", "seat"], name="one_ballot_per_seat")
        ]

    def __str__(self) -> str:
        return f"{self.seat}: {self.choice}"
