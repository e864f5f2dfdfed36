from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from alianza.audit.log import record, scope_of
from alianza.lib.permissions import require
from alianza.lib.when import is_zone
from alianza.lib.written import written_in
from alianza.orgs.models import Organisation, Person
from alianza.spaces.models import JointSpace
from alianza.spaces.shared_ground import union_of_actor

from .models import Body, Seat
from .workflow import motion_states as motion_states_of_body


def _require_delegation(actor: Any, seat: Seat) -> None:
    """A seat of a joint body is changed by the union it represents only."""
    message = None
    if seat.body.space_id is not None:
        message = _(
            "On a joint body each union keeps its own delegation: only "
            "%(union)s changes this seat."
        ) % {"union": seat.representing}
    require(actor, "bodies.change_seat", seat, message)


def _on_shared_ground(actor: Any, body: Body, seat: Seat | None = None) -> dict:
    """For a joint body's audit entry: the union the person acted for (the seat's
    own union when she changed a seat), so that every union taking part reads it."""
    if body.space_id is None:
        return {}
    if seat is not None:
        return {"union": seat.representing_id}
    return {"union": union_of_actor(actor, body.space)}


@transaction.atomic
def create_body(
    actor: Any,
    *,
    name: str,
    kind: str,
    language: str,
    organisation: Organisation | None = None,
    space: JointSpace | None = None,
    short_name: str = "",
    description: str = "",
    quorum_rule: str = Body.QuorumRule.MAJORITY,
    quorum_number: int | None = None,
    proxy_limit: int = 1,
    motion_supporters: int = 1,
    motion_states: list[str] | None = None,
    time_zone: str = "",
) -> Body:
    """A new board, council or commission of one organisation or one joint space."""
    _check_zone(time_zone)
    if (organisation is None) == (space is None):
        raise ValidationError(
            _("A body belongs to one organisation or to one joint space.")
        )
    if organisation is not None:
        require(actor, "orgs.add_body", organisation)
    else:
        require(actor, "spaces.change_jointspace", space)
    if kind not in Body.Kind.values:
        raise ValidationError({"kind": _("Choose a valid kind of body.")})
    if quorum_rule not in Body.QuorumRule.values:
        raise ValidationError({"quorum_rule": _("Choose a valid quorum rule.")})
    if quorum_rule == Body.QuorumRule.FIXED and not quorum_number:
        raise ValidationError(
            {"quorum_number": _("Give the number of voting members needed for quorum.")}
        )
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Enter the body's name.")})
    body = Body.objects.create(
        name=name,
        short_name=short_name.strip(),
        kind=kind,
        organisation=organisation,
        space=space,
        language=language,
        description=description.strip(),
        quorum_rule=quorum_rule,
        quorum_number=quorum_number if quorum_rule == Body.QuorumRule.FIXED else None,
        proxy_limit=max(0, proxy_limit),
        motion_supporters=max(0, motion_supporters),
        motion_states=motion_states_of_body(motion_states or []),
        time_zone=time_zone,
    )
    record(
        "bodies.body_created",
        actor=actor,
        target=body,
        data={"kind": kind, **_on_shared_ground(actor, body)},
        **scope_of(body),
    )
    return body


@transaction.atomic
def assign_seat(
    actor: Any,
    body: Body,
    *,
    kind: str,
    representing: Organisation,
    holder: Person | None = None,
    title: str = "",
    can_speak: bool | None = None,
    can_vote: bool | None = None,
    alternate_for: Seat | None = None,
) -> Seat:
    """Add a seat to a body. Rights default from the kind; an observer never votes."""
    require(actor, "bodies.change_body", body)
    _require_delegation(actor, Seat(body=body, representing=representing))
    if kind not in Seat.Kind.values:
        raise ValidationError({"kind": _("Choose a valid kind of seat.")})
    rights = Seat.rights_for(kind)
    if can_speak is not None:
        rights["can_speak"] = can_speak
    if can_vote is not None:
        rights["can_vote"] = can_vote
    if kind == Seat.Kind.OBSERVER and rights["can_vote"]:
        raise ValidationError(
            {"can_vote": _("An observer has the right to speak but not to vote.")}
        )
    if alternate_for is not None and (
        kind != Seat.Kind.ALTERNATE
        or alternate_for.body_id != body.pk
        or alternate_for.kind != Seat.Kind.MEMBER
    ):
        raise ValidationError(
            {
                "alternate_for": _(
                    "An alternate stands in for a voting member of this body."
                )
            }
        )
    if (
        alternate_for is not None
        and body.space_id is not None
        and alternate_for.representing_id != representing.pk
    ):
        raise ValidationError(
            {
                "alternate_for": _(
                    "On a joint body an alternate stands in for a member of "
                    "their own union."
                )
            }
        )
    if holder is not None and body.seats.filter(holder=holder).exists():
        raise ValidationError(
            {"holder": _("This person already holds a seat on this body.")}
        )
    seat = Seat.objects.create(
        body=body,
        kind=kind,
        title=title,
        language=written_in(actor, representing.default_language),
        holder=holder,
        representing=representing,
        alternate_for=alternate_for,
        order=body.seats.count(),
        **rights,
    )
    record(
        "bodies.seat_assigned",
        actor=actor,
        target=seat,
        data={
            "kind": kind,
            "holder": holder.pk if holder else None,
            **rights,
            **_on_shared_ground(actor, body, seat),
        },
        **scope_of(body),
    )
    return seat


@transaction.atomic
def set_seat_rights(actor: Any, seat: Seat, *, can_speak: bool, can_vote: bool) -> Seat:
    _require_delegation(actor, seat)
    if seat.is_observer and can_vote:
        raise ValidationError(
            {"can_vote": _("An observer has the right to speak but not to vote.")}
        )
    before = {"can_speak": seat.can_speak, "can_vote": seat.can_vote}
    seat.can_speak, seat.can_vote = can_speak, can_vote
    seat.save(update_fields=["can_speak", "can_vote"])
    record(
        "bodies.seat_changed",
        actor=actor,
        target=seat,
        data={
            "before": before,
            "after": {"can_speak": can_speak, "can_vote": can_vote},
            **_on_shared_ground(actor, seat.body, seat),
        },
        **scope_of(seat.body),
    )
    return seat


@transaction.atomic
def vacate_seat(actor: Any, seat: Seat) -> Seat:
    _require_delegation(actor, seat)
    previous = seat.holder_id
    seat.holder = None
    seat.save(update_fields=["holder"])
    record(
        "bodies.seat_vacated",
        actor=actor,
        target=seat,
        data={"previous_holder": previous, **_on_shared_ground(actor, seat.body, seat)},
        **scope_of(seat.body),
    )
    return seat


@transaction.atomic
def update_rules(
    actor: Any,
    body: Body,
    *,
    quorum_rule: str,
    quorum_number: int | None,
    proxy_limit: int,
    motion_supporters: int,
    motion_states: list[str],
    time_zone: str = "",
) -> Body:
    """The quorum rule, proxies, seconding, the motion workflow of a body and the
    zone it usually meets in."""
    require(actor, "bodies.change_body", body)
    _check_zone(time_zone)
    if quorum_rule not in Body.QuorumRule.values:
        raise ValidationError({"quorum_rule": _("Choose a valid quorum rule.")})
    if quorum_rule == Body.QuorumRule.FIXED and not quorum_number:
        raise ValidationError(
            {"quorum_number": _("Give the number of voting members needed for quorum.")}
        )
    if not 0 <= proxy_limit <= 20 or not 0 <= motion_supporters <= 20:
        raise ValidationError(_("Give numbers between 0 and 20."))
    body.quorum_rule = quorum_rule
    body.quorum_number = quorum_number if quorum_rule == Body.QuorumRule.FIXED else None
    body.proxy_limit = proxy_limit
    body.motion_supporters = motion_supporters
    body.motion_states = motion_states_of_body(motion_states)
    body.time_zone = time_zone
    body.save()
    record(
        "bodies.rules_changed",
        actor=actor,
        target=body,
        data={"quorum_rule": quorum_rule, "proxy_limit": proxy_limit,
              "motion_supporters": motion_supporters, "motion_states": body.motion_states,
              "time_zone": time_zone,
              **_on_shared_ground(actor, body)},
        **scope_of(body),
    )  # fmt: skip
    return body


def _check_zone(time_zone: str) -> None:
    if time_zone and not is_zone(time_zone):
        raise ValidationError({"time_zone": _("Choose a time zone.")})
