"""Elections and the people with a part in them; a joint body's ballot and
the steps every coordinating union agrees to."""

from typing import Any

from django.db.models import QuerySet

from alianza.bodies.models import Body
from alianza.orgs.models import Organisation
from alianza.orgs.roles import ALL_ROLES, MANAGING_ROLES
from alianza.orgs.selectors import standing
from alianza.spaces.models import Participant
from alianza.spaces.shared_ground import (
    coordinating_unions,
    coordinating_unions_acted_for,
    unions_acted_for,
)

from ..models import (
    Election,
    Role,
    Step,
    StepAgreement,
)
from .roll import voting_lines

# --- Elections and the people with a part in them ------------------------------------


def elections_with_owners() -> QuerySet[Election]:
    """Elections with their union, unit and worksite (what their pages show)."""
    return Election.objects.select_related("organisation", "space", "unit", "worksite")


def published_elections() -> QuerySet[Election]:
    return Election.objects.filter(status=Election.Status.PUBLISHED)


def visible_elections(user: Any) -> QuerySet[Election]:
    """The elections of the person's unions, the joint bodies' ballots of the
    spaces her union takes part in (for their managers), and those she has a part in."""
    st = standing(user)
    visible = Election.objects.filter(
        organisation_id__in=st.organisation_ids(ALL_ROLES)
    ) | Election.objects.filter(
        space__participants__organisation_id__in=unions_acted_for(user),
    )
    if st.person is not None:
        visible = visible | Election.objects.filter(roles__person=st.person)
    return visible.distinct().select_related("organisation", "space")


def organisations_holding_elections(user: Any) -> QuerySet[Organisation]:
    """The unions whose votes the person may create (those she manages)."""
    return Organisation.objects.filter(
        pk__in=standing(user).organisation_ids(MANAGING_ROLES)
    )


def joint_bodies_holding_ballots(user: Any) -> QuerySet[Body]:
    """The joint bodies whose secret ballot the person may propose: those of the
    spaces a union she acts for coordinates."""
    return Body.objects.filter(
        space__participants__role=Participant.Role.COORDINATOR,
        space__participants__organisation_id__in=unions_acted_for(user),
    ).distinct()


def parts_of(user: Any, election: Election) -> set[str]:
    """The kinds of part the person has in the election (trustee, …)."""
    person = standing(user).person
    if person is None:
        return set()
    return set(election.roles.filter(person=person).values_list("kind", flat=True))


def has_part(user: Any, election: Election, kind: str | None = None) -> bool:
    """Whether the person has a part (of ``kind``, or any) in the election."""
    person = standing(user).person
    if person is None:
        return False
    roles = election.roles.filter(person=person)
    return (roles.filter(kind=kind) if kind else roles).exists()


def trustee_index(user: Any, election: Election) -> int | None:
    """The person's number among the election's trustees; None if she is not one."""
    person = standing(user).person
    if person is None:
        return None
    role = election.roles.filter(person=person, kind=Role.Kind.TRUSTEE).first()
    return role.trustee_index if role is not None else None


def parts(election: Election) -> QuerySet[Role]:
    """Who has a part, the administrators first, the trustees in their order."""
    return election.roles.select_related("person").order_by("kind", "trustee_index")


def trustees(election: Election) -> QuerySet[Role]:
    """The election's trustees, in their order."""
    return (
        election.roles.select_related("person")
        .filter(kind=Role.Kind.TRUSTEE)
        .order_by("trustee_index")
    )


def timeline(election: Election) -> QuerySet[Step]:
    return election.steps.select_related("by")


def turnout(election: Election) -> dict[str, int]:
    """How many are on the roll, how many have voted, how many ballots are in."""
    return {
        "voter_count": voting_lines(election).count(),
        "excluded_count": election.voters.exclude(excluded="").count(),
        "voted": election.voters.filter(voted_at__isnull=False).count(),
        "ballots": election.board.filter(type="ballot").count(),
    }


# --- A joint body's ballot: the steps every coordinating union agrees to -------------


def unions_yet_to_agree(election: Election, step: str) -> set[int]:
    """The coordinating unions that have not agreed to ``step`` yet (none for a
    union's own vote)."""
    if not election.is_joint:
        return set()
    agreeing = set(
        election.agreements.filter(step=step).values_list("union_id", flat=True)
    )
    return coordinating_unions(election.space) - agreeing


def awaits_agreement_of(user: Any, election: Election, step: str) -> bool:
    """Whether ``step`` waits for a coordinating union that ``user`` acts for (her
    union has not agreed to it yet)."""
    return bool(
        unions_yet_to_agree(election, step)
        & coordinating_unions_acted_for(user, election.space)
    )


def pending_steps(election: Election) -> list[dict[str, Any]]:
    """The steps of a joint body's ballot proposed and not yet taken: the step,
    the unions that agreed, those awaited."""
    if not election.is_joint:
        return []
    out = []
    for step, label in StepAgreement.Kind.choices:
        agreements = list(
            election.agreements.filter(step=step).select_related("union", "by")
        )
        waiting = unions_yet_to_agree(election, step)
        if agreements and waiting:
            out.append(
                {
                    "step": label,
                    "agreed": agreements,
                    "waiting": Organisation.objects.filter(pk__in=waiting),
                }
            )
    return out
