"""The demo world: the alliance as the seed documents describe it.

Facts come from the seeds (the 2011 Solidarity Alliance, Leo W. Gerard's letter of
27 August 2018 and Los Mineros' letter on ASARCO). Anything invented to make the
world usable (local numbers, places, fictional people, phone numbers) is marked
``illustrative``. Demo logins belong to fictional people only; the real people the
seeds name appear as records holding their seats, never with an account.

``load()`` is idempotent: every record is keyed on a slug, a name or an e-mail.
``reset()`` removes the demo world (and only it) so that ``load()`` starts afresh.

The world's parts: ``organisations`` (the unions and their units), ``people`` (and
the demo logins), ``spaces`` (joint spaces and bodies); each app's own records are
in that app's ``demo`` module, which ``load()`` calls in turn.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q

from alianza.accounts.models import Invitation, User
from alianza.audit.models import AuditEntry
from alianza.bodies.models import Body, Seat
from alianza.contracts import demo as contracts_demo
from alianza.councils import demo as councils_demo
from alianza.elections import demo as elections_demo
from alianza.employers import demo as employers_demo
from alianza.governance import demo as governance_demo
from alianza.multilingual import demo as multilingual_demo
from alianza.multilingual.models import Translation
from alianza.orgs.models import Membership, Organisation, Person, Unit
from alianza.solidarity import demo as solidarity_demo
from alianza.spaces.models import JointSpace, Participant, Share

from . import notices
from .organisations import MEMBER, ORGANISATIONS, load_organisations, load_units
from .people import (
    DEMO_EMAIL_SUFFIX,
    LOGINS,
    MEMBERS,
    OFFICIALS,
    PASSWORD,
    PUBLIC_FIGURES,
    TOTP_HINT,
    DemoLogin,
    M,
    P,
    load_login,
    load_person,
    totp_secret_for,
)
from .spaces import SPACES, load_bodies, load_spaces

__all__ = [
    "DEMO_EMAIL_SUFFIX",
    "PASSWORD",
    "TOTP_HINT",
    "DemoLogin",
    "load",
    "reset",
    "totp_secret_for",
]


def load(stdout=None) -> list[DemoLogin]:
    """Create or update the demo world; return the demo logins."""
    with transaction.atomic():
        multilingual_demo.load()
        orgs = load_organisations()
        units = load_units(orgs)
        employers_demo.load(units)
        people: dict[str, Person] = {}
        for data in PUBLIC_FIGURES + OFFICIALS:
            people[data["name"]] = load_person(data, orgs, units)
        for name, country, lang, speaks, org, unit, phone in MEMBERS:
            data = P(name, country, lang, speaks, M(org, unit, MEMBER), phone=phone)
            people[name] = load_person(data, orgs, units)
        logins = []
        for data in LOGINS:
            logins.append(load_login(data, orgs, units))
            people[data["name"]] = Person.objects.get(user__email=data["email"])
        spaces = load_spaces(orgs)
        load_bodies(orgs, spaces, people)
        councils_demo.load()
        governance_demo.load()
        elections_demo.load()
        solidarity_demo.load()
        contracts_demo.load()
        notices.load(list(people.values()))
    if stdout is not None:
        stdout.write(f"Demo world loaded: {len(people)} people, {len(logins)} logins.")
    return logins


# --- Reset --------------------------------------------------------------------------


def _demo_person_ids(orgs) -> set[int]:
    """The people of demo accounts, and those named in the data or in demo
    organisations who belong to no other organisation."""
    names = [p["name"] for p in PUBLIC_FIGURES + OFFICIALS + LOGINS]
    names += [m[0] for m in MEMBERS]
    outside = Membership.objects.exclude(organisation__in=orgs).values("person_id")
    people = Person.objects.filter(
        Q(user__email__endswith=DEMO_EMAIL_SUFFIX)
        | (Q(name__in=names, user=None) | Q(memberships__organisation__in=orgs))
        & ~Q(id__in=outside)
    )
    return set(people.values_list("id", flat=True))


def _drop_translations(model: type[models.Model], ids) -> None:
    ct = ContentType.objects.get_for_model(model)
    Translation.objects.filter(
        content_type=ct, object_id__in=[str(i) for i in ids]
    ).delete()


def reset(stdout=None) -> None:
    """Delete the demo world: the demo organisations and joint spaces with everything
    in them, the demo people and the ``.example`` accounts.

    The audit log is append-only, so an organisation, joint space or account that
    appears in it is kept (emptied, or with its sign-in factors removed) and
    ``load()`` restores it.
    """
    from allauth.mfa.models import Authenticator

    with transaction.atomic():
        orgs = Organisation.objects.filter(slug__in=[o["slug"] for o in ORGANISATIONS])
        spaces = JointSpace.objects.filter(slug__in=[s["slug"] for s in SPACES])
        users = User.objects.filter(email__endswith=DEMO_EMAIL_SUFFIX)
        person_ids = _demo_person_ids(orgs)

        Share.objects.filter(
            Q(space__in=spaces) | Q(shared_by__in=users) | Q(withdrawn_by__in=users)
        ).delete()
        Invitation.objects.filter(
            Q(organisation__in=orgs) | Q(invited_by__in=users)
        ).delete()
        bodies = Body.objects.filter(Q(organisation__in=orgs) | Q(space__in=spaces))
        _drop_translations(Body, bodies.values_list("id", flat=True))
        contracts_demo.reset()  # agreements protect employers and units
        governance_demo.reset()  # votes and motions refer to the seats
        elections_demo.reset()  # elections hold roles of demo people and units
        solidarity_demo.reset()  # campaigns hold worksites, units and people
        seats = Seat.objects.filter(Q(body__in=bodies) | Q(representing__in=orgs))
        _drop_translations(Seat, seats.values_list("id", flat=True))
        seats.delete()
        bodies.delete()
        participants = Participant.objects.filter(
            Q(space__in=spaces) | Q(organisation__in=orgs) | Q(person_id__in=person_ids)
        )
        _drop_translations(Participant, participants.values_list("id", flat=True))
        participants.delete()
        Membership.objects.filter(
            Q(organisation__in=orgs) | Q(unit__organisation__in=orgs)
        ).delete()
        councils_demo.reset()  # councils hold the demo units
        employers_demo.reset(orgs)  # representation by the demo units
        units = Unit.objects.filter(organisation__in=orgs)
        for _ in range(20):  # leaves first: a unit protects its children
            if not units.exists():
                break
            units.filter(children__isnull=True).delete()
        Person.objects.filter(id__in=person_ids).delete()

        audited_users = AuditEntry.objects.filter(actor__in=users).values("actor_id")
        Authenticator.objects.filter(user__in=users).delete()
        users.exclude(id__in=audited_users).delete()

        audited_spaces = AuditEntry.objects.exclude(space=None).values("space_id")
        _drop_translations(JointSpace, spaces.values_list("id", flat=True))
        spaces.exclude(id__in=audited_spaces).delete()
        audited = AuditEntry.objects.exclude(organisation=None).values(
            "organisation_id"
        )
        _drop_translations(Organisation, orgs.values_list("id", flat=True))
        for org in orgs:
            org.affiliates.clear()
        orgs.exclude(id__in=audited).delete()
    if stdout is not None:
        stdout.write("Demo world removed.")
