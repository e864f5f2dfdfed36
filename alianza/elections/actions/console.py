"""The polling-table console at the gate: a worker on the roll is checked in
(her ID compared with her line), with the assistant she chose when she votes
assisted; incidents are written as they happen. Everything here goes on the
acta. Nothing here sees or keeps a voting code."""

import unicodedata
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from alianza.lib.permissions import require
from alianza.orgs.selectors import standing

from ..models import CheckIn, Election, Incident, Role, Voter
from ._shared import audit, locked, require_status

KEEP = "elections.keep_polling_table"


def _same_name(a: str, b: str) -> bool:
    """Names compared as people write them: case, accents and spacing aside."""

    def plain(name: str) -> str:
        decomposed = unicodedata.normalize("NFKD", name)
        letters = "".join(c for c in decomposed if not unicodedata.combining(c))
        return " ".join(letters.casefold().split())

    return plain(a) == plain(b)


def _check_assistant(election: Election, name: str, by: Any) -> None:
    """The assistant is the person the worker chose; never the official who
    checks her in nor any administrator or observer of the election, who keep
    the table."""
    officials = [
        role.person.name
        for role in election.roles.select_related("person").filter(
            kind__in=[Role.Kind.ADMINISTRATOR, Role.Kind.OBSERVER]
        )
    ]
    if by is not None:
        officials.append(by.name)
    if any(_same_name(name, official) for official in officials):
        raise ValidationError(
            {
                "assistant_name": _(
                    "The assistant is chosen by the worker and cannot be an "
                    "administrator or observer of this election."
                )
            }
        )


def check_in(
    actor: Any,
    election: Election,
    voter: Voter,
    *,
    assistant_name: str = "",
    assistant_statement: str = "",
) -> CheckIn:
    """Record that the worker of ``voter``'s line came to the table with her ID;
    with an assistant, his name and the worker's statement that she chose him."""
    require(actor, KEEP, election)
    return record_check_in(
        election, voter, by=standing(actor).person, actor=actor,
        assistant_name=assistant_name, assistant_statement=assistant_statement,
    )  # fmt: skip


@transaction.atomic
def record_check_in(
    election: Election,
    voter: Voter,
    *,
    by: Any,
    actor: Any = None,
    assistant_name: str = "",
    assistant_statement: str = "",
) -> CheckIn:
    """The check-in by ``by`` (a person keeping the table)."""
    election = locked(election)
    require_status(election, Election.Status.OPEN)
    if voter.election_id != election.pk:
        raise ValidationError(_("This worker is not on this election's roll."))
    if voter.excluded:
        raise ValidationError(
            _("%(name)s is excluded by law from this vote: she does not vote.")
            % {"name": voter.name}
        )
    if CheckIn.objects.filter(voter=voter).exists():
        raise ValidationError(
            _("%(name)s is already checked in.") % {"name": voter.name}
        )
    assistant_name = " ".join(assistant_name.split())
    assistant_statement = assistant_statement.strip()
    if assistant_name:
        _check_assistant(election, assistant_name, by)
        if not assistant_statement:
            raise ValidationError(
                {
                    "assistant_statement": _(
                        "Write the worker's statement that she chose her assistant."
                    )
                }
            )
    elif assistant_statement:
        raise ValidationError({"assistant_name": _("Write the assistant's name.")})
    done = CheckIn.objects.create(
        election=election,
        voter=voter,
        by=by,
        assistant_name=assistant_name,
        assistant_statement=assistant_statement,
    )
    audit(
        "elections.checked_in",
        actor,
        election,
        voter=voter.pk,
        assisted=done.is_assisted,
    )
    return done


def record_incident(actor: Any, election: Election, text: str) -> Incident:
    """Write down what happened at the table, now, under the author's name."""
    require(actor, KEEP, election)
    return write_incident(election, text, by=standing(actor).person, actor=actor)


@transaction.atomic
def write_incident(
    election: Election, text: str, *, by: Any, actor: Any = None
) -> Incident:
    """The incident written by ``by`` (a person keeping the table)."""
    election = locked(election)
    require_status(election, Election.Status.OPEN, Election.Status.CLOSED)
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write what happened.")})
    incident = Incident.objects.create(election=election, text=text, by=by)
    audit("elections.incident_recorded", actor, election, incident=incident.pk)
    return incident
