import math
from zoneinfo import ZoneInfo

from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from alianza.lib.when import zone_of
from alianza.multilingual.models import Multilingual
from alianza.multilingual.text import render_for
from alianza.orgs.address import addressed, addressed_label


class Body(Multilingual):
    """A deliberating body: an executive board, a council, a commission.

    It belongs either to one organisation or to one joint space.
    """

    class Kind(models.TextChoices):
        EXECUTIVE_BOARD = "executive_board", _("Executive board")
        OVERSIGHT = "oversight", _("Oversight council")
        COUNCIL = "council", _("Council")
        COMMISSION = "commission", _("Commission")
        COMMITTEE = "committee", _("Committee")

    class QuorumRule(models.TextChoices):
        MAJORITY = "majority", _("A majority of the voting seats")
        TWO_THIRDS = "two_thirds", _("Two thirds of the voting seats")
        FIXED = "fixed", _("A fixed number of voting members")

    TRANSLATABLE_FIELDS = ("name", "short_name", "description")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="bodies",
        verbose_name=_("organisation"),
    )
    space = models.ForeignKey(
        "spaces.JointSpace",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="bodies",
        verbose_name=_("joint space"),
    )
    description = models.TextField(_("description"), blank=True)
    quorum_rule = models.CharField(
        _("quorum"),
        max_length=16,
        choices=QuorumRule.choices,
        default=QuorumRule.MAJORITY,
    )
    quorum_number = models.PositiveSmallIntegerField(
        _("fixed quorum"), null=True, blank=True
    )
    established_on = models.DateField(_("established"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        help_text=_("Where it usually meets. Empty for its union's zone."),
    )
    proxy_limit = models.PositiveSmallIntegerField(
        _("proxies per member"),
        default=1,
        help_text=_(
            "How many absent members' proxies one member may carry; 0 for none."
        ),
    )
    motion_supporters = models.PositiveSmallIntegerField(
        _("supporters a motion needs"),
        default=1,
        help_text=_("Voting members besides the mover, before it goes on the agenda."),
    )
    motion_states = models.JSONField(
        _("states a motion may take"),
        default=list,
        blank=True,
        help_text=_("Empty for all of them."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(organisation__isnull=False, space__isnull=True)
                    | models.Q(organisation__isnull=True, space__isnull=False)
                ),
                name="body_has_exactly_one_owner",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("bodies:body", args=[self.pk])

    @property
    def owner(self) -> models.Model:
        return self.organisation or self.space  # type: ignore[return-value]

    @property
    def zone_key(self) -> str:
        """Where it usually meets: its own zone, else its union's."""
        if self.time_zone:
            return self.time_zone
        return self.organisation.time_zone if self.organisation is not None else ""

    @property
    def zone(self) -> ZoneInfo:
        return zone_of(self.zone_key)

    @property
    def is_executive_board(self) -> bool:
        """A union's executive body: joint bodies' recommendations are sent to it."""
        return self.kind == self.Kind.EXECUTIVE_BOARD

    def audience_lines(self) -> list[str]:
        """Who can read this body, in words (mirrors ``selectors.visible_bodies``).
        Shares into joint spaces are added by the visibility panel."""
        if self.organisation is not None:
            lines = [str(_("Every member of %(org)s.")) % {"org": self.organisation}]
        elif self.space is not None:
            space = render_for(self.space, "name", get_language() or "en").text
            lines = [str(_("The participants of %(space)s.")) % {"space": space}]
        else:
            lines = []
        outside = {
            str(seat.representing)
            for seat in self.seats.select_related("representing")
            if seat.holder_id and seat.representing_id != self.organisation_id
        }
        if outside:
            lines.append(
                str(_("The holders of its seats, including those from %(orgs)s."))
                % {"orgs": ", ".join(sorted(outside))}
            )
        return lines

    def voting_seats(self) -> list["Seat"]:
        return [s for s in self.seats.all() if s.counts_for_quorum]

    def quorum_required(self) -> int:
        """How many voting members must be present, by the body's rule."""
        voting = len(self.voting_seats())
        if self.quorum_rule == self.QuorumRule.FIXED and self.quorum_number:
            return self.quorum_number
        if self.quorum_rule == self.QuorumRule.TWO_THIRDS:
            return math.ceil(voting * 2 / 3)
        return voting // 2 + 1 if voting else 0


class Seat(Multilingual):
    """A place on a body. The rights to speak and to vote are separate.

    An observer speaks but does not vote, and is not a member of the body: it is
    not counted for quorum.
    """

    class Kind(models.TextChoices):
        MEMBER = "member", _("Voting member")
        OBSERVER = "observer", _("Observer")
        ALTERNATE = "alternate", _("Alternate")

    TRANSLATABLE_FIELDS = ("title",)

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="seats")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    holder = models.ForeignKey(
        "orgs.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="seats",
        verbose_name=_("holder"),
    )
    representing = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        related_name="seats_held",
        verbose_name=_("on behalf of"),
    )
    can_speak = models.BooleanField(_("may speak"), default=True)
    can_vote = models.BooleanField(_("may vote"), default=True)
    is_member = models.BooleanField(_("member of the body"), default=True)
    vote_weight = models.PositiveSmallIntegerField(
        _("vote weight"),
        default=1,
        help_text=_("For delegate bodies: how many votes the seat casts."),
    )
    alternate_for = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="alternates",
        verbose_name=_("alternate for"),
        help_text=_(
            "An alternate sits, speaks and votes only when this member is absent."
        ),
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["body", "order", "id"]
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="observer", can_vote=True),
                name="observer_never_votes",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="observer", is_member=True),
                name="observer_is_not_a_member",
            ),
        ]

    def __str__(self) -> str:
        who = self.holder.name if self.holder else _("vacant")
        return f"{self.body}: {self.title or self.get_kind_display()} ({who})"

    def get_absolute_url(self) -> str:
        """A seat is shown, and changed, on its body's page."""
        return self.body.get_absolute_url()

    @property
    def addressed_kind(self) -> str:
        """The seat's kind agreeing with its holder ("Observadora", "Suppléante")."""
        return addressed_label(
            self.Kind(self.kind).label, self.holder.address_as if self.holder else ""
        )

    @property
    def addressed_title(self) -> str:
        """Its title in the reader's language when someone translated it; else its
        title, or its kind, agreeing with its holder when it is a usual name."""
        if not self.title:
            return self.addressed_kind
        rendition = render_for(self, "title", get_language() or "en")
        if rendition.is_translation:
            return rendition.text
        return addressed(self.title, self.holder.address_as if self.holder else "")

    @property
    def counts_for_quorum(self) -> bool:
        return self.kind == self.Kind.MEMBER and self.is_member and self.can_vote

    @property
    def is_observer(self) -> bool:
        """Speaks, never votes, never counts for quorum."""
        return self.kind == self.Kind.OBSERVER

    @classmethod
    def rights_for(cls, kind: str) -> dict[str, bool]:
        """Default rights of each kind of seat."""
        return {
            cls.Kind.MEMBER: {"can_speak": True, "can_vote": True, "is_member": True},
            cls.Kind.OBSERVER: {
                "can_speak": True,
                "can_vote": False,
                "is_member": False,
            },
            cls.Kind.ALTERNATE: {
                "can_speak": False,
                "can_vote": False,
                "is_member": False,
            },
        }[cls.Kind(kind)]
