"""Every URL pattern and API endpoint, with the answer each persona must get.

Adding a page or an endpoint without a row here fails ``test_every_route_has_a_row``:
each capability states who may use what.

Answers: a status code, or LOGIN (a redirect to the sign-in page) or REDIRECT (a
redirect elsewhere, i.e. the action went through and sent the person on).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from alianza.accounts.actions import create_token, invite
from alianza.accounts.models import Invitation
from alianza.api import api
from alianza.bodies.models import Seat
from alianza.spaces.actions import share_record

PERSONAS = [
    "anonymous",
    "outsider",
    "member",
    "mineros_officer",
    "mineros_staff",
    "observer",
    "usw_officer",
    "usw_staff",
    "usw_admin",
]
LOGIN = "login"
REDIRECT = "redirect"
LEADERS = {
    "mineros_officer",
    "mineros_staff",
    "observer",
    "usw_officer",
    "usw_staff",
    "usw_admin",
}
MANAGERS = {"mineros_staff", "usw_staff", "usw_admin"}
MINEROS = {"member", "mineros_officer", "mineros_staff"}


def expect(default: Any, anonymous: Any = LOGIN, **only: Any) -> dict[str, Any]:
    """``default`` for every signed-in persona unless named; ``anonymous`` apart."""
    answers = {p: default for p in PERSONAS}
    answers["anonymous"] = anonymous
    answers.update(only)
    return answers


def allow(personas: set[str], yes: Any, no: Any = 403, anonymous: Any = LOGIN) -> dict:
    answers = {p: (yes if p in personas else no) for p in PERSONAS}
    answers["anonymous"] = anonymous
    return answers


@dataclass
class Row:
    url: Callable[[Any], str]
    answers: dict[str, Any]
    method: str = "get"
    data: Callable[[Any], dict] = field(default=lambda w: {})


def _invitation(w) -> Invitation:
    invitation, _link = invite(
        w["mineros_staff"],
        w.mineros,
        email="nuevo@mineros.test",
        name="Nuevo",
        role="member",
        language="es",
    )
    return invitation


def _share(w):
    return share_record(w["mineros_staff"], w.nec, w.alliance)


def _council(w):
    from alianza.councils.actions import found_council
    from alianza.councils.models import Council

    return Council.objects.filter(employer=w.grupo).first() or found_council(
        w["usw_staff"], w.grupo
    )


def _action_item(w):
    from alianza.councils.actions import add_action_item

    return add_action_item(
        w["usw_staff"], _council(w), title="Solidarity letter",
        owner=w["usw_officer"].person, due_on=date(2026, 12, 1),
    )  # fmt: skip


def _calendar_secret(w) -> str:
    from alianza.councils.actions import new_calendar_secret

    return new_calendar_secret(w["usw_officer"])


def _document(w):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from alianza.documents.actions import upload_document

    return upload_document(
        w["mineros_staff"], w.mineros, title="Contrato colectivo Sección 65", language="es",
        file=SimpleUploadedFile("contrato.pdf", b"%PDF-1.4 contrato", "application/pdf"),
    )  # fmt: skip


def _agreement(w):
    """A Los Mineros agreement with its file and clauses (unshared)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from alianza.contracts.actions import add_agreement
    from alianza.contracts.models import Agreement

    return Agreement.objects.filter(organisation=w.mineros).first() or add_agreement(
        w["mineros_staff"], w.mineros, employer=w.grupo, title="CCT Sección 65",
        language="es", country="MX", text="CLÁUSULA 1. SALARIOS\n1.1 El salario.",
        file=SimpleUploadedFile("cct.txt", b"CLAUSULA 1. SALARIOS"),
    )  # fmt: skip


def _round(w):
    """A USW bargaining round with one proposal (unshared)."""
    from alianza.contracts.actions import add_agreement, open_round, table_proposal
    from alianza.contracts.models import BargainingRound

    found = BargainingRound.objects.first()
    if found is not None:
        return found
    agreement = add_agreement(
        w["usw_staff"], w.usw, employer=w.asarco, title="ASARCO Local 915",
        language="en", country="US", text="ARTICLE 6 – DRUGS\n6.1 For cause only.",
    )  # fmt: skip
    found = open_round(w["usw_staff"], agreement, title="ASARCO 2018")
    table_proposal(
        w["usw_staff"],
        found,
        side="employer",
        article="Article 6",
        summary="Random tests",
    )
    return found


def _meeting(w):
    """An open meeting of Los Mineros' executive committee with quorum present."""
    from django.utils import timezone

    from alianza.governance import actions as gov
    from alianza.governance.models import Meeting

    meeting = Meeting.objects.filter(body=w.nec).first()
    if meeting is None:
        Seat.objects.create(
            body=w.nec, kind="member", holder=w["mineros_officer"].person,
            representing=w.mineros,
        )  # fmt: skip
        meeting = gov.schedule_meeting(
            w["mineros_staff"], w.nec, title="Sesión ordinaria", starts_at=timezone.now(),
            mode="hybrid", place="Ciudad de México", language="es",
        )  # fmt: skip
        gov.set_meeting_status(w["mineros_staff"], meeting, "open")
        for seat in w.nec.seats.filter(kind="member")[:3]:
            gov.check_in(w["mineros_staff"], meeting, seat)
        gov.check_in(w["mineros_officer"], meeting)
    return meeting


def _motion(w):
    from alianza.governance import actions as gov

    meeting = _meeting(w)
    return meeting.motions.first() or gov.submit_motion(
        w["mineros_officer"],
        meeting,
        text="Apoyar a los locales de ASARCO.",
        language="es",
    )


def _vote(w):
    from alianza.governance import actions as gov

    motion = _motion(w)
    return motion.votes.first() or gov.open_vote(
        w["mineros_staff"], motion, method="roll_call", threshold="cast"
    )


def _election(w):
    """A strike vote of Los Mineros; the observer is a trustee, the member its
    credential authority (so that each party's endpoints have someone to answer)."""
    from datetime import timedelta

    from django.utils import timezone

    from alianza.elections import actions as el
    from alianza.elections.models import Election, Role

    election = Election.objects.filter(title="Huelga en Taxco").first()
    if election is None:
        now = timezone.now()
        election = el.create_election(
            w["mineros_staff"], w.mineros, kind="strike", title="Huelga en Taxco",
            question="¿Huelga?", opens_at=now, closes_at=now + timedelta(days=1),
            language="es",
        )  # fmt: skip
        Role.objects.create(
            election=election,
            person=w["observer"].person,
            kind="trustee",
            trustee_index=1,
        )
        Role.objects.create(
            election=election, person=w["member"].person, kind="credential_authority"
        )
    return election


def _published(w):
    """An election with a board and a published result."""
    from alianza.elections import actions as el

    election = _election(w)
    if election.params is None:
        election.params = {"demo": True}
        el.append_event(election, "election", {"id": election.election_id})
        election.result = {
            "counts": [[3, 1]],
            "counted": 4,
            "total_weight": 4,
            "trustees": [1],
        }
        election.status = "published"
        election.save()
    return election


def _representation_vote(w):
    from datetime import timedelta

    from django.utils import timezone

    from alianza.elections import actions as el
    from alianza.elections.models import Election

    found = Election.objects.filter(kind="representation").first()
    return found or el.create_election(
        w["mineros_staff"], w.mineros, kind="representation", title="Apoyo en PKC",
        question="¿Apoya?", opens_at=timezone.now(),
        closes_at=timezone.now() + timedelta(days=3), language="es", covered_workers=100,
    )  # fmt: skip


def _voter(w):
    from alianza.elections.models import Voter

    election = _election(w)
    return election.voters.first() or Voter.objects.create(
        election=election, name="Minera de Taxco", worker_number="17"
    )


def _observer_seat(w) -> Seat:
    return w.nec.seats.get(kind="observer")


def _agenda_item(w):
    from alianza.governance import actions as gov

    meeting = _meeting(w)
    return meeting.agenda.first() or gov.add_agenda_item(
        w["mineros_staff"], meeting, title="Informe de la Comisión Conjunta", minutes=20
    )


def _absent_member(w) -> Seat:
    from alianza.orgs.models import Person

    seat = w.nec.seats.filter(holder__name="Miembro ausente").first()
    if seat is None:
        holder = Person.objects.create(name="Miembro ausente", country="MX")
        seat = Seat.objects.create(
            body=w.nec, kind="member", holder=holder, representing=w.mineros
        )
    return seat


def _officer_seat(w) -> Seat:
    return w.nec.seats.get(holder=w["mineros_officer"].person)


def _proxy(w):
    from alianza.governance import actions as gov

    meeting = _meeting(w)
    return meeting.proxies.first() or gov.give_proxy(
        w["mineros_staff"], meeting, _officer_seat(w), _absent_member(w)
    )


def _adopted_motion(w):
    motion = _motion(w)
    motion.status = "adopted"
    motion.save(update_fields=["status"])
    return motion


def _follow_up(w):
    from alianza.governance import actions as gov

    motion = _adopted_motion(w)
    return motion.follow_ups.first() or gov.add_follow_up(
        w["mineros_staff"], motion, task="Enviar la carta", owner=w["mineros_officer"].person,
        due_on=date(2026, 12, 15),
    )  # fmt: skip


def _forwarding(w):
    from alianza.governance.models import Forwarding

    forwarding, _created = Forwarding.objects.get_or_create(
        recommendation=_motion(w), body=w.nec
    )
    return forwarding


def _minutes(w):
    from alianza.governance.minutes import draft_minutes
    from alianza.governance.models import Minutes

    meeting = _meeting(w)
    return Minutes.objects.filter(meeting=meeting).first() or draft_minutes(
        w["mineros_staff"], meeting
    )


# --- Solidarity: a Los Mineros campaign, request (asking the USW), letter and alert ---

MINEROS_LEADERS = {"mineros_officer", "mineros_staff"}
USW_LEADERS = {"observer", "usw_officer", "usw_staff", "usw_admin"}


def _campaign_(w):
    from alianza.solidarity.actions import create_campaign
    from alianza.solidarity.models import Campaign

    return Campaign.objects.filter(kind="strike_support").first() or create_campaign(
        w["mineros_staff"], w.mineros, kind="strike_support", title="Huelga de Cananea",
        language="es", worksite=w.cananea,
    )  # fmt: skip


def _strike(w):
    from alianza.solidarity.actions import register_strike

    return _campaign_(w).strikes.first() or register_strike(
        w["mineros_staff"], _campaign_(w), worksite=w.cananea, unit=w.section65,
        started_on=date(2007, 7, 30), demands="Seguridad e higiene.",
    )  # fmt: skip


def _target(w):
    from alianza.solidarity.actions import add_target, create_campaign
    from alianza.solidarity.models import OrganizingTarget

    found = OrganizingTarget.objects.first()
    if found:
        return found
    campaign = create_campaign(
        w["mineros_staff"],
        w.mineros,
        kind="organizing",
        title="Organizar",
        language="es",
    )
    return add_target(
        w["mineros_staff"], campaign, worksite=w.cananea, covered_workers=100
    )


def _event(w):
    from alianza.solidarity.actions import create_event
    from alianza.solidarity.models import Event

    return Event.objects.first() or create_event(
        w["mineros_staff"], w.mineros, kind="commemoration", title="Pasta de Conchos",
        starts_on=date(2006, 2, 19), country="MX", annual=True, language="es",
    )  # fmt: skip


def _request(w):
    from alianza.multilingual.actions import save_translation
    from alianza.solidarity import actions
    from alianza.solidarity.models import SolidarityRequest

    found = SolidarityRequest.objects.first()
    if found:
        return found
    staff = w["mineros_staff"]
    req = actions.draft_request(
        staff, w.mineros, title="Solidaridad con ASARCO", body="Apoyen.", language="es",
        audiences=[w.usw],
    )  # fmt: skip
    save_translation(staff, req, "title", "en", "Solidarity with ASARCO")
    save_translation(staff, req, "body", "en", "Support them.")
    actions.vet_request(staff, req)
    return actions.publish_request(staff, req)


def _pledge(w):
    from alianza.solidarity.actions import pledge

    req = _request(w)
    return req.pledges.first() or pledge(
        w["usw_staff"], req, organisation=w.usw, kind="letter", description="A letter"
    )


def _letter(w):
    from alianza.solidarity.actions import add_signatory, draft_letter
    from alianza.solidarity.models import Letter

    found = Letter.objects.filter(status="draft").first()
    if found:
        return found
    letter = draft_letter(
        w["mineros_staff"],
        w.mineros,
        title="Carta a ASARCO",
        body="Hermanos:",
        language="es",
    )
    add_signatory(
        w["mineros_staff"], letter, person=w["usw_officer"].person, organisation=w.usw
    )
    return letter


def _public_letter(w):
    from alianza.solidarity import actions

    letter = actions.draft_letter(
        w["mineros_staff"],
        w.mineros,
        title="Carta publica",
        body="Hermanos:",
        language="es",
    )
    signer = w["mineros_officer"]
    signature = actions.add_signatory(
        w["mineros_staff"], letter, person=signer.person, organisation=w.mineros
    )
    actions.confirm_signature(signer, signature)
    return actions.publish_letter(w["mineros_staff"], letter)


def _alert(w):
    from alianza.alerts.actions import draft_alert
    from alianza.alerts.models import Alert

    return Alert.objects.filter(status="draft").first() or draft_alert(
        w["mineros_staff"],
        w.mineros,
        title="Mitin",
        body="Todos al mitin.",
        language="es",
    )


def _ack_token(w) -> str:
    from alianza.alerts.actions import ack_token, draft_alert, send_alert

    alert = draft_alert(
        w["mineros_staff"], w.mineros, title="Mitin", body="Todos.", language="es"
    )
    send_alert(w["mineros_staff"], alert)
    return ack_token(alert.deliveries.first().pk)


PAGES: dict[str, Row] = {
    "dashboard": Row(lambda w: reverse("dashboard"), expect(200)),
    "healthz": Row(lambda w: reverse("healthz"), expect(200, anonymous=200)),
    "orgs:organisations": Row(lambda w: reverse("orgs:organisations"), expect(200)),
    "orgs:organisation": Row(
        lambda w: reverse("orgs:organisation", args=[w.mineros.slug]), expect(200)
    ),
    "orgs:people_export": Row(
        lambda w: reverse("orgs:people_export", args=[w.mineros.slug]),
        allow({"mineros_staff"}, 200),
    ),
    "orgs:unit_new": Row(
        lambda w: reverse("orgs:unit_new", args=[w.mineros.slug]),
        allow({"mineros_staff"}, 200),
    ),
    "orgs:unit": Row(
        lambda w: reverse("orgs:unit", args=[w.section65.pk]), expect(200)
    ),
    "orgs:people": Row(lambda w: reverse("orgs:people"), allow(LEADERS, 200)),
    "orgs:person_new": Row(lambda w: reverse("orgs:person_new"), allow(MANAGERS, 200)),
    "orgs:person": Row(
        lambda w: reverse("orgs:person", args=[w.rank_and_file.pk]),
        allow({"mineros_staff"}, 200),
    ),
    "orgs:person_edit": Row(
        lambda w: reverse("orgs:person_edit", args=[w.rank_and_file.pk]),
        allow({"mineros_staff"}, 200),
    ),
    "orgs:membership_role": Row(
        lambda w: reverse(
            "orgs:membership_role", args=[w.rank_and_file.memberships.get().pk]
        ),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"role": "officer"},
    ),
    "orgs:invitations": Row(
        lambda w: reverse("orgs:invitations"), allow(MANAGERS, 200)
    ),
    "orgs:invitation_revoke": Row(
        lambda w: reverse("orgs:invitation_revoke", args=[_invitation(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
    ),
    "bodies:bodies": Row(lambda w: reverse("bodies:bodies"), expect(200)),
    "bodies:body_new": Row(
        lambda w: reverse("bodies:body_new") + f"?space={w.commission.slug}",
        allow(MANAGERS, 200),
    ),
    "bodies:body": Row(
        lambda w: reverse("bodies:body", args=[w.nec.pk]),
        allow(MINEROS | {"observer"}, 200),
    ),
    "bodies:seat_add": Row(
        lambda w: reverse("bodies:seat_add", args=[w.nec.pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {
            "kind": "member",
            "representing": w.mineros.pk,
            "title": "Vocal",
        },
    ),
    "spaces:share": Row(
        lambda w: reverse("spaces:share", args=[_content_type(w.nec), w.nec.pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"space": w.alliance.pk},
    ),
    "documents:documents": Row(lambda w: reverse("documents:documents"), expect(200)),
    "documents:document_new": Row(
        lambda w: reverse("documents:document_new"), allow(LEADERS, 200)
    ),
    # A Los Mineros document: its leaders read it; nobody else until it is shared.
    "documents:document": Row(
        lambda w: reverse("documents:document", args=[_document(w).pk]),
        allow({"mineros_officer", "mineros_staff"}, 200),
    ),
    "documents:download": Row(
        lambda w: reverse("documents:download", args=[_document(w).pk]),
        allow({"mineros_officer", "mineros_staff"}, 200),
    ),
    "contracts:library": Row(lambda w: reverse("contracts:library"), expect(200)),
    "contracts:agreement_new": Row(
        lambda w: reverse("contracts:agreement_new"), allow(LEADERS, 200)
    ),
    # A Los Mineros agreement: its leaders read and keep it; nobody else until shared.
    "contracts:agreement": Row(
        lambda w: reverse("contracts:agreement", args=[_agreement(w).pk]),
        allow({"mineros_officer", "mineros_staff"}, 200),
    ),
    "contracts:progress": Row(
        lambda w: reverse("contracts:progress", args=[_agreement(w).pk]),
        allow({"mineros_officer", "mineros_staff"}, 200),
    ),
    "contracts:download": Row(
        lambda w: reverse("contracts:download", args=[_agreement(w).pk]),
        allow({"mineros_officer", "mineros_staff"}, 200),
    ),
    "contracts:wage_add": Row(
        lambda w: reverse("contracts:wage_add", args=[_agreement(w).pk]),
        allow({"mineros_officer", "mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {
            "classification": "Operador",
            "amount": "780",
            "currency": "MXN",
            "per": "day",
            "hours": "8",
            "effective_on": "2025-01-15",
        },
    ),  # fmt: skip
    "contracts:round_new": Row(
        lambda w: reverse("contracts:round_new", args=[_agreement(w).pk]),
        allow({"mineros_officer", "mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"title": "Revisión 2027"},
    ),
    "contracts:clause_topic": Row(
        lambda w: reverse(
            "contracts:clause_topic", args=[_agreement(w).clauses.first().pk]
        ),
        allow({"mineros_officer", "mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"topic": "wages"},
    ),
    "contracts:search": Row(
        lambda w: reverse("contracts:search") + "?q=salario", expect(200)
    ),
    "contracts:compare": Row(lambda w: reverse("contracts:compare"), expect(200)),
    "contracts:rates": Row(lambda w: reverse("contracts:rates"), expect(200)),
    # A USW round: USW leaders follow and keep it; Los Mineros once it is shared.
    "contracts:round": Row(
        lambda w: reverse("contracts:round", args=[_round(w).pk]),
        allow(LEADERS - {"mineros_officer", "mineros_staff"}, 200),
    ),
    "contracts:proposal_add": Row(
        lambda w: reverse("contracts:proposal_add", args=[_round(w).pk]),
        allow(LEADERS - {"mineros_officer", "mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {
            "side": "union",
            "article": "Article 2",
            "summary": "4%",
            "effect": "gain",
        },
    ),  # fmt: skip
    "contracts:proposal_status": Row(
        lambda w: reverse(
            "contracts:proposal_status", args=[_round(w).proposals.first().pk]
        ),
        allow(LEADERS - {"mineros_officer", "mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"status": "withdrawn"},
    ),
    "contracts:expiries": Row(lambda w: reverse("contracts:expiries"), expect(200)),
    "contracts:calendar": Row(
        lambda w: reverse("contracts:calendar", args=[_calendar_secret(w)]),
        expect(200, anonymous=200),
    ),
    "bodies:seat_rights": Row(
        lambda w: reverse("bodies:seat_rights", args=[_observer_seat(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"can_speak": "on"},
    ),
    "spaces:spaces": Row(lambda w: reverse("spaces:spaces"), expect(200)),
    "spaces:space": Row(
        lambda w: reverse("spaces:space", args=[w.commission.slug]), allow(LEADERS, 200)
    ),
    "spaces:participant_add": Row(
        lambda w: reverse("spaces:participant_add", args=[w.alliance.slug]),
        allow(MANAGERS, REDIRECT),
        method="post",
        data=lambda w: {"organisation": w.unite.pk, "role": "participant"},
    ),
    "spaces:withdraw": Row(
        lambda w: reverse("spaces:withdraw", args=[_share(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
    ),
    "audit:log": Row(
        lambda w: reverse("audit:log"), allow({"mineros_staff", "usw_admin"}, 200)
    ),
    "multilingual:save": Row(
        lambda w: reverse("multilingual:save"),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {
            "content_type": _content_type(w.nec),
            "object_id": w.nec.pk,
            "field": "description",
            "language": "en",
            "text": "The union's governing body.",
        },
    ),
    "employers:employers": Row(lambda w: reverse("employers:employers"), expect(200)),
    "employers:map": Row(lambda w: reverse("employers:map"), expect(200)),
    "employers:common": Row(lambda w: reverse("employers:common"), expect(200)),
    "employers:employer": Row(
        lambda w: reverse("employers:employer", args=[w.asarco.slug]), expect(200)
    ),
    "employers:import": Row(
        lambda w: reverse("employers:import"), allow(MANAGERS, 200)
    ),
    "employers:representation_add": Row(
        lambda w: reverse("employers:representation_add", args=[w.hayden.pk]),
        # Local 915 is the USW's: only its staff record its representation.
        allow({"usw_staff", "usw_admin"}, REDIRECT),
        method="post",
        data=lambda w: {"status": "on_strike", "unit": w.local.pk},
    ),
    "councils:councils": Row(lambda w: reverse("councils:councils"), expect(200)),
    "councils:found": Row(
        lambda w: reverse("councils:found", args=[w.grupo.slug]),
        allow(MANAGERS, REDIRECT),
        method="post",
    ),
    "councils:council": Row(
        lambda w: reverse("councils:council", args=[_council(w).space.slug]),
        allow(LEADERS, 200),
    ),
    "councils:meeting_new": Row(
        lambda w: reverse("councils:meeting_new", args=[_council(w).space.slug]),
        allow(MANAGERS, 200),
    ),
    "councils:post_add": Row(
        lambda w: reverse("councils:post_add", args=[_council(w).space.slug]),
        allow(LEADERS, REDIRECT),
        method="post",
        data=lambda w: {
            "kind": "strike",
            "title": "Huelga",
            "body": "Sigue.",
            "language": "es",
        },
    ),
    "councils:item_add": Row(
        lambda w: reverse("councils:item_add", args=[_council(w).space.slug]),
        allow(MANAGERS, REDIRECT),
        method="post",
        data=lambda w: {
            "title": "Letter",
            "owner": w["usw_staff"].person.pk,
            "due_on": "2026-12-01",
        },
    ),
    "councils:unit_add": Row(
        lambda w: reverse("councils:unit_add", args=[_council(w).space.slug]),
        allow(MANAGERS, REDIRECT),
        method="post",
        data=lambda w: {"unit": w.section201.pk},
    ),
    "councils:item_status": Row(
        lambda w: reverse("councils:item_status", args=[_action_item(w).pk]),
        # The owner (usw_officer) and the coordinators' staff; others who take part
        # are refused; those outside the council cannot see it at all.
        {
            **allow(MANAGERS | {"usw_officer"}, REDIRECT),
            "mineros_officer": 403,
            "observer": 403,
        },
        method="post",
        data=lambda w: {"status": "done"},
    ),
    "councils:calendar_links": Row(
        lambda w: reverse("councils:calendar_links"), expect(200)
    ),
    # Calendar feeds are opened by calendar programs: the secret in the address is
    # the only credential, whoever asks.
    "councils:my_calendar": Row(
        lambda w: reverse("councils:my_calendar", args=[_calendar_secret(w)]),
        expect(200, anonymous=200),
    ),
    "councils:council_calendar": Row(
        lambda w: reverse(
            "councils:council_calendar",
            args=[_calendar_secret(w), _council(w).space.slug],
        ),
        expect(200, anonymous=200),
    ),
    "bodies:body_rules": Row(
        lambda w: reverse("bodies:body_rules", args=[w.nec.pk]),
        allow({"mineros_staff"}, 200),
    ),
    "governance:meeting_new": Row(
        lambda w: reverse("governance:meeting_new") + f"?body={w.nec.pk}",
        allow({"mineros_staff"}, 200),
    ),
    "governance:meeting": Row(
        lambda w: reverse("governance:meeting", args=[_meeting(w).pk]),
        allow(MINEROS | {"observer"}, 200),
    ),
    "governance:live": Row(
        lambda w: reverse("governance:live", args=[_meeting(w).pk]),
        allow(MINEROS | {"observer"}, 200),
    ),
    "governance:projector": Row(
        lambda w: reverse("governance:projector", args=[_meeting(w).pk]),
        allow(MINEROS | {"observer"}, 200),
    ),
    "governance:meeting_status": Row(
        lambda w: reverse("governance:meeting_status", args=[_meeting(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"status": "open"},
    ),
    # Self check-in and the floor: only for those holding a seat (the observer does).
    "governance:check_in": Row(
        lambda w: reverse("governance:check_in", args=[_meeting(w).pk]),
        allow({"observer", "mineros_officer"}, REDIRECT),
        method="post",
    ),
    "governance:speak": Row(
        lambda w: reverse("governance:speak", args=[_meeting(w).pk]),
        allow({"observer", "mineros_officer"}, REDIRECT),
        method="post",
        data=lambda w: {"kind": "speak"},
    ),
    "governance:next_speaker": Row(
        lambda w: reverse("governance:next_speaker", args=[_meeting(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
    ),
    # Motions and named votes: voting members only; the observer is refused.
    "governance:motion_add": Row(
        lambda w: reverse("governance:motion_add", args=[_meeting(w).pk]),
        allow({"mineros_officer"}, REDIRECT),
        method="post",
        data=lambda w: {"text": "Enviar una delegación a Cananea.", "language": "es"},
    ),
    "governance:vote_open": Row(
        lambda w: reverse("governance:vote_open", args=[_motion(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"method": "roll_call", "threshold": "cast"},
    ),
    "governance:ballot": Row(
        lambda w: reverse("governance:ballot", args=[_vote(w).pk]),
        allow({"mineros_officer"}, REDIRECT),
        method="post",
        data=lambda w: {"choice": "yes"},
    ),
    "governance:hands": Row(
        lambda w: reverse("governance:hands", args=[_vote(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"yes": "2", "no": "0", "abstain": "0"},
    ),
    "governance:vote_close": Row(
        lambda w: reverse("governance:vote_close", args=[_vote(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
    ),
    "governance:speaking_limit": Row(
        lambda w: reverse("governance:speaking_limit", args=[_meeting(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"seconds": "120"},
    ),
    "governance:agenda_add": Row(
        lambda w: reverse("governance:agenda_add", args=[_meeting(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"title": "Asuntos generales", "minutes": "15"},
    ),
    "governance:agenda_current": Row(
        lambda w: reverse("governance:agenda_current", args=[_meeting(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"item": str(_agenda_item(w).pk)},
    ),
    # A proxy for someone else's seat: only the secretary records it.
    "governance:proxy_give": Row(
        lambda w: reverse("governance:proxy_give", args=[_meeting(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {
            "carrier": str(_officer_seat(w).pk),
            "giver": str(_absent_member(w).pk),
        },
    ),
    "governance:proxy_withdraw": Row(
        lambda w: reverse("governance:proxy_withdraw", args=[_proxy(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
    ),
    "governance:motion_support": Row(
        lambda w: reverse("governance:motion_support", args=[_motion(w).pk]),
        allow({"mineros_officer"}, REDIRECT),
        method="post",
    ),
    "governance:motion_amend": Row(
        lambda w: reverse("governance:motion_amend", args=[_motion(w).pk]),
        allow({"mineros_officer"}, REDIRECT),
        method="post",
        data=lambda w: {
            "line_from": "1",
            "line_to": "1",
            "text": "Apoyar a los cinco locales.",
            "language": "es",
        },
    ),
    "governance:motion_move": Row(
        lambda w: reverse("governance:motion_move", args=[_motion(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"status": "referred"},
    ),
    "governance:motion_forward": Row(
        lambda w: reverse("governance:motion_forward", args=[_adopted_motion(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
    ),
    "governance:follow_up_add": Row(
        lambda w: reverse("governance:follow_up_add", args=[_adopted_motion(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {
            "task": "Informar al CEN",
            "owner": str(w["mineros_officer"].person.pk),
            "due_on": "2026-12-20",
        },
    ),
    # Its owner (the officer) or the body's secretary reports progress.
    "governance:follow_up_update": Row(
        lambda w: reverse("governance:follow_up_update", args=[_follow_up(w).pk]),
        allow({"mineros_staff", "mineros_officer"}, REDIRECT),
        method="post",
        data=lambda w: {"status": "in_progress", "progress": "40", "note": ""},
    ),
    "governance:recommendations": Row(
        lambda w: reverse("governance:recommendations", args=[w.nec.pk]),
        allow(MINEROS | {"observer"}, 200),
    ),
    "governance:forwarding_decide": Row(
        lambda w: reverse("governance:forwarding_decide", args=[_forwarding(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"decision": "adopted", "decided_on": "2026-11-30", "note": ""},
    ),
    "governance:forwarding_agenda": Row(
        lambda w: reverse("governance:forwarding_agenda", args=[_forwarding(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"meeting": str(_meeting(w).pk)},
    ),
    "governance:minutes": Row(
        lambda w: reverse("governance:minutes", args=[_minutes(w).meeting_id]),
        allow(MINEROS | {"observer"}, 200),
    ),
    "governance:minutes_assemble": Row(
        lambda w: reverse("governance:minutes_assemble", args=[_meeting(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
    ),
    "governance:minutes_approve": Row(
        lambda w: reverse("governance:minutes_approve", args=[_minutes(w).meeting_id]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"at": str(_meeting(w).pk)},
    ),
    "governance:minutes_pdf": Row(
        lambda w: reverse("governance:minutes_pdf", args=[_minutes(w).meeting_id]),
        allow(MINEROS | {"observer"}, 200),
    ),
    "elections:elections": Row(lambda w: reverse("elections:elections"), expect(200)),
    "elections:election_new": Row(
        lambda w: reverse("elections:election_new") + "?organisation=los-mineros",
        allow({"mineros_staff"}, 200),
    ),
    # Members of the union and those with a part in the election (observer, member).
    "elections:election": Row(
        lambda w: reverse("elections:election", args=[_election(w).uid]),
        allow(MINEROS | {"observer"}, 200),
    ),
    "elections:role_add": Row(
        lambda w: reverse("elections:role_add", args=[_election(w).uid]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {
            "person": str(w["mineros_officer"].person.pk),
            "kind": "auditor",
        },
    ),
    "elections:step": Row(
        lambda w: reverse("elections:step", args=[_election(w).uid]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"do": "begin"},
    ),
    "elections:voters": Row(
        lambda w: reverse("elections:voters", args=[_election(w).uid]),
        allow({"mineros_staff"}, 200),
    ),
    "elections:participation": Row(
        lambda w: reverse("elections:participation", args=[_election(w).uid]),
        allow({"mineros_staff"}, 200),
    ),
    # The board and the result are public.
    "elections:board": Row(
        lambda w: reverse("elections:board", args=[_published(w).uid]),
        expect(200, anonymous=200),
    ),
    "elections:board_download": Row(
        lambda w: reverse("elections:board_download", args=[_published(w).uid]),
        expect(200, anonymous=200),
    ),
    "elections:certificate": Row(
        lambda w: reverse("elections:certificate", args=[_published(w).uid]),
        expect(200, anonymous=200),
    ),
    # The credential authority (the member, in this matrix) alone.
    "elections:authority": Row(
        lambda w: reverse("elections:authority", args=[_election(w).uid]),
        allow({"member"}, 200),
    ),
    "elections:deliver": Row(
        lambda w: reverse("elections:deliver", args=[_election(w).uid]),
        allow({"member"}, 422),
        method="post",
        data=lambda w: {"method": "email"},
    ),
    # The booth is public; this vote is not open yet.
    "elections:booth": Row(
        lambda w: reverse("elections:booth", args=[_election(w).uid]),
        expect(409, anonymous=409),
    ),
    "account_settings": Row(lambda w: reverse("account_settings"), expect(200)),
    "api_tokens": Row(lambda w: reverse("api_tokens"), expect(200)),
    "api_token_revoke": Row(
        lambda w: reverse(
            "api_token_revoke", args=[create_token(w["usw_staff"], "x")[0].pk]
        ),
        allow({"usw_staff"}, REDIRECT, no=404),
        method="post",
    ),
    "accept_invitation": Row(
        lambda w: reverse("accept_invitation", args=[w.invitation_token]),
        expect(200, anonymous=200),
    ),
    "set_language": Row(
        lambda w: reverse("set_language"),
        expect(REDIRECT, anonymous=REDIRECT),
        method="post",
        data=lambda w: {"language": "es", "next": "/"},
    ),
    # Account pages (django-allauth): signing in, passwords, two-factor authentication.
    "account_login": Row(
        lambda w: reverse("account_login"), expect(REDIRECT, anonymous=200)
    ),
    "account_logout": Row(lambda w: reverse("account_logout"), expect(200)),
    "account_inactive": Row(
        lambda w: reverse("account_inactive"), expect(200, anonymous=200)
    ),
    "account_signup": Row(
        lambda w: reverse("account_signup"), expect(REDIRECT, anonymous=200)
    ),
    "account_reauthenticate": Row(
        lambda w: reverse("account_reauthenticate"), expect(200)
    ),
    "account_email": Row(lambda w: reverse("account_email"), expect(200)),
    "account_email_verification_sent": Row(
        lambda w: reverse("account_email_verification_sent"), expect(200, anonymous=200)
    ),
    "account_change_password": Row(
        lambda w: reverse("account_change_password"), expect(200)
    ),
    "account_set_password": Row(
        lambda w: reverse("account_set_password"), expect(REDIRECT)
    ),
    "account_reset_password": Row(
        lambda w: reverse("account_reset_password"), expect(200, anonymous=200)
    ),
    "account_confirm_login_code": Row(
        lambda w: reverse("account_confirm_login_code"), expect(REDIRECT)
    ),
    "account_confirm_email": Row(
        lambda w: reverse("account_confirm_email", args=["not-a-key"]),
        expect(200, anonymous=200),
    ),
    "account_reset_password_from_key_done": Row(
        lambda w: reverse("account_reset_password_from_key_done"),
        expect(200, anonymous=200),
    ),
    "account_reset_password_from_key": Row(
        lambda w: reverse("account_reset_password_from_key", args=["0", "bad-key"]),
        expect(200, anonymous=200),
    ),
    "account_reset_password_done": Row(
        lambda w: reverse("account_reset_password_done"), expect(200, anonymous=200)
    ),
    # Changing two-factor settings needs a recent sign-in; the test client's forced
    # login is not one, so allauth sends these to re-authenticate first.
    "mfa_index": Row(lambda w: reverse("mfa_index"), expect(200)),
    "mfa_authenticate": Row(lambda w: reverse("mfa_authenticate"), expect(REDIRECT)),
    "mfa_reauthenticate": Row(
        lambda w: reverse("mfa_reauthenticate"), allow(LEADERS, 200, no=REDIRECT)
    ),
    "mfa_activate_totp": Row(
        lambda w: reverse("mfa_activate_totp"),
        expect(REDIRECT),
    ),
    "mfa_deactivate_totp": Row(
        lambda w: reverse("mfa_deactivate_totp"), allow(LEADERS, REDIRECT, no=404)
    ),
    "mfa_view_recovery_codes": Row(
        lambda w: reverse("mfa_view_recovery_codes"), expect(404)
    ),
    "mfa_generate_recovery_codes": Row(
        lambda w: reverse("mfa_generate_recovery_codes"), expect(REDIRECT)
    ),
    "solidarity:hub": Row(lambda w: reverse("solidarity:hub"), expect(200)),
    "solidarity:campaign_new": Row(
        lambda w: reverse("solidarity:campaign_new"), allow(LEADERS, 200)
    ),
    "solidarity:campaign": Row(
        lambda w: reverse("solidarity:campaign", args=[_campaign_(w).pk]),
        allow(MINEROS_LEADERS, 200),
    ),
    "solidarity:campaign_timeline": Row(
        lambda w: reverse("solidarity:campaign_timeline", args=[_campaign_(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT),
        method="post",
        data=lambda w: {"kind": "rally", "happened_on": "2026-01-05", "title": "Mitin"},
    ),
    "solidarity:campaign_status": Row(
        lambda w: reverse("solidarity:campaign_status", args=[_campaign_(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT),
        method="post",
        data=lambda w: {"status": "won"},
    ),
    "solidarity:campaign_team": Row(
        lambda w: reverse("solidarity:campaign_team", args=[_campaign_(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT),
        method="post",
        data=lambda w: {"person": w["member"].person.pk},
    ),
    "solidarity:strike_new": Row(
        lambda w: reverse("solidarity:strike_new", args=[_campaign_(w).pk]),
        allow(MINEROS_LEADERS, 200),
    ),
    "solidarity:strike": Row(
        lambda w: reverse("solidarity:strike", args=[_strike(w).pk]),
        allow(MINEROS_LEADERS, 200),
    ),
    "solidarity:target_new": Row(
        lambda w: reverse("solidarity:target_new", args=[_campaign_(w).pk]),
        allow(MINEROS_LEADERS, 200),
    ),
    # Everyone who sees the campaign sees the pipeline; only its team (here the
    # staffer who created it) sees the contacts and changes the figures.
    "solidarity:target": Row(
        lambda w: reverse("solidarity:target", args=[_target(w).pk]),
        allow(MINEROS_LEADERS, 200),
    ),
    "solidarity:target_support": Row(
        lambda w: reverse("solidarity:target_support", args=[_target(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"covered_workers": 100, "supporters": 31},
    ),
    "solidarity:target_election": Row(
        lambda w: reverse("solidarity:target_election", args=[_target(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"election": str(_representation_vote(w).pk)},
    ),
    "elections:voter_correct": Row(
        lambda w: reverse(
            "elections:voter_correct", args=[_election(w).uid, _voter(w).pk]
        ),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"name": "Minera de Taxco", "weight": "2"},
    ),
    "solidarity:target_stage": Row(
        lambda w: reverse("solidarity:target_stage", args=[_target(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"stage": "contacts"},
    ),
    "solidarity:target_contact": Row(
        lambda w: reverse("solidarity:target_contact", args=[_target(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
        data=lambda w: {"name": "Trabajadora", "phone": "+52 1"},
    ),
    "solidarity:events": Row(lambda w: reverse("solidarity:events"), expect(200)),
    "solidarity:event_new": Row(
        lambda w: reverse("solidarity:event_new"), allow(LEADERS, 200)
    ),
    "solidarity:event_delegation": Row(
        lambda w: reverse("solidarity:event_delegation", args=[_event(w).pk]),
        allow(LEADERS, REDIRECT),
        method="post",
        data=lambda w: {"organisation": w.usw.pk, "people": 4},
    ),
    "solidarity:events_calendar": Row(
        lambda w: reverse("solidarity:events_calendar", args=[_calendar_secret(w)]),
        expect(200, anonymous=200),
    ),
    "solidarity:request_new": Row(
        lambda w: reverse("solidarity:request_new"), allow(LEADERS, 200)
    ),
    # Published, asking the USW: both unions' leaders read it; members do not.
    "solidarity:request": Row(
        lambda w: reverse("solidarity:request", args=[_request(w).pk]),
        allow(LEADERS, 200),
    ),
    "solidarity:request_vet": Row(
        lambda w: reverse("solidarity:request_vet", args=[_request(w).pk]),
        allow({"mineros_staff"}, REDIRECT),
        method="post",
    ),
    "solidarity:request_publish": Row(
        lambda w: reverse("solidarity:request_publish", args=[_request(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT),
        method="post",
    ),
    "solidarity:request_close": Row(
        lambda w: reverse("solidarity:request_close", args=[_request(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT),
        method="post",
    ),
    "solidarity:request_pledge": Row(
        lambda w: reverse("solidarity:request_pledge", args=[_request(w).pk]),
        allow(USW_LEADERS, REDIRECT),
        method="post",
        data=lambda w: {
            "organisation": w.usw.pk,
            "kind": "rally",
            "description": "Rally",
        },
    ),
    "solidarity:pledge_done": Row(
        lambda w: reverse("solidarity:pledge_done", args=[_pledge(w).pk]),
        allow(USW_LEADERS, REDIRECT),
        method="post",
    ),
    "solidarity:letter_new": Row(
        lambda w: reverse("solidarity:letter_new"), allow(LEADERS, 200)
    ),
    # A draft: its union's leaders and its co-signer (the USW officer) read it.
    "solidarity:letter": Row(
        lambda w: reverse("solidarity:letter", args=[_letter(w).pk]),
        allow(MINEROS_LEADERS | {"usw_officer"}, 200),
    ),
    "solidarity:letter_pdf": Row(
        lambda w: reverse("solidarity:letter_pdf", args=[_letter(w).pk]),
        allow(MINEROS_LEADERS | {"usw_officer"}, 200),
    ),
    "solidarity:letter_signatory": Row(
        lambda w: reverse("solidarity:letter_signatory", args=[_letter(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT),
        method="post",
        data=lambda w: {"person": w["observer"].person.pk, "organisation": w.usw.pk},
    ),
    "solidarity:letter_confirm": Row(
        lambda w: reverse(
            "solidarity:letter_confirm", args=[_letter(w).signatures.first().pk]
        ),
        allow({"usw_officer"}, REDIRECT),
        method="post",
    ),
    "solidarity:letter_publish": Row(
        lambda w: reverse("solidarity:letter_publish", args=[_letter(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT),
        method="post",
    ),
    "solidarity:letter_public": Row(
        lambda w: reverse("solidarity:letter_public", args=[_public_letter(w).slug]),
        expect(200, anonymous=200),
    ),
    "alerts:alert_new": Row(lambda w: reverse("alerts:alert_new"), allow(LEADERS, 200)),
    "alerts:alert": Row(
        lambda w: reverse("alerts:alert", args=[_alert(w).pk]),
        allow(MINEROS_LEADERS, 200),
    ),
    "alerts:progress": Row(
        lambda w: reverse("alerts:progress", args=[_alert(w).pk]),
        allow(MINEROS_LEADERS, 200),
    ),
    "alerts:send": Row(
        lambda w: reverse("alerts:send", args=[_alert(w).pk]),
        allow(MINEROS_LEADERS, REDIRECT),
        method="post",
    ),
    # The recipient's link needs no login: the signed token is the key.
    "alerts:acknowledge": Row(
        lambda w: reverse("alerts:acknowledge", args=[_ack_token(w)]),
        expect(200, anonymous=200),
    ),
    "mfa_download_recovery_codes": Row(
        lambda w: reverse("mfa_download_recovery_codes"), expect(404)
    ),
}


def _content_type(obj) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(type(obj)).pk


API: dict[str, Row] = {
    "GET /api/v1/openapi.json": Row(
        lambda w: "/api/v1/openapi.json", expect(200, anonymous=200)
    ),
    "GET /api/v1/docs": Row(lambda w: "/api/v1/docs", expect(200, anonymous=200)),
    "GET /api/v1/me": Row(lambda w: "/api/v1/me", expect(200, anonymous=401)),
    "GET /api/v1/organisations": Row(
        lambda w: "/api/v1/organisations", expect(200, anonymous=401)
    ),
    "GET /api/v1/organisations/{slug}": Row(
        lambda w: "/api/v1/organisations/los-mineros", expect(200, anonymous=401)
    ),
    "GET /api/v1/organisations/{slug}/units": Row(
        lambda w: "/api/v1/organisations/los-mineros/units", expect(200, anonymous=401)
    ),
    "POST /api/v1/organisations/{slug}/units": Row(
        lambda w: "/api/v1/organisations/usw/units",
        allow({"usw_staff", "usw_admin"}, 201, anonymous=401),
        method="post",
        data=lambda w: {"kind": "local", "name": "Local 5102", "country": "US"},
    ),
    "GET /api/v1/units/{unit_id}": Row(
        lambda w: f"/api/v1/units/{w.section65.pk}", expect(200, anonymous=401)
    ),
    "GET /api/v1/people": Row(lambda w: "/api/v1/people", expect(200, anonymous=401)),
    "POST /api/v1/people": Row(
        lambda w: "/api/v1/people",
        allow({"mineros_staff"}, 201, anonymous=401),
        method="post",
        data=lambda w: {
            "organisation": "los-mineros",
            "name": "Juana Pérez",
            "country": "MX",
            "preferred_language": "es",
            "phone": "+52 645 111 2222",
            "unit_id": w.section65.pk,
        },
    ),
    "GET /api/v1/people/{person_id}": Row(
        lambda w: f"/api/v1/people/{w.rank_and_file.pk}",
        allow({"mineros_staff"}, 200, anonymous=401),
    ),
    "PATCH /api/v1/people/{person_id}": Row(
        lambda w: f"/api/v1/people/{w.rank_and_file.pk}",
        allow({"mineros_staff"}, 200, anonymous=401),
        method="patch",
        data=lambda w: {"phone": "+52 645 333 4444"},
    ),
    "GET /api/v1/bodies": Row(lambda w: "/api/v1/bodies", expect(200, anonymous=401)),
    "POST /api/v1/bodies": Row(
        lambda w: "/api/v1/bodies",
        allow({"mineros_staff"}, 201, anonymous=401),
        method="post",
        data=lambda w: {
            "name": "Consejo de Sección 65",
            "kind": "council",
            "language": "es",
            "organisation": "los-mineros",
        },
    ),
    "GET /api/v1/bodies/{body_id}": Row(
        lambda w: f"/api/v1/bodies/{w.nec.pk}",
        allow(MINEROS | {"observer"}, 200, no=404, anonymous=401),
    ),
    "POST /api/v1/bodies/{body_id}/seats": Row(
        lambda w: f"/api/v1/bodies/{w.nec.pk}/seats",
        {
            **allow({"mineros_staff"}, 201, no=404, anonymous=401),
            "member": 403,
            "mineros_officer": 403,
            "observer": 403,
        },
        method="post",
        data=lambda w: {
            "kind": "observer",
            "representing": "usw",
            "title": "Second observer",
        },
    ),
    "GET /api/v1/employers": Row(
        lambda w: "/api/v1/employers", expect(200, anonymous=401)
    ),
    "GET /api/v1/employers/common": Row(
        lambda w: "/api/v1/employers/common", expect(200, anonymous=401)
    ),
    "GET /api/v1/employers/{slug}": Row(
        lambda w: "/api/v1/employers/asarco", expect(200, anonymous=401)
    ),
    "GET /api/v1/worksites": Row(
        lambda w: "/api/v1/worksites", expect(200, anonymous=401)
    ),
    "POST /api/v1/worksites/{worksite_id}/representation": Row(
        lambda w: f"/api/v1/worksites/{w.hayden.pk}/representation",
        allow({"usw_staff", "usw_admin"}, 201, anonymous=401),
        method="post",
        data=lambda w: {"status": "on_strike", "unit_id": w.local.pk},
    ),
    "POST /api/v1/imports": Row(
        lambda w: "/api/v1/imports",
        allow(MANAGERS, 200, anonymous=401),
        method="post",
        data=lambda w: {"kind": "employers", "csv": "name,country\nTeksid,MX\n"},
    ),
    "GET /api/v1/meetings/{meeting_id}": Row(
        lambda w: f"/api/v1/meetings/{_meeting(w).pk}",
        allow(MINEROS | {"observer"}, 200, no=404, anonymous=401),
    ),
    # Asking for the floor: only those holding a seat that speaks.
    "POST /api/v1/meetings/{meeting_id}/speakers": Row(
        lambda w: f"/api/v1/meetings/{_meeting(w).pk}/speakers",
        {
            **allow({"observer", "mineros_officer"}, 201, no=404, anonymous=401),
            "member": 403,
            "mineros_staff": 403,
        },
        method="post",
        data=lambda w: {"kind": "point_of_order"},
    ),
    "GET /api/v1/meetings/{meeting_id}/minutes": Row(
        lambda w: f"/api/v1/meetings/{_minutes(w).meeting_id}/minutes",
        allow(MINEROS | {"observer"}, 200, no=404, anonymous=401),
    ),
    "GET /api/v1/elections/{uid}/ceremony": Row(
        lambda w: f"/api/v1/elections/{_election(w).uid}/ceremony",
        allow({"observer"}, 200, anonymous=401),
    ),
    # The election is a draft: the trustee is heard, and told it is too early.
    "POST /api/v1/elections/{uid}/ceremony": Row(
        lambda w: f"/api/v1/elections/{_election(w).uid}/ceremony",
        allow({"observer"}, 422, anonymous=401),
        method="post",
        data=lambda w: {"step": "announce", "payload": {"trustee": 1, "box_key": "00"}},
    ),
    "POST /api/v1/elections/{uid}/credentials": Row(
        lambda w: f"/api/v1/elections/{_election(w).uid}/credentials",
        allow({"member"}, 422, anonymous=401),
        method="post",
        data=lambda w: {"credentials": {}},
    ),
    # Anyone may send a ballot (its signature is the proof); this one is refused.
    "POST /api/v1/elections/{uid}/ballots": Row(
        lambda w: f"/api/v1/elections/{_election(w).uid}/ballots",
        expect(422, anonymous=422),
        method="post",
        data=lambda w: {"credential": "00"},
    ),
    "GET /api/v1/agreements": Row(
        lambda w: "/api/v1/agreements", expect(200, anonymous=401)
    ),
    "POST /api/v1/agreements": Row(
        lambda w: "/api/v1/agreements",
        allow(
            {"usw_officer", "observer", "usw_staff", "usw_admin"}, 201, anonymous=401
        ),
        method="post",
        data=lambda w: {
            "organisation": "usw",
            "employer": "asarco",
            "title": "Ray",
            "language": "en",
            "country": "US",
            "text": "ARTICLE 1 – WAGES\n1.1 The rate.",
        },
    ),  # fmt: skip
    "GET /api/v1/agreements/search": Row(
        lambda w: "/api/v1/agreements/search?q=salario", expect(200, anonymous=401)
    ),
    "GET /api/v1/agreements/{agreement_id}": Row(
        lambda w: f"/api/v1/agreements/{_agreement(w).pk}",
        allow({"mineros_officer", "mineros_staff"}, 200, no=404, anonymous=401),
    ),
    "GET /api/v1/bargaining-rounds/{round_id}": Row(
        lambda w: f"/api/v1/bargaining-rounds/{_round(w).pk}",
        allow(
            LEADERS - {"mineros_officer", "mineros_staff"}, 200, no=404, anonymous=401
        ),
    ),
    "GET /api/v1/spaces": Row(lambda w: "/api/v1/spaces", expect(200, anonymous=401)),
    "GET /api/v1/spaces/{slug}": Row(
        lambda w: f"/api/v1/spaces/{w.commission.slug}",
        allow(LEADERS, 200, no=404, anonymous=401),
    ),
    "GET /api/v1/solidarity/campaigns": Row(
        lambda w: "/api/v1/solidarity/campaigns", expect(200, anonymous=401)
    ),
    "GET /api/v1/solidarity/requests": Row(
        lambda w: "/api/v1/solidarity/requests", expect(200, anonymous=401)
    ),
    "GET /api/v1/solidarity/requests/{request_id}": Row(
        lambda w: f"/api/v1/solidarity/requests/{_request(w).pk}",
        allow(LEADERS, 200, no=404, anonymous=401),
    ),
    "POST /api/v1/solidarity/requests/{request_id}/pledges": Row(
        lambda w: f"/api/v1/solidarity/requests/{_request(w).pk}/pledges",
        {
            **allow(USW_LEADERS, 201, no=404, anonymous=401),
            "mineros_officer": 403,
            "mineros_staff": 403,
        },
        method="post",
        data=lambda w: {
            "organisation": "usw",
            "kind": "statement",
            "description": "We stand",
        },
    ),
    "GET /api/v1/solidarity/alerts/{alert_id}/progress": Row(
        lambda w: f"/api/v1/solidarity/alerts/{_alert(w).pk}/progress",
        allow(MINEROS_LEADERS, 200, anonymous=401),
    ),
}


def _route_names() -> set[str]:
    names: set[str] = set()

    def walk(resolver: URLResolver, namespace: str) -> None:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "api":
                    continue
                inner = pattern.namespace or ""
                walk(pattern, f"{namespace}{inner}:" if inner else namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(namespace + pattern.name)

    walk(get_resolver(), "")
    return names


def _api_operations() -> set[str]:
    schema = api.get_openapi_schema()
    operations = {
        f"{method.upper()} {path}"
        for path, methods in schema["paths"].items()
        for method in methods
    }
    return operations | {"GET /api/v1/openapi.json", "GET /api/v1/docs"}


def test_every_route_has_a_row():
    assert _route_names() - set(PAGES) == set(), "pages without a row in the matrix"
    assert set(PAGES) - _route_names() == set(), "rows for pages that no longer exist"
    assert _api_operations() - set(API) == set(), "API endpoints without a row"
    assert set(API) - _api_operations() == set(), (
        "rows for endpoints that no longer exist"
    )


def test_every_row_names_every_persona():
    for name, row in {**PAGES, **API}.items():
        assert set(row.answers) == set(PERSONAS), name


def _answer(response, login_url: str) -> Any:
    if response.status_code in (301, 302):
        return LOGIN if response["Location"].startswith(login_url) else REDIRECT
    return response.status_code


@pytest.fixture
def matrix_world(world):
    _invitation_obj, link = invite(
        world["mineros_staff"],
        world.mineros,
        email="invitada@mineros.test",
        name="Invitada",
        role="member",
        language="es",
    )
    world.invitation_token = link.rstrip("/").rsplit("/", 1)[-1]
    return world


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_page(client, matrix_world, name, persona):
    row = PAGES[name]
    if persona != "anonymous":
        client.force_login(matrix_world[persona])
    url = row.url(matrix_world)
    response = getattr(client, row.method)(url, row.data(matrix_world))
    assert _answer(response, reverse("account_login")) == row.answers[persona], (
        f"{row.method.upper()} {url} as {persona}"
    )


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(API))
def test_api(client, matrix_world, name, persona):
    row = API[name]
    headers = {}
    if persona != "anonymous":
        _token, secret = create_token(matrix_world[persona], "matrix")
        headers["Authorization"] = f"Bearer {secret}"
    url = row.url(matrix_world)
    method = getattr(client, row.method)
    if row.method == "get":
        response = method(url, headers=headers)
    else:
        response = method(
            url,
            row.data(matrix_world),
            content_type="application/json",
            headers=headers,
        )
    assert response.status_code == row.answers[persona], (
        f"{name} as {persona}: {response.content[:300]!r}"
    )
