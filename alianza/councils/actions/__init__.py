import secrets
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from alianza.accounts.models import hash_secret
from alianza.accounts.tasks import send_email
from alianza.audit.log import record
from alianza.bodies.models import Body
from alianza.bodies.selectors import seat_holders
from alianza.employers.models import Employer
from alianza.employers.selectors import common_employers
from alianza.lib.permissions import require
from alianza.lib.writing import language_of
from alianza.multilingual.text import render_for
from alianza.notifications.actions import notify
from alianza.notifications.models import Kind
from alianza.orgs.models import Person, Unit
from alianza.spaces.models import JointSpace, Participant, Proposal
from alianza.spaces.proposals import propose
from alianza.spaces.shared_ground import coordinating_unions_acted_for, union_of_actor

from ..models import (
    ActionItem,
    CalendarToken,
    Council,
    CouncilPost,
    CouncilUnit,
)
from ..selectors import (
    candidate_units,
    items_to_remind,
    possible_owners,
    representing_units,
)
from .meetings import (
    attach_document,
    register_delegate,
    schedule_meeting,
)

__all__ = [
    "add_action_item",
    "add_member_unit",
    "attach_document",
    "found_council",
    "new_calendar_secret",
    "post_news",
    "register_delegate",
    "schedule_meeting",
    "send_reminders",
    "set_action_status",
    "unit_joins",
]


@transaction.atomic
def found_council(actor: Any, employer: Employer) -> Council:
    """Found the council of a common employer: a joint space of the unions present,
    a council body, and the local unions that represent the family's workers."""
    if employer.parent_id is not None:
        raise ValidationError(
            _("Found the council at the head of the corporate family.")
        )
    if Council.objects.filter(employer=employer).exists():
        raise ValidationError(_("This employer already has a council."))
    if not any(c.root.pk == employer.pk for c in common_employers()):
        raise ValidationError(
            _(
                "A council needs two unions, or one union in two countries, at this employer."
            )
        )
    require(
        actor,
        "councils.found_council",
        employer,
        _("Only the staff of a union present at this employer can found its council."),
    )
    units = list(representing_units(employer))
    organisations = sorted({u.organisation for u in units}, key=lambda o: o.short_name)
    name = _("%(employer)s Council") % {"employer": employer.name}
    space = JointSpace.objects.create(
        slug=f"council-{slugify(employer.slug)}"[:50],
        name=name,
        kind=JointSpace.Kind.COUNCIL,
        language=actor.language or "en",
        description=_(
            "Council of the local unions at %(employer)s, to exchange information, "
            "coordinate strategy, support one another and organize."
        )
        % {"employer": employer.name},
    )
    for org in organisations:
        Participant.objects.create(
            space=space, organisation=org, role=Participant.Role.COORDINATOR
        )
    body = Body.objects.create(
        name=name, kind=Body.Kind.COUNCIL, space=space, language=space.language
    )
    council = Council.objects.create(
        employer=employer, space=space, body=body, founded_by=actor
    )
    # The founding union's units join with it; each unit of another union is
    # proposed, and joins when the other coordinating unions have accepted.
    founders = coordinating_unions_acted_for(actor, space)
    own = [u for u in units if u.organisation_id in founders]
    for unit in own:
        CouncilUnit.objects.create(council=council, unit=unit)
    record(
        "councils.founded",
        actor=actor,
        space=space,
        target=council,
        data={
            "employer": employer.slug,
            "units": [u.pk for u in own],
            "union": union_of_actor(actor, space),
        },
    )
    for unit in units:
        if unit.organisation_id not in founders:
            propose(
                actor,
                space,
                Proposal.Kind.ADD_UNIT,
                organisation=unit.organisation,
                unit=unit,
            )
    return council


@transaction.atomic
def add_member_unit(actor: Any, council: Council, unit: Unit) -> Proposal:
    """Propose that a unit join the council: it joins (and its union takes part in
    the council's space) when every coordinating union has accepted."""
    require(
        actor,
        "spaces.propose",
        council.space,
        _(
            "Only the administrators and staff of a union that coordinates this council "
            "may propose a unit."
        ),
    )
    if council.member_units.filter(unit=unit).exists():
        raise ValidationError(_("This unit is already a member."))
    if not candidate_units(council).filter(pk=unit.pk).exists():
        raise ValidationError(
            _(
                "Choose a unit of a union that takes part in the council, or one that "
                "represents workers of this employer."
            )
        )
    return propose(
        actor,
        council.space,
        Proposal.Kind.ADD_UNIT,
        organisation=unit.organisation,
        unit=unit,
    )


def unit_joins(proposal: Proposal, actor: Any) -> CouncilUnit:
    """The effect of an accepted proposal to add a unit: it joins the council, and
    its union takes part in the council's space."""
    council = Council.objects.get(space=proposal.space)
    unit = proposal.unit
    if unit is None or council.member_units.filter(unit=unit).exists():
        raise ValidationError(_("This unit is already a member."))
    member = CouncilUnit.objects.create(council=council, unit=unit)
    if not council.space.participants.filter(organisation=unit.organisation).exists():
        Participant.objects.create(space=council.space, organisation=unit.organisation)
    record(
        "councils.unit_joined",
        actor=actor,
        space=council.space,
        target=council,
        data={
            "unit": unit.pk,
            "proposal": proposal.pk,
            "union": union_of_actor(actor, council.space),
            "proposed_for": proposal.proposed_for_id,
        },
    )
    return member


@transaction.atomic
def new_calendar_secret(user: Any) -> str:
    """A new secret for the person's feed addresses; the old addresses stop working."""
    secret = secrets.token_urlsafe(24)
    CalendarToken.objects.update_or_create(
        user=user, defaults={"token_hash": hash_secret(secret)}
    )
    record("councils.calendar_secret_renewed", actor=user, target=user)
    return secret


@transaction.atomic
def post_news(
    actor: Any,
    council: Council,
    *,
    kind: str,
    title: str,
    body: str,
    language: str,
    confidential: bool = False,
) -> CouncilPost:
    """Delegates and the officers of member units post; ``confidential`` keeps the
    post from the members of the member units (delegates only)."""
    require(
        actor,
        "councils.write_council",
        council,
        _("Only delegates and officers of the member units post to the council."),
    )
    if kind not in CouncilPost.Kind.values:
        raise ValidationError({"kind": _("Choose a valid kind of news.")})
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    if not title.strip() or not body.strip():
        raise ValidationError(_("Write a title and a text."))
    post = CouncilPost.objects.create(
        council=council, kind=kind, title=title.strip(), body=body.strip(),
        language=language, author=actor, confidential=confidential,
    )  # fmt: skip
    record("councils.news_posted", actor=actor, space=council.space, target=post,
           data={"kind": kind, "confidential": confidential,
                 "union": union_of_actor(actor, council.space)})  # fmt: skip
    notify(seat_holders(council.body), Kind.COUNCIL_NEWS, {"council": council, "title": post}, post.get_absolute_url(), by=actor)  # fmt: skip
    return post


@transaction.atomic
def add_action_item(
    actor: Any, council: Council, *, title: str, owner: Person, due_on: date
) -> ActionItem:
    require(actor, "councils.write_council", council)
    if not possible_owners(actor, council).filter(pk=owner.pk).exists():
        raise ValidationError(
            {
                "owner": _(
                    "Choose a delegate, an officer of a member unit, or someone you "
                    "work with."
                )
            }
        )
    if not title.strip():
        raise ValidationError({"title": _("Say what is to be done.")})
    item = ActionItem.objects.create(
        council=council,
        title=title.strip(),
        owner=owner,
        due_on=due_on,
        created_by=actor,
        language=language_of(actor),
    )
    record("councils.action_added", actor=actor, space=council.space, target=item,
           data={"owner": owner.pk, "due_on": due_on.isoformat(),
                 "union": union_of_actor(actor, council.space)})  # fmt: skip
    notify([owner], Kind.ACTION_ASSIGNED, {"council": council, "title": item, "due": due_on}, item.get_absolute_url(), by=actor)  # fmt: skip
    return item


@transaction.atomic
def set_action_status(actor: Any, item: ActionItem, status: str) -> ActionItem:
    require(actor, "councils.change_actionitem", item)
    if status not in ActionItem.Status.values:
        raise ValidationError({"status": _("Choose a valid status.")})
    before = item.status
    item.status = status
    item.save(update_fields=["status"])
    record("councils.action_updated", actor=actor, space=item.council.space, target=item,
           data={"from": before, "to": status,
                 "union": union_of_actor(actor, item.council.space)})  # fmt: skip
    return item


def send_reminders(days_before: int = 3) -> int:
    """E-mail each owner whose item is due soon, in their language. Returns the count."""
    sent = 0
    for item in items_to_remind(days_before):
        email = item.owner.contacts.filter(kind="email").values_list(
            "value", flat=True
        ).first() or (item.owner.user.email if item.owner.user else "")
        if not email:
            continue
        language = item.owner.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            title = render_for(item, "title", language).text
            subject = _("Reminder: %(title)s") % {"title": title}
            body = _(
                "%(council)s: “%(title)s” is due on %(due)s. Mark it done in Alianza when "
                "it is finished."
            ) % {
                "council": item.council,
                "title": title,
                "due": item.due_on.isoformat(),
            }
        send_email.enqueue(email, str(subject), str(body))
        ActionItem.objects.filter(pk=item.pk).update(reminded_on=timezone.localdate())
        sent += 1
    return sent
