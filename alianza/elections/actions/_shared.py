"""What the steps of an election share: the audit entry, the place on the public
timeline, the row lock, the status required, the notice a vote on an agreement needs."""

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import formats, translation
from django.utils.translation import gettext as _

from alianza.accounts.tasks import send_email
from alianza.audit.log import record
from alianza.lib.when import in_zone, local_day
from alianza.orgs.models import Organisation
from alianza.orgs.selectors import standing
from alianza.spaces.selectors import managers_to_tell
from alianza.spaces.shared_ground import (
    coordinating_unions_acted_for,
    participating_unions_acted_for,
    union_of_actor,
)

from ..models import Election, Step, StepAgreement
from ..selectors import unions_yet_to_agree

NOTICE_DAYS = 10  # Federal Labour Law, art. 390 Ter: ten days' notice, text available
# The Federal Labour Law's votes on an agreement: its text in the voters' hands first.
CONTRACT_KINDS = {
    Election.Kind.CONTRACT_APPROVAL,
    Election.Kind.CONTRACT_REVISION,
    Election.Kind.LEGITIMATION,
}
# A Mexican union's election of officers (art. 371 IX): the call ten days before,
# the complete roll published to the members three days before.
OFFICERS_NOTICE_DAYS = 10
OFFICERS_ROLL_DAYS = 3
# In the United States (LMRDA §401(e)): notice mailed fifteen days before.
US_OFFICERS_NOTICE_DAYS = 15


def audit(action: str, actor: Any, election: Election, **data: Any) -> None:
    """The entry of a step; on a joint body's ballot it carries the space, seen by
    every union taking part, and the union the person acted for."""
    if election.is_joint and getattr(actor, "is_authenticated", False):
        data = {"union": union_of_actor(actor, election.space), **data}
    record(
        action,
        actor=actor,
        target=election,
        data=data,
        organisation=election.organisation,
        space=election.space,
    )


def acting_union(actor: Any, election: Election) -> int:
    """The coordinating union ``actor`` acts for on a joint body's ballot (the rule
    has said she acts for one)."""
    mine = coordinating_unions_acted_for(actor, election.space)
    if len(mine) != 1:
        raise ValidationError(
            _(
                "You act for more than one coordinating union of this space: "
                "each union acts through its own people."
            )
        )
    return next(iter(mine))


def roll_union(actor: Any, election: Election) -> int:
    """The union taking part in a joint body's space that ``actor`` adds roll lines
    for (coordinating or not): the lines she adds are its own."""
    mine = participating_unions_acted_for(actor, election.space)
    if len(mine) != 1:
        raise ValidationError(
            _(
                "You act for more than one union taking part in this space: each "
                "union adds its own delegates through its own people."
            )
        )
    return next(iter(mine))


def agreed(actor: Any, election: Election, step: str) -> bool:
    """Whether ``step`` may be taken now. A union's own vote: yes. A joint body's
    ballot: the actor's union agrees to it (the first agreement is the proposal),
    and the step is taken when every coordinating union has agreed."""
    if not election.is_joint:
        return True
    union = acting_union(actor, election)
    pending = election.agreements.filter(step=step)
    if pending.filter(union_id=union).exists():
        raise ValidationError(
            _(
                "Your union has already agreed to this step; it waits for the "
                "other coordinating unions."
            )
        )
    first = not pending.exists()
    StepAgreement.objects.create(
        election=election, step=step, union_id=union, by=standing(actor).person
    )
    audit(
        "elections.step_proposed" if first else "elections.step_accepted",
        actor,
        election,
        step=step,
    )
    awaited = unions_yet_to_agree(election, step)
    if first and awaited:
        _tell_awaited_unions(election, step, union)
    return not awaited


def _tell_awaited_unions(election: Election, step: str, union_id: int) -> None:
    """E-mail the managers of the coordinating unions that have still to agree to a
    proposed step, each in her language, with a link to the vote's page."""
    space = election.space
    assert space is not None  # a joint body's ballot
    agreed_ids = set(
        election.agreements.filter(step=step).values_list("union_id", flat=True)
    )
    union = Organisation.objects.get(pk=union_id)
    link = settings.SITE_URL.rstrip("/") + election.get_absolute_url()
    for email, language in managers_to_tell(space, exclude=agreed_ids):
        with translation.override(language):
            names = {
                "union": union.short_name or union.name,
                "election": election.title,
                "step": StepAgreement.Kind(step).label,
                "link": link,
            }
            subject = _("%(election)s: a step waits for your union") % names
            body = (
                _(
                    "%(union)s proposes “%(step)s” for the secret ballot “%(election)s”. "
                    "It is taken when every coordinating union has agreed. If your union "
                    "agrees, press the same button on the vote's page:\n\n%(link)s"
                )
                % names
            )
        send_email.enqueue(email, str(subject), str(body))


def take_step(election: Election, status: str, actor: Any, note: str = "") -> None:
    """Move the election to ``status`` and say so on its public timeline."""
    election.status = status
    election.save(update_fields=["status"])
    person = (
        standing(actor).person if getattr(actor, "is_authenticated", False) else None
    )
    Step.objects.create(election=election, status=status, by=person, note=note[:300])


def locked(election: Election) -> Election:
    """The election again, its row locked until the transaction ends."""
    return Election.objects.select_for_update().get(pk=election.pk)


def require_status(election: Election, *statuses: str) -> None:
    if election.status not in statuses:
        raise ValidationError(
            _("This cannot be done while the election is “%(status)s”.")
            % {"status": election.get_status_display()}
        )


def notice_days(election: Election) -> tuple[int, int]:
    """The days of notice, and of the roll's publication, the law asks of this vote
    before it opens (0: none)."""
    if election.kind in CONTRACT_KINDS:
        return NOTICE_DAYS, 0
    if election.kind == Election.Kind.OFFICERS:
        if election.country == "MX":
            return OFFICERS_NOTICE_DAYS, OFFICERS_ROLL_DAYS
        if election.country == "US":
            return US_OFFICERS_NOTICE_DAYS, 0
    return 0, 0


def check_notice(election: Election, opening: datetime) -> None:
    """The notice the law asks has run by ``opening`` (the announced start when the
    vote is made, the moment it is opened): a vote on an agreement has its text
    attached and given to the voters ten days before; an election of officers its
    call and its roll. Days are the vote's local days."""
    days, roll_days = notice_days(election)
    if election.kind in CONTRACT_KINDS and election.contract_document is None:
        raise ValidationError(
            {
                "contract_document": _(
                    "Attach the text of the agreement voters will read."
                )
            }
        )
    opening_day = local_day(opening, election.zone)
    if days and (
        election.notice_on is None
        or election.notice_on > opening_day - timedelta(days=days)
    ):
        raise ValidationError({"notice_on": _notice_problem(election, days)})
    if roll_days and (
        election.roll_published_on is None
        or election.roll_published_on > opening_day - timedelta(days=roll_days)
    ):
        raise ValidationError(
            {
                "roll_published_on": _(
                    "The complete roll must be published to the members at least "
                    "%(days)s days before the vote opens (Federal Labour Law, art. "
                    "371 IX)."
                )
                % {"days": roll_days}
            }
        )


def _notice_problem(election: Election, days: int) -> str:
    if election.kind in CONTRACT_KINDS:
        why = _(
            "Voters must have the text at least %(days)s days before the vote opens "
            "(Federal Labour Law, art. 390 Ter)."
        )
    else:
        why = _("Voters must be called at least %(days)s days before the vote opens.")
    text = why % {"days": days}
    if election.notice_on is not None:
        earliest = election.notice_on + timedelta(days=days)
        text += " " + _(
            "They were notified on %(notice)s: the vote may open from %(earliest)s."
        ) % {
            "notice": formats.date_format(election.notice_on, "DATE_FORMAT"),
            "earliest": formats.date_format(earliest, "DATE_FORMAT"),
        }
    return text


def check_start(election: Election, now: datetime) -> None:
    """A vote opens no earlier than its announced start."""
    if now < election.opens_at:
        raise ValidationError(
            _("This vote cannot open before its announced start, %(when)s.")
            % {"when": in_zone(election.opens_at, election.zone)}
        )
