import math

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
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
    speaking_limit = models.PositiveSmallIntegerField(
        _("speaking time (seconds)"), default=180
    )
    current_item = models.ForeignKey(
        "AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.body}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("governance:meeting", args=[self.pk])

    @property
    def is_in_session(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class AgendaItem(models.Model):
    """One point of the agenda; points nest (1, 1.1, 1.2) and carry a duration."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda"
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("under"),
    )
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("item"), max_length=300)
    minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=10)

    class Meta:
        ordering = ["meeting", "position", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")

    def __str__(self) -> str:
        return self.title


class Proxy(models.Model):
    """An absent voting member's vote, carried by a member present at one meeting."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="proxies"
    )
    giver = models.ForeignKey("bodies.Seat", on_delete=models.CASCADE, related_name="+")
    carrier = models.ForeignKey(
        "bodies.Seat", on_delete=models.CASCADE, related_name="+"
    )
    given_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("proxy")
        verbose_name_plural = _("proxies")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "giver"], name="one_proxy_each")
        ]

    def __str__(self) -> str:
        return f"{self.giver} → {self.carrier}"


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
    # The alternate's seat, when an alternate sits for the absent member.
    alternate = models.ForeignKey(
        "bodies.Seat", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

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
    # Empty for a recommendation forwarded from a joint body.
    proposer = models.ForeignKey(
        "bodies.Seat", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SUBMITTED
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="motions",
        verbose_name=_("agenda item"),
    )
    amends = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="amendments",
    )
    line_from = models.PositiveSmallIntegerField(_("from line"), null=True, blank=True)
    line_to = models.PositiveSmallIntegerField(_("to line"), null=True, blank=True)
    replaced_text = models.TextField(
        blank=True
    )  # the lines an adopted amendment replaced

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

    def lines(self) -> list[tuple[int, str]]:
        """The text with line numbers, which amendments refer to."""
        return list(enumerate(self.text.splitlines() or [""], start=1))

    @property
    def is_decided(self) -> bool:
        """Adopted, rejected or withdrawn: no more support, amendments or votes."""
        return self.status in DECIDED

    @property
    def is_adopted(self) -> bool:
        return self.status == self.Status.ADOPTED


# Where a motion may go from each state; adopted and rejected come only from a vote.
MOTION_FLOW: dict[str, set[str]] = {
    Motion.Status.SUBMITTED: {"on_agenda", "referred", "withdrawn"},
    Motion.Status.ON_AGENDA: {"debated", "referred", "withdrawn"},
    Motion.Status.DEBATED: {"referred", "withdrawn"},
    Motion.Status.REFERRED: {"on_agenda", "withdrawn"},
}
DECIDED = frozenset(
    {Motion.Status.ADOPTED, Motion.Status.REJECTED, Motion.Status.WITHDRAWN}
)


class MotionSupport(models.Model):
    """A voting member who seconds a motion."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="support")
    seat = models.ForeignKey("bodies.Seat", on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["motion", "seat"], name="support_once")
        ]

    def __str__(self) -> str:
        return f"{self.seat} supports {self.motion}"


class MotionEvent(models.Model):
    """The history of a motion's states."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=16, choices=Motion.Status.choices)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.motion}: {self.status}"


class Forwarding(models.Model):
    """A joint body's adopted recommendation sent to one union's executive body,
    with that body's decision on it."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("Awaiting a decision")
        ADOPTED = "adopted", _("Adopted")
        REJECTED = "rejected", _("Rejected")
        REFERRED = "referred", _("Referred")

    recommendation = models.ForeignKey(
        Motion, on_delete=models.CASCADE, related_name="forwardings"
    )
    body = models.ForeignKey(
        "bodies.Body", on_delete=models.CASCADE, related_name="forwarded"
    )
    forwarded_at = models.DateTimeField(default=timezone.now)
    decision = models.CharField(
        _("decision"), max_length=16, choices=Decision.choices, default=Decision.PENDING
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    # The motion put before the receiving body; its vote records the decision.
    local_motion = models.OneToOneField(
        Motion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forwarded_from",
    )

    class Meta:
        ordering = ["forwarded_at", "id"]
        verbose_name = _("forwarded recommendation")
        verbose_name_plural = _("forwarded recommendations")
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "body"], name="forwarded_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.recommendation} → {self.body}"

    @property
    def is_pending(self) -> bool:
        """The receiving body has not decided yet."""
        return self.decision == self.Decision.PENDING

    @property
    def is_adopted(self) -> bool:
        return self.decision == self.Decision.ADOPTED


class FollowUp(models.Model):
    """Carrying out an adopted decision: who, by when, how far."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        BLOCKED = "blocked", _("Blocked")
        DONE = "done", _("Done")

    motion = models.ForeignKey(
        Motion, on_delete=models.CASCADE, related_name="follow_ups"
    )
    task = models.CharField(_("what is to be done"), max_length=300)
    owner = models.ForeignKey(
        "orgs.Person",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due"))
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NOT_STARTED
    )

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-up")

    def __str__(self) -> str:
        return self.task

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def is_blocked(self) -> bool:
        return self.status == self.Status.BLOCKED


class FollowUpUpdate(models.Model):
    follow_up = models.ForeignKey(
        FollowUp, on_delete=models.CASCADE, related_name="updates"
    )
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=16, choices=FollowUp.Status.choices)
    progress = models.PositiveSmallIntegerField(default=0)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.follow_up}: {self.status}"


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
    # For a secret ballot: the election that holds it (see secret.py).
    external_ref = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["opened_at"]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")

    def __str__(self) -> str:
        return f"{self.motion} ({self.method})"

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
    def explanation(self) -> str:
        """The result and the rule that decided it, in the reader's language."""
        return self.decide(self.voting_weight)[1] if self.closed_at else ""

    def decide(self, voting_weight: int) -> tuple[bool, str]:
        """The result of these counts by the vote's rule and, in words, the rule
        that decided it (``voting_weight``: of all the body's voting seats)."""
        yes, no, abstain = self.yes, self.no, self.abstain
        if self.threshold == Vote.Threshold.CAST:
            needed = (yes + no) // 2 + 1
        elif self.threshold == Vote.Threshold.PRESENT:
            needed = self.present // 2 + 1
        elif self.threshold == Vote.Threshold.ALL_SEATS:
            needed = voting_weight // 2 + 1
        else:
            needed = math.ceil((yes + no) * 2 / 3) or 1
        adopted = yes >= needed
        words = gettext("Adopted") if adopted else gettext("Rejected")
        explanation = ngettext(
            "%(result)s: %(yes)s yes, %(no)s no, %(abstain)s abstaining; %(needed)s yes vote "
            "was needed (%(rule)s).",
            "%(result)s: %(yes)s yes, %(no)s no, %(abstain)s abstaining; %(needed)s yes votes "
            "were needed (%(rule)s).",
            needed,
        ) % {
            "result": words, "yes": yes, "no": no, "abstain": abstain, "needed": needed,
            "rule": lower_first(str(Vote.Threshold(self.threshold).label)),
        }  # fmt: skip
        return adopted, str(explanation)


def lower_first(text: str) -> str:
    """A label used inside a sentence: "a majority of the votes cast"."""
    return text[:1].lower() + text[1:]


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


class Minutes(Multilingual):
    """The record of a meeting: assembled, edited by the secretary, approved at the
    next meeting of the body."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")

    TRANSLATABLE_FIELDS = ("text",)

    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, related_name="minutes"
    )
    text = models.TextField(_("minutes"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    updated_at = models.DateTimeField(auto_now=True)
    approved_at = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="approved_minutes",
        verbose_name=_("approved at"),
    )

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return f"{self.meeting}"

    def get_absolute_url(self) -> str:
        return reverse("governance:minutes", args=[self.meeting_id])

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED
