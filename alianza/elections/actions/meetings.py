"""A meeting's secret ballot, held as an election (the governance seam calls it
through ``elections.meetings.MeetingBallots``)."""

from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alianza.lib.permissions import require
from alianza.orgs.models import Person
from alianza.spaces.shared_ground import coordinating_unions

from ..models import Election, Role
from ._shared import acting_union, audit, require_status, take_step
from .election import assign_role
from .joint import add_seat_lines


@transaction.atomic
def open_meeting_ballot(vote: Any, electorate: list[tuple[Any, int]]) -> Election:
    """A weighted vote of the body (kind "body") with the seats voting at this
    moment as its roll, each with its weight; "abstain" is a choice when the
    body's rule counts abstentions. It then runs like any election —
    trustees, credentials, booth, board — and the meeting's vote closes with the
    decrypted counts. (The chair's permission is checked by governance.)"""
    meeting = vote.motion.meeting
    body = meeting.body
    # A joint body's ballot belongs to its space, run by every coordinating union.
    organisation, space = (
        body.organisation,
        (body.space if body.organisation_id is None else None),
    )
    with translation.override(meeting.language):
        title = _("%(meeting)s: motion %(number)s") % {
            "meeting": meeting.title, "number": vote.motion.number,
        }  # fmt: skip
        answers = [_("Yes"), _("No")]
        if vote.counts_abstentions:
            answers.append(_("Abstain"))
    election = Election.objects.create(
        organisation=organisation, space=space, kind=Election.Kind.BODY, title=title[:200],
        question=vote.motion.text[:400], answers=answers, language=meeting.language,
        opens_at=timezone.now(), closes_at=timezone.now() + timedelta(days=1),
        meeting_vote=vote, trustee_count=3, threshold=2,
    )  # fmt: skip
    take_step(election, Election.Status.DRAFT, None)
    add_seat_lines(election, electorate, meeting.language)
    audit("elections.created", None, election, kind=election.kind)
    return election


@transaction.atomic
def name_officers(actor: Any, election: Election) -> list[Role]:
    """A meeting's secret ballot takes its trustees and its credential authority
    from the body's officers (its members' seats with a title, in the body's
    order), with one choice instead of naming each. On a joint body's ballot each
    coordinating union names its own officers, leaving a trustee's place to each
    other union (``assign_role`` keeps those rules)."""
    require(actor, "elections.change_election", election)
    require_status(election, Election.Status.DRAFT)
    vote = election.meeting_vote
    if vote is None:
        raise ValidationError(
            _("Only a meeting's secret ballot is run by its body's officers.")
        )
    seats = (
        vote.motion.meeting.body.seats.filter(is_member=True, holder__isnull=False)
        .exclude(title="")
        .select_related("holder")
        .order_by("order", "id")
    )
    if election.is_joint:
        seats = seats.filter(representing_id=acting_union(actor, election))
    named = set(election.roles.values_list("person_id", flat=True))
    officers: list[Person] = []
    for seat in seats:
        holder = seat.holder
        if holder is not None and holder.pk not in named and holder not in officers:
            officers.append(holder)
    trustees = election.roles.filter(kind=Role.Kind.TRUSTEE)
    places = election.trustee_count - trustees.count()
    if election.is_joint:
        others = coordinating_unions(election.space) - {acting_union(actor, election)}
        waiting = others - set(trustees.values_list("union_id", flat=True))
        places -= len(waiting)
    needs_authority = not election.roles.filter(
        kind=Role.Kind.CREDENTIAL_AUTHORITY
    ).exists()
    if places <= 0 and not needs_authority:
        raise ValidationError(_("The trustees and the credential authority are named."))
    if len(officers) < max(places, 0) + int(needs_authority):
        raise ValidationError(
            _(
                "The body has too few officers for this: %(needed)s are needed, "
                "%(count)s are free. Give their seats a title (chair, secretary…) "
                "or name the trustees one by one."
            )
            % {"needed": max(places, 0) + int(needs_authority), "count": len(officers)}
        )
    roles = [
        assign_role(actor, election, person, Role.Kind.TRUSTEE)
        for person in officers[: max(places, 0)]
    ]
    if needs_authority:
        person = officers[max(places, 0)]
        roles.append(
            assign_role(actor, election, person, Role.Kind.CREDENTIAL_AUTHORITY)
        )
    return roles
