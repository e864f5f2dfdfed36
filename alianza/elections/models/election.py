"""A vote: its kind, rule, calendar and state; the people with a part in it; the
steps its unions agree to."""

import uuid
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alianza.lib.when import in_zone, local_day

_CONTEXTS: dict[tuple[int, str], Any] = {}


class ParticipationAudience(models.TextChoices):
    """Who may see the list of who voted (the participation export, the statuses
    on the polling-table console): never how anyone voted."""

    OFFICIALS = "officials", _("The election's administrators and observers")
    ADMINISTRATORS = "administrators", _("The election's administrators only")
    MANAGERS = (
        "managers",
        _("The election's administrators, observers and the union's managers"),
    )


class Election(models.Model):
    class Kind(models.TextChoices):
        CONTRACT_APPROVAL = "contract_approval", _("Approval of a collective agreement")
        CONTRACT_REVISION = "contract_revision", _("Revision of a collective agreement")
        REPRESENTATION = "representation", _("Support for a representation certificate")
        LEGITIMATION = "legitimation", _("Legitimation of an existing agreement")
        STRIKE = "strike", _("Strike vote")
        RATIFICATION = "ratification", _("Ratification vote")
        OFFICERS = "officers", _("Election of officers")
        BODY = "body", _("Vote of a council or board")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        KEYS = "keys", _("Trustees' keys")
        CREDENTIALS = "credentials", _("Credentials issued")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        TALLIED = "tallied", _("Tallied")
        PUBLISHED = "published", _("Published")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # A union's own vote belongs to the union; a joint body's secret ballot belongs
    # to its joint space, run by every coordinating union of the space together.
    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="elections",
        verbose_name=_("organisation"),
    )
    space = models.ForeignKey(
        "spaces.JointSpace",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="elections",
        verbose_name=_("joint space"),
    )
    unit = models.ForeignKey(
        "orgs.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="elections",
        verbose_name=_("unit"),
    )
    worksite = models.ForeignKey(
        "employers.Worksite",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="elections",
        verbose_name=_("worksite"),
    )
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    question = models.CharField(_("question"), max_length=400)
    answers = models.JSONField(_("answers"), default=list)
    choose_min = models.PositiveSmallIntegerField(default=1)
    choose_max = models.PositiveSmallIntegerField(default=1)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="es"
    )
    covered_workers = models.PositiveIntegerField(
        _("covered workers"),
        null=True,
        blank=True,
        help_text=_("Workers the agreement or certificate covers (Mexico's rules)."),
    )
    contract_document = models.ForeignKey(
        "documents.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("text of the agreement"),
    )
    notice_on = models.DateField(
        _("voters notified and the text available from"), null=True, blank=True
    )
    roll_published_on = models.DateField(
        _("roll published to the members on"), null=True, blank=True
    )
    registry_number = models.CharField(
        _("registry number"),
        max_length=80,
        blank=True,
        help_text=_(
            "The labour registry's number of the collective agreement or of the "
            "union's registration, when known; it is written on the acta."
        ),
    )
    place = models.CharField(
        _("place of the vote"),
        max_length=200,
        blank=True,
        help_text=_("Where voters may vote in person, besides the booth's link."),
    )
    # The zone the vote's times are announced in; empty: the server's zone.
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    revote = models.BooleanField(
        _("voters may vote again until the close"), default=True
    )
    trustee_count = models.PositiveSmallIntegerField(_("trustees"), default=3)
    threshold = models.PositiveSmallIntegerField(
        _("trustees needed to decrypt"), default=2
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    # Public values of the election, as on its board.
    params = models.JSONField(null=True, blank=True)
    key = models.JSONField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)
    roll_frozen_at = models.DateTimeField(null=True, blank=True)
    # The board's last event, kept here so that appending locks one small row.
    head_seq = models.IntegerField(default=-1)
    head_hash = models.CharField(max_length=64, default="0" * 64)
    # The credential authority's public key (its ``authority`` event): it signs
    # the replacement of a lost or stolen code.
    authority_key = models.CharField(max_length=64, blank=True)
    # When the credential authority first had Alianza send codes by e-mail or SMS:
    # the server then saw them (the threat model and the acta say so). Empty when
    # she delivered them herself (letters printed and the SMS file from her browser).
    codes_seen_by_server_at = models.DateTimeField(null=True, blank=True)
    meeting_vote = models.OneToOneField(
        "governance.Vote",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="election",
    )
    participation_visible_to = models.CharField(
        _("who may see the list of who voted"),
        max_length=16,
        choices=ParticipationAudience.choices,
        default=ParticipationAudience.OFFICIALS,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("election")
        verbose_name_plural = _("elections")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False)
                | models.Q(space__isnull=False),
                name="election_held_by_a_union_or_a_space",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("elections:election", args=[self.uid])

    # Where the election stands, as its pages ask it.

    @property
    def is_draft(self) -> bool:
        """Still being prepared: its parts are named and its roll imported."""
        return self.status == self.Status.DRAFT

    @property
    def is_in_key_ceremony(self) -> bool:
        """The trustees are making the election key."""
        return self.status == self.Status.KEYS

    @property
    def is_ready_to_open(self) -> bool:
        """The credentials are issued: the vote can be opened."""
        return self.status == self.Status.CREDENTIALS

    @property
    def is_open(self) -> bool:
        """The vote is open: the booth takes ballots (until ``closes_at``)."""
        return self.status == self.Status.OPEN

    @property
    def awaits_shares(self) -> bool:
        """The vote is closed and added up: the trustees send decryption shares."""
        return self.status == self.Status.CLOSED

    @property
    def awaits_trustees(self) -> bool:
        """The trustees have a step to take (the key, or the decryption)."""
        return self.is_in_key_ceremony or self.awaits_shares

    @property
    def awaits_publication(self) -> bool:
        """The result is decrypted and not yet published."""
        return self.status == self.Status.TALLIED

    @property
    def result_is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def voting_is_over(self) -> bool:
        """The vote is closed: who took part can be exported."""
        return self.status in {
            self.Status.CLOSED,
            self.Status.TALLIED,
            self.Status.PUBLISHED,
        }

    @property
    def server_saw_codes(self) -> bool:
        return self.codes_seen_by_server_at is not None

    @property
    def is_joint(self) -> bool:
        """A joint body's ballot: run by every coordinating union of its space, and
        held once each has agreed (in a meeting or outside one)."""
        return self.space_id is not None

    @property
    def roll_is_the_seats(self) -> bool:
        """A meeting's ballot: its roll is the body's seats, none imported."""
        return self.meeting_vote_id is not None

    @property
    def held_by(self) -> Any:
        """Who holds the vote: the union, or the joint space."""
        return self.organisation if self.organisation_id else self.space

    @property
    def zone(self) -> ZoneInfo:
        """The zone the vote's times are announced in: its own, else its
        worksite's (a vote at a workplace counts the workplace's days), else its
        unit's, else the server's."""
        key = self.time_zone
        if not key and self.worksite_id and self.worksite is not None:
            key = self.worksite.zone_key
        if not key and self.unit_id and self.unit is not None:
            key = self.unit.zone_key
        return ZoneInfo(key or settings.TIME_ZONE)

    @property
    def opens_in_words(self) -> str:
        """The announced start, on the vote's clock, its zone named."""
        return in_zone(self.opens_at, self.zone)

    @property
    def closes_in_words(self) -> str:
        return in_zone(self.closes_at, self.zone)

    @property
    def needs_the_text(self) -> bool:
        """A vote on an agreement: its text is published before the vote."""
        return self.contract_document_id is not None

    @property
    def text_is_public(self) -> bool:
        """The agreement's text is open to everyone from the day voters are
        notified (the vote's local day)."""
        return (
            self.contract_document_id is not None
            and self.notice_on is not None
            and self.notice_on <= local_day(timezone.now(), self.zone)
        )

    @property
    def country(self) -> str:
        """The country of the bargaining unit, whose rules the vote follows."""
        return bargaining_country(self.organisation, self.unit, self.worksite)

    @property
    def actual_open(self) -> Any:
        """When the vote was really opened (its timeline), or None before."""
        step = self.steps.filter(status=self.Status.OPEN).order_by("at").first()
        return step.at if step else None

    @property
    def actual_close(self) -> Any:
        """When the vote was really closed (its timeline), or None while open."""
        step = self.steps.filter(status=self.Status.CLOSED).order_by("at").first()
        return step.at if step else None

    @property
    def election_id(self) -> str:
        return f"alianza-{self.uid}"

    @property
    def public_params(self) -> dict:
        if self.params is None:
            raise ValueError("the election has no parameters yet")
        return self.params

    @property
    def public_key(self) -> dict:
        if self.key is None:
            raise ValueError("the trustees have not made the key yet")
        return self.key

    def crypto(self) -> Any:
        """What every ballot is checked against (votecore's Election), kept per
        process: it is the same for every ballot of the election."""
        from votecore import api as vc

        cache_key = (self.pk, self.public_key["fingerprint"])
        found = _CONTEXTS.get(cache_key)
        if found is None:
            found = vc.election_from(self.public_params, self.public_key)
            if len(_CONTEXTS) > 64:
                _CONTEXTS.clear()
            _CONTEXTS[cache_key] = found
        return found


def bargaining_country(organisation: Any, unit: Any, worksite: Any) -> str:
    """Where the bargaining unit is: the worksite's country, else the unit's, else
    the union's when it works in one country only; "" when it cannot be told (a
    joint body's ballot, a union of several countries without a unit)."""
    if worksite is not None:
        return str(worksite.country)
    if unit is not None:
        return str(unit.country)
    countries = list(organisation.countries or []) if organisation is not None else []
    return str(countries[0]) if len(countries) == 1 else ""


class Role(models.Model):
    """Who has a part in the election. The credential authority and the trustees
    are people apart from the administrator; the employer has no part."""

    class Kind(models.TextChoices):
        ADMINISTRATOR = "administrator", _("Election administrator")
        CREDENTIAL_AUTHORITY = "credential_authority", _("Credential authority")
        TRUSTEE = "trustee", _("Trustee")
        AUDITOR = "auditor", _("Auditor")
        # Decides, with an administrator, the provisional ballots of workers
        # missing from the roll.
        OBSERVER = "observer", _("Observer")

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="roles"
    )
    person = models.ForeignKey(
        "orgs.Person", on_delete=models.PROTECT, related_name="election_roles"
    )
    kind = models.CharField(max_length=24, choices=Kind.choices)
    trustee_index = models.PositiveSmallIntegerField(null=True, blank=True)
    # On a joint body's ballot: the union that named the person.
    union = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["election", "person", "kind"], name="one_role_of_a_kind"
            ),
            models.UniqueConstraint(
                fields=["election", "trustee_index"], name="trustee_index_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.kind})"


class Step(models.Model):
    """The public timeline: each step of the election, who took it and when."""

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="steps"
    )
    status = models.CharField(max_length=16, choices=Election.Status.choices)
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        "orgs.Person", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.election}: {self.status}"


class StepAgreement(models.Model):
    """A coordinating union's agreement to a step that changes a joint body's whole
    ballot (hold it, begin the ceremony, open, close, publish): the first is the proposal,
    and the step is taken when every coordinating union has agreed."""

    class Kind(models.TextChoices):
        HOLD = "hold", _("Hold this ballot")
        BEGIN = "begin", _("Begin the trustees' key ceremony")
        KEYS_NOW = "keys_now", _("Make the key with the qualified trustees")
        OPEN = "open", _("Open the vote")
        CLOSE = "close", _("Close the vote")
        PUBLISH = "publish", _("Publish the result")

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="agreements"
    )
    step = models.CharField(max_length=16, choices=Kind.choices)
    union = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    by = models.ForeignKey(
        "orgs.Person", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["election", "step", "union"], name="one_agreement_per_union"
            )
        ]

    def __str__(self) -> str:
        return f"{self.election}: {self.step} ({self.union_id})"
