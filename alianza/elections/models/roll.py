"""The roll and the polling station: voters, replaced credentials, provisional
voters, check-ins and incidents."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alianza.lib.when import in_zone

from .election import Election, Role


class Voter(models.Model):
    class Exclusion(models.TextChoices):
        """Lines of a Mexican strike consultation's roll whose votes the law does not
        count (Federal Labour Law, art. 931, IV): kept on the roll, given no
        credential."""

        CONFIDENCE = "confidence", _("Confidence employee (LFT art. 931, IV)")
        HIRED_AFTER_NOTICE = (
            "hired_after_notice",
            _("Hired after the strike notice (LFT art. 931, IV)"),
        )

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="voters"
    )
    name = models.CharField(_("name"), max_length=200)
    worker_number = models.CharField(_("worker number"), max_length=40, blank=True)
    curp = models.CharField("CURP", max_length=18, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="es"
    )
    weight = models.PositiveIntegerField(_("weight"), default=1)
    # The union whose delegate this is (a seat's ``representing``): only its
    # managers change the line.
    union = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("union"),
    )
    excluded = models.CharField(
        _("excluded"), max_length=24, choices=Exclusion.choices, blank=True
    )
    credential = models.CharField(max_length=64, blank=True)  # public, hex
    credential_sent_by = models.CharField(max_length=16, blank=True)
    voted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["election", "name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["election", "worker_number"],
                condition=~models.Q(worker_number=""),
                name="worker_number_once_per_roll",
            ),
            models.UniqueConstraint(
                fields=["election", "credential"],
                condition=~models.Q(credential=""),
                name="credential_once_per_roll",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def votes(self) -> bool:
        """On the roll to vote, not a line the law excludes."""
        return not self.excluded


class CredentialReplacement(models.Model):
    """A voter's code replaced by the credential authority during the vote (lost
    or stolen): her line now holds the new public credential."""

    class Reason(models.TextChoices):
        LOST = "lost", _("Lost")
        STOLEN = "stolen", _("Stolen or seen by someone else")

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="replacements"
    )
    voter = models.ForeignKey(
        Voter, on_delete=models.CASCADE, related_name="replacements"
    )
    old = models.CharField(max_length=64)
    new = models.CharField(max_length=64)
    reason = models.CharField(max_length=16, choices=Reason.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["election", "at"]

    def __str__(self) -> str:
        return f"{self.voter} ({self.reason})"


class ProvisionalVoter(models.Model):
    """A worker missing from the roll who votes provisionally: her ballot is held
    apart until the election's administrator and an observer, two people, give
    the same answer on her eligibility. Not a line of the roll."""

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="provisional_voters"
    )
    name = models.CharField(_("name"), max_length=200)
    curp = models.CharField("CURP", max_length=18, blank=True)
    reason = models.CharField(_("why she is not on the roll"), max_length=500)
    credential = models.CharField(max_length=64, unique=True)  # public, hex
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    issued_at = models.DateTimeField(auto_now_add=True)
    voted_at = models.DateTimeField(null=True, blank=True)
    # Each decider's answer (None: not given); the decision once both agree.
    administrator = models.ForeignKey(
        Role, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    administrator_accepts = models.BooleanField(null=True, blank=True)
    observer = models.ForeignKey(
        Role, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    observer_accepts = models.BooleanField(null=True, blank=True)
    accepted = models.BooleanField(_("accepted"), null=True, blank=True)

    class Meta:
        ordering = ["election", "issued_at", "id"]

    def __str__(self) -> str:
        return self.name

    #: A provisional ballot counts once for one worker, like a roll line of weight 1.
    weight = 1

    @property
    def is_decided(self) -> bool:
        return self.accepted is not None

    @property
    def casts_ballots(self) -> bool:
        """Her code still casts ballots: she was not rejected."""
        return self.accepted is not False


class CheckIn(models.Model):
    """A worker on the roll checked in at the polling table, her ID compared with
    the roll's line. Never holds her voting code. When she votes assisted, the
    assistant she chose and her statement are recorded (never an official of the
    election)."""

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="check_ins"
    )
    voter = models.OneToOneField(
        Voter, on_delete=models.CASCADE, related_name="check_in"
    )
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        "orgs.Person", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assistant_name = models.CharField(_("assistant's name"), max_length=200, blank=True)
    assistant_statement = models.TextField(_("the worker's statement"), blank=True)

    class Meta:
        ordering = ["election", "at", "id"]

    def __str__(self) -> str:
        return f"{self.voter} ({self.at:%Y-%m-%d %H:%M})"

    @property
    def is_assisted(self) -> bool:
        return bool(self.assistant_name)

    @property
    def at_in_words(self) -> str:
        """When, on the vote's clock, its zone named."""
        return in_zone(self.at, self.election.zone)


class Incident(models.Model):
    """Something that happened at the polling table, written as it happens by an
    administrator or observer of the election; it goes on the acta."""

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="incidents"
    )
    text = models.TextField(_("what happened"))
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        "orgs.Person", on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["election", "at", "id"]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def at_in_words(self) -> str:
        """When, on the vote's clock, its zone named."""
        return in_zone(self.at, self.election.zone)
