"""The roll: its lines, the unions holding the vote, what the authority reads."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from alianza.spaces.shared_ground import (
    coordinating_unions,
)
from votecore.credentials import public_credential
from votecore.group import GroupError

from ..models import (
    Election,
    Role,
    Voter,
)
from ..outcome import NEEDS_INDEPENDENT_AUTHORITY
from ..roll_lines import Seen

# --- The roll -------------------------------------------------------------------------


def roll(election: Election) -> QuerySet[Voter]:
    return election.voters.all()


def roll_with_unions(election: Election) -> QuerySet[Voter]:
    return election.voters.select_related("union")


def roll_line(election: Election, pk: int) -> Voter | None:
    return election.voters.filter(pk=pk).first()


def roll_by_name(election: Election) -> QuerySet[Voter]:
    return election.voters.order_by("name")


def voting_lines(election: Election) -> QuerySet[Voter]:
    """The lines of the roll that vote: every line but those the law excludes."""
    return election.voters.filter(excluded="")


def unions_holding(election: Election) -> set[int]:
    """Ids of the unions that run the vote: the union's own, or the coordinating
    unions of a joint body's ballot."""
    if election.organisation_id is not None:
        return {election.organisation_id}
    return coordinating_unions(election.space)


def belongs_to_unions_holding(election: Election, person: Any) -> bool:
    """Whether ``person`` is a member, officer or staff of a union running the vote."""
    return (
        person.memberships.current()
        .filter(organisation_id__in=unions_holding(election))
        .exists()
    )


def authority_is_independent(election: Election) -> bool | None:
    """Whether the credential authority is outside every union running the vote
    (None until she is named). The acta prints it."""
    role = (
        election.roles.filter(kind=Role.Kind.CREDENTIAL_AUTHORITY)
        .select_related("person")
        .first()
    )
    if role is None:
        return None
    return not belongs_to_unions_holding(election, role.person)


def needs_independent_authority(election: Election) -> bool:
    return election.kind in NEEDS_INDEPENDENT_AUTHORITY


def roll_for_authority(election: Election) -> list[Any]:
    """The roll as the credential authority's page needs it (no secrets): one
    credential for each line that votes, with the channels her letters and SMS
    file are made for."""
    return list(
        voting_lines(election).values(
            "pk", "name", "worker_number", "email", "phone", "language"
        )
    )


def seen_on_roll(election: Election, *, but: Voter | None = None) -> Seen:
    """The worker numbers and CURPs already on the roll (apart from ``but``'s),
    each with the name of its worker."""
    voters = election.voters.all()
    if but is not None:
        voters = voters.exclude(pk=but.pk)
    seen = Seen()
    for name, number, curp in voters.values_list("name", "worker_number", "curp"):
        where = _("the roll (%(name)s)") % {"name": name}
        if number:
            seen.worker_numbers[number] = where
        if curp:
            seen.curps[curp] = where
    return seen


def voters_matching_secrets(election: Election, secrets: dict[int, str]) -> list[Voter]:
    """The voters whose secret codes the credential authority asks Alianza to
    deliver, once each code is checked against its published credential (the
    codes are used for the delivery and never stored)."""
    voters = {v.pk: v for v in election.voters.filter(pk__in=list(secrets))}
    if len(voters) != len(secrets):
        raise ValidationError(_("These voters are not on the roll."))
    for pk, secret in secrets.items():
        try:
            matches = (
                public_credential(election.election_id, secret) == voters[pk].credential
            )
        except (GroupError, TypeError, ValueError):
            matches = False
        if not matches:
            raise ValidationError(
                _("The code for %(name)s does not match the published credential.")
                % {"name": voters[pk].name}
            )
    return [voters[pk] for pk in secrets]
