"""An election made, and the people given a part in it."""

from datetime import datetime
from typing import Any
from zoneinfo import available_timezones

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from alianza.lib.permissions import require
from alianza.orgs.models import Organisation, Person
from alianza.spaces.shared_ground import coordinating_unions
from votecore.election import MAX_ANSWER

from ..models import Election, ParticipationAudience, Role, bargaining_country
from ..outcome import NEEDS_COVERED, kind_problem
from ..selectors import (
    belongs_to_unions_holding,
    needs_independent_authority,
    unions_holding,
)
from ._shared import acting_union, audit, check_notice, require_status, take_step


def yes_no(language: str) -> list[str]:
    with translation.override(language):
        return [_("Yes"), _("No")]


@transaction.atomic
def create_election(
    actor: Any,
    organisation: Organisation,
    *,
    kind: str,
    title: str,
    question: str,
    opens_at: datetime,
    closes_at: datetime,
    language: str,
    answers: list[str] | None = None,
    choose_max: int = 1,
    covered_workers: int | None = None,
    notice_on: Any = None,
    roll_published_on: Any = None,
    contract_document: Any = None,
    place: str = "",
    registry_number: str = "",
    participation_visible_to: str = ParticipationAudience.OFFICIALS,
    time_zone: str = "",
    unit: Any = None,
    worksite: Any = None,
    revote: bool = True,
    trustee_count: int = 3,
    threshold: int = 2,
) -> Election:
    require(actor, "elections.add_election", organisation)
    if kind not in Election.Kind.values:
        raise ValidationError({"kind": _("Choose a kind of election.")})
    if not title.strip() or not question.strip():
        raise ValidationError({"title": _("Give the election a title and a question.")})
    if closes_at <= opens_at:
        raise ValidationError({"closes_at": _("The vote closes after it opens.")})
    problem = kind_problem(kind, bargaining_country(organisation, unit, worksite))
    if problem:
        raise ValidationError({"kind": problem})
    if kind in NEEDS_COVERED and not covered_workers:
        raise ValidationError(
            {
                "covered_workers": _(
                    "Give the number of covered workers: the rule counts them."
                )
            }
        )
    if (
        contract_document is not None
        and contract_document.organisation_id != organisation.pk
    ):
        raise ValidationError(
            {"contract_document": _("Choose a document of this union.")}
        )
    if kind == Election.Kind.OFFICERS:
        names = [a.strip() for a in (answers or []) if a.strip()]
        if len(names) < 2 or not 1 <= choose_max < len(names):
            raise ValidationError(
                {
                    "answers": _(
                        "List at least two candidates, more than the seats to fill."
                    )
                }
            )
        if any(len(name) > MAX_ANSWER for name in names):
            raise ValidationError(
                {
                    "answers": _("A candidate's line is at most %(count)s characters.")
                    % {"count": MAX_ANSWER}
                }
            )
        choose_min = 1
    else:
        names, choose_min, choose_max = yes_no(language), 1, 1
    if not 1 <= threshold <= trustee_count <= 9:
        raise ValidationError(
            {
                "threshold": _(
                    "Between 1 and 9 trustees, and no more needed than there are."
                )
            }
        )
    if participation_visible_to not in ParticipationAudience.values:
        raise ValidationError(
            {"participation_visible_to": _("Choose who may see who voted.")}
        )
    if time_zone and time_zone not in available_timezones():
        raise ValidationError({"time_zone": _("Choose a time zone.")})
    election = Election(
        organisation=organisation, unit=unit, worksite=worksite, kind=kind,
        title=title.strip(), question=question.strip(), answers=names,
        choose_min=choose_min, choose_max=choose_max, language=language,
        covered_workers=covered_workers, notice_on=notice_on,
        roll_published_on=roll_published_on, place=place.strip(),
        # Without a zone of its own, a vote at a workplace is on its clock.
        time_zone=time_zone or (worksite.zone_key if worksite is not None else ""),
        registry_number=registry_number.strip(),
        participation_visible_to=participation_visible_to,
        contract_document=contract_document, opens_at=opens_at, closes_at=closes_at,
        revote=revote, trustee_count=trustee_count, threshold=threshold,
    )  # fmt: skip
    check_notice(election, opens_at)
    election.save()
    take_step(election, Election.Status.DRAFT, actor)
    audit("elections.created", actor, election, kind=kind)
    return election


@transaction.atomic
def assign_role(actor: Any, election: Election, person: Person, kind: str) -> Role:
    """Roles are set while the election is a draft. The credential authority and
    the trustees must be other people than its administrators."""
    require(actor, "elections.change_election", election)
    require_status(election, Election.Status.DRAFT)
    if kind not in Role.Kind.values:
        raise ValidationError({"kind": _("Choose a role.")})
    separate: set[str] = {Role.Kind.CREDENTIAL_AUTHORITY, Role.Kind.TRUSTEE}
    others = set(election.roles.filter(person=person).values_list("kind", flat=True))
    if kind in separate and others & ({Role.Kind.ADMINISTRATOR} | separate - {kind}):
        raise ValidationError(
            _(
                "The credential authority, the trustees and the administrators are different people."
            )
        )
    if kind == Role.Kind.ADMINISTRATOR and others & set(separate):
        raise ValidationError(
            _(
                "The credential authority, the trustees and the administrators are different people."
            )
        )
    deciders: set[str] = {Role.Kind.ADMINISTRATOR, Role.Kind.OBSERVER}
    if kind in deciders and others & (deciders - {kind}):
        raise ValidationError(
            _(
                "Provisional ballots are decided by the election's administrator "
                "and an observer, two different people."
            )
        )
    union = _naming_union(actor, election, person, kind)
    index = None
    if kind == Role.Kind.TRUSTEE:
        taken = election.roles.filter(kind=kind).count()
        if taken >= election.trustee_count:
            raise ValidationError(_("All the trustees are named."))
        if union is not None:
            _leave_a_trustee_to_each_union(election, union, taken)
        index = taken + 1
    if kind == Role.Kind.CREDENTIAL_AUTHORITY:
        if election.roles.filter(kind=kind).exists():
            raise ValidationError(
                _("The election already has its credential authority.")
            )
        if needs_independent_authority(election) and belongs_to_unions_holding(
            election, person
        ):
            raise ValidationError(
                _(
                    "Under the Federal Labour Law the credential authority of a "
                    "consultation is a person the union running the vote does not "
                    "control: she makes every worker's code, so she must not be a "
                    "member, officer or staff of %(unions)s. Name the alliance "
                    "partner's representative, a notary or the registry's verifier."
                )
                % {"unions": _union_names(election)}
            )
    role, created = Role.objects.get_or_create(
        election=election,
        person=person,
        kind=kind,
        defaults={"trustee_index": index, "union_id": union},
    )
    if not created:
        raise ValidationError(_("This person already has that role."))
    audit("elections.role_assigned", actor, election, person=person.pk, role=kind)
    return role


def _union_names(election: Election) -> str:
    names = Organisation.objects.filter(pk__in=unions_holding(election))
    return str(get_text_list([str(o) for o in names.order_by("name")], _("or")))


def _naming_union(
    actor: Any, election: Election, person: Person, kind: str
) -> int | None:
    """On a joint body's ballot, the union naming the person: each coordinating union
    names its own trustees, from its own people; the ballot has no administrator
    of its own (the coordinating unions run it together)."""
    if not election.is_joint:
        return None
    if kind == Role.Kind.ADMINISTRATOR:
        raise ValidationError(
            _(
                "A joint body's ballot is run by its coordinating unions together: "
                "it has no administrator of its own."
            )
        )
    union = acting_union(actor, election)
    if (
        kind == Role.Kind.TRUSTEE
        and not person.memberships.current().filter(organisation_id=union).exists()
    ):
        raise ValidationError(
            _(
                "Each union names its own trustees: choose a person of the union "
                "you act for."
            )
        )
    return union


def _leave_a_trustee_to_each_union(election: Election, union: int, taken: int) -> None:
    """A union may not take the places of the trustees the other coordinating
    unions have still to name."""
    named = set(
        election.roles.filter(kind=Role.Kind.TRUSTEE).values_list("union_id", flat=True)
    )
    still_to_name = coordinating_unions(election.space) - named - {union}
    if election.trustee_count - taken - 1 < len(still_to_name):
        raise ValidationError(
            _(
                "Leave a trustee's place to each other coordinating union: it names "
                "its own."
            )
        )
