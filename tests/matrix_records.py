"""The records the authorisation matrix's rows act on, made on demand in the test world.

Each function takes the matrix world ``w`` (the root conftest's ``world`` with the
personas' users by name) and returns the record a row's URL names, creating it once.
"""

from datetime import date

from alianza.accounts.actions import invite
from alianza.accounts.models import Invitation
from alianza.bodies.models import Seat
from alianza.spaces.actions import share_record


def the_invitation(w) -> Invitation:
    invitation, _link = invite(
        w["mineros_staff"],
        w.mineros,
        email="nuevo@mineros.test",
        name="Nuevo",
        role="member",
        language="es",
    )
    return invitation


def the_share(w):
    return share_record(w["mineros_staff"], w.nec, w.alliance)


def the_council(w):
    from alianza.councils.actions import found_council
    from alianza.councils.models import Council

    return Council.objects.filter(employer=w.grupo).first() or found_council(
        w["usw_staff"], w.grupo
    )


def the_council_meeting(w):
    """The council's next meeting, hosted by USW Local 915 on Arizona's clock."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from alianza.councils.actions import schedule_meeting
    from alianza.councils.models import CouncilMeeting

    council = the_council(w)
    starts = datetime(2027, 7, 15, 9, tzinfo=ZoneInfo("America/Phoenix"))
    return CouncilMeeting.objects.filter(council=council).first() or schedule_meeting(
        w["usw_staff"], council, starts_at=starts, ends_at=starts.replace(hour=16),
        country="US", host_unit=w.local, time_zone="America/Phoenix",
    )  # fmt: skip


def the_action_item(w):
    from alianza.councils.actions import add_action_item

    return add_action_item(
        w["usw_staff"], the_council(w), title="Solidarity letter",
        owner=w["usw_officer"].person, due_on=date(2026, 12, 1),
    )  # fmt: skip


def the_calendar_secret(w) -> str:
    from alianza.councils.actions import new_calendar_secret

    return new_calendar_secret(w["usw_officer"])


def the_calendar_secret_of(w, persona: str) -> str:
    """The persona's calendar feed secret (a new one each time it is asked for)."""
    from alianza.councils.actions import new_calendar_secret

    return new_calendar_secret(w[persona])


def the_document(w):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from alianza.documents.actions import upload_document

    return upload_document(
        w["mineros_staff"], w.mineros, title="Contrato colectivo Sección 65", language="es",
        file=SimpleUploadedFile("contrato.pdf", b"%PDF-1.4 contrato", "application/pdf"),
    )  # fmt: skip


def the_agreement(w):
    """A Los Mineros agreement with its file and clauses (unshared)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from alianza.contracts.actions import add_agreement
    from alianza.contracts.models import Agreement

    return Agreement.objects.filter(organisation=w.mineros).first() or add_agreement(
        w["mineros_staff"], w.mineros, employer=w.grupo, title="CCT Sección 65",
        language="es", country="MX", text="CLÁUSULA 1. SALARIOS\n1.1 El salario.",
        file=SimpleUploadedFile("cct.txt", b"CLAUSULA 1. SALARIOS"),
    )  # fmt: skip


def the_round(w):
    """A USW bargaining round with one proposal, on an agreement with its file
    (unshared)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from alianza.contracts.actions import add_agreement, open_round, table_proposal
    from alianza.contracts.models import BargainingRound

    found = BargainingRound.objects.first()
    if found is not None:
        return found
    agreement = add_agreement(
        w["usw_staff"], w.usw, employer=w.asarco, title="ASARCO Local 915",
        language="en", country="US", text="ARTICLE 6 – DRUGS\n6.1 For cause only.",
        file=SimpleUploadedFile("local915.txt", b"ARTICLE 6 - DRUGS"),
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


def the_meeting(w):
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


def the_motion(w):
    from alianza.governance import actions as gov

    meeting = the_meeting(w)
    return meeting.motions.first() or gov.submit_motion(
        w["mineros_officer"],
        meeting,
        text="Apoyar a los locales de ASARCO.",
        language="es",
    )


def the_vote(w):
    from alianza.governance import actions as gov

    motion = the_motion(w)
    return motion.votes.first() or gov.open_vote(
        w["mineros_staff"], motion, method="roll_call", threshold="cast"
    )


def the_election(w):
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


def the_published(w):
    """An election with a board and a published result."""
    from alianza.elections import actions as el

    election = the_election(w)
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


def the_representation_vote(w):
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


def the_voter(w):
    from alianza.elections.models import Voter

    election = the_election(w)
    return election.voters.first() or Voter.objects.create(
        election=election, name="Minera de Taxco", worker_number="17"
    )


def the_observer_seat(w) -> Seat:
    return w.nec.seats.get(kind="observer")


def the_agenda_item(w):
    from alianza.governance import actions as gov

    meeting = the_meeting(w)
    return meeting.agenda.first() or gov.add_agenda_item(
        w["mineros_staff"], meeting, title="Informe de la Comisión Conjunta", minutes=20
    )


def the_absent_member(w) -> Seat:
    from alianza.orgs.models import Person

    seat = w.nec.seats.filter(holder__name="Miembro ausente").first()
    if seat is None:
        holder = Person.objects.create(name="Miembro ausente", country="MX")
        seat = Seat.objects.create(
            body=w.nec, kind="member", holder=holder, representing=w.mineros
        )
    return seat


def the_officer_seat(w) -> Seat:
    return w.nec.seats.get(holder=w["mineros_officer"].person)


def the_proxy(w):
    from alianza.governance import actions as gov

    meeting = the_meeting(w)
    return meeting.proxies.first() or gov.give_proxy(
        w["mineros_staff"], meeting, the_officer_seat(w), the_absent_member(w)
    )


def the_adopted_motion(w):
    motion = the_motion(w)
    motion.status = "adopted"
    motion.save(update_fields=["status"])
    return motion


def the_follow_up(w):
    from alianza.governance import actions as gov

    motion = the_adopted_motion(w)
    return motion.follow_ups.first() or gov.add_follow_up(
        w["mineros_staff"], motion, task="Enviar la carta", owner=w["mineros_officer"].person,
        due_on=date(2026, 12, 15),
    )  # fmt: skip


def the_forwarding(w):
    from alianza.governance.models import Forwarding

    forwarding, _created = Forwarding.objects.get_or_create(
        recommendation=the_motion(w), body=w.nec
    )
    return forwarding


def the_minutes(w):
    from alianza.governance.actions import draft_minutes
    from alianza.governance.models import Minutes

    meeting = the_meeting(w)
    return Minutes.objects.filter(meeting=meeting).first() or draft_minutes(
        w["mineros_staff"], meeting
    )


def the_campaign(w):
    from alianza.solidarity.actions import create_campaign
    from alianza.solidarity.models import Campaign

    return Campaign.objects.filter(kind="strike_support").first() or create_campaign(
        w["mineros_staff"], w.mineros, kind="strike_support", title="Huelga de Cananea",
        language="es", worksite=w.cananea,
    )  # fmt: skip


def the_strike(w):
    from alianza.solidarity.actions import register_strike

    return the_campaign(w).strikes.first() or register_strike(
        w["mineros_staff"], the_campaign(w), worksite=w.cananea, unit=w.section65,
        started_on=date(2007, 7, 30), demands="Seguridad e higiene.",
    )  # fmt: skip


def the_target(w):
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


def the_event(w):
    from alianza.solidarity.actions import create_event
    from alianza.solidarity.models import Event

    return Event.objects.first() or create_event(
        w["mineros_staff"], w.mineros, kind="commemoration", title="Pasta de Conchos",
        starts_on=date(2006, 2, 19), country="MX", annual=True, language="es",
    )  # fmt: skip


def the_request(w):
    from alianza.multilingual.actions import save_translation
    from alianza.solidarity import actions
    from alianza.solidarity.models import SolidarityRequest

    found = SolidarityRequest.objects.first()
    if found:
        return found
    staff = w["mineros_staff"]
    # Drafted by the section officer, vetted by the staff: an author never vets.
    # For the members of both unions once published: they pledge themselves.
    req = actions.draft_request(
        w["mineros_officer"], w.mineros, title="Solidaridad con ASARCO", body="Apoyen.",
        language="es", audiences=[w.usw], audience="union",
    )  # fmt: skip
    save_translation(staff, req, "title", "en", "Solidarity with ASARCO")
    save_translation(staff, req, "body", "en", "Support them.")
    actions.vet_request(staff, req)
    return actions.publish_request(staff, req)


def the_pledge(w):
    from alianza.solidarity.actions import pledge

    req = the_request(w)
    return req.pledges.first() or pledge(
        w["usw_staff"], req, organisation=w.usw, kind="letter", description="A letter"
    )


def the_letter(w):
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


def the_public_letter(w):
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


def the_alert(w):
    from alianza.alerts.actions import draft_alert
    from alianza.alerts.models import Alert

    return Alert.objects.filter(status="draft").first() or draft_alert(
        w["mineros_staff"],
        w.mineros,
        title="Mitin",
        body="Todos al mitin.",
        language="es",
    )


def the_ack_token(w) -> str:
    from alianza.alerts.actions import draft_alert, send_alert
    from alianza.alerts.selectors import ack_token

    alert = draft_alert(
        w["mineros_staff"], w.mineros, title="Mitin", body="Todos.", language="es"
    )
    send_alert(w["mineros_staff"], alert)
    return ack_token(alert.deliveries.first().pk)


def the_member_delivery(w):
    """An alert the Los Mineros member received."""
    from alianza.alerts.actions import draft_alert, send_alert
    from alianza.alerts.models import Delivery

    person = w["member"].person
    found = Delivery.objects.filter(person=person).first()
    if found is not None:
        return found
    alert = draft_alert(
        w["mineros_staff"], w.mineros, title="Mitin", body="Todos.", language="es"
    )
    send_alert(w["mineros_staff"], alert)
    return Delivery.objects.get(alert=alert, person=person)


def the_content_type(obj) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(type(obj)).pk


def the_proposal(w):
    """USW staff proposes that Unite take part in the Joint Commission: it waits for
    Los Mineros' answer."""
    from alianza.spaces.actions import add_participant

    return add_participant(w["usw_staff"], w.commission, organisation=w.unite)


def the_mineros_proposal(w):
    """Los Mineros' staff propose that Unite take part in the Solidarity Alliance: it
    waits for the USW's answer (the mirror of ``the_proposal``)."""
    from alianza.spaces.actions import add_participant

    found = w.alliance.proposals.filter(organisation=w.unite).first()
    return found or add_participant(
        w["mineros_staff"], w.alliance, organisation=w.unite
    )


def the_usw_share(w):
    """The USW's International Executive Board, shared into the Solidarity Alliance."""
    from alianza.spaces.models import Share

    found = Share.objects.active().of(w.ieb).filter(space=w.alliance).first()
    return found or share_record(w["usw_staff"], w.ieb, w.alliance)


def the_usw_local(w):
    """A USW local that is not (yet) a unit of any council."""
    from alianza.orgs.models import Unit

    return Unit.objects.get_or_create(
        organisation=w.usw, number="937", defaults={
            "parent": w.district12, "kind": "local", "name": "Local 937", "country": "US",
        },
    )[0]  # fmt: skip


def the_ieb_meeting(w):
    """An open meeting of the USW's International Executive Board: its one voting
    member (the USW administrator) present, Los Mineros' observer on its seat."""
    from django.utils import timezone

    from alianza.governance import actions as gov
    from alianza.governance.models import Meeting

    meeting = Meeting.objects.filter(body=w.ieb).first()
    if meeting is None:
        meeting = gov.schedule_meeting(
            w["usw_staff"], w.ieb, title="IEB session", starts_at=timezone.now(),
            mode="hybrid", place="Pittsburgh", language="en",
        )  # fmt: skip
        gov.set_meeting_status(w["usw_staff"], meeting, "open")
        gov.check_in(w["usw_admin"], meeting)
    return meeting


def the_ieb_vote(w):
    """A roll call of the IEB on a motion of its voting member."""
    from alianza.governance import actions as gov

    meeting = the_ieb_meeting(w)
    motion = meeting.motions.first() or gov.submit_motion(
        w["usw_admin"], meeting, text="Support Section 65.", language="en"
    )
    return motion.votes.first() or gov.open_vote(
        w["usw_staff"], motion, method="roll_call", threshold="cast"
    )


def the_usw_document(w):
    """A USW document (unshared): the mirror of ``the_document``."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from alianza.documents.actions import upload_document
    from alianza.documents.models import Document

    return Document.objects.filter(organisation=w.usw).first() or upload_document(
        w["usw_staff"], w.usw, title="Local 915 agreement", language="en",
        file=SimpleUploadedFile("local915.pdf", b"%PDF-1.4 local", "application/pdf"),
    )  # fmt: skip


def the_usw_election(w):
    """A USW ratification vote with one voter: the mirror of ``the_election``."""
    from datetime import timedelta

    from django.utils import timezone

    from alianza.elections import actions as el
    from alianza.elections.models import Election, Voter

    election = Election.objects.filter(organisation=w.usw).first()
    if election is None:
        now = timezone.now()
        election = el.create_election(
            w["usw_staff"], w.usw, kind="strike", title="Strike at Hayden",
            question="Strike?", opens_at=now, closes_at=now + timedelta(days=1),
            language="en",
        )  # fmt: skip
        Voter.objects.create(election=election, name="Hayden worker", worker_number="9")
        # The USW shows who voted to its managers too (a setting of the election),
        # so that the row tries the other union against an export it may not read.
        Election.objects.filter(pk=election.pk).update(
            participation_visible_to="managers"
        )
        election.refresh_from_db()
    return election


def the_usw_campaign(w):
    """A USW campaign (unshared): the mirror of ``the_campaign``."""
    from alianza.solidarity.actions import create_campaign
    from alianza.solidarity.models import Campaign

    return Campaign.objects.filter(organisation=w.usw).first() or create_campaign(
        w["usw_staff"], w.usw, kind="strike_support", title="Hayden strike",
        language="en", worksite=w.hayden,
    )  # fmt: skip


def the_mineros_round(w):
    """A Los Mineros bargaining round with one proposal (unshared): the mirror of
    ``the_round``."""
    from alianza.contracts.actions import open_round, table_proposal
    from alianza.contracts.models import BargainingRound

    found = BargainingRound.objects.filter(agreement__organisation=w.mineros).first()
    if found is not None:
        return found
    found = open_round(w["mineros_staff"], the_agreement(w), title="Revisión 2026")
    table_proposal(
        w["mineros_staff"], found, side="employer", article="Cláusula 1",
        summary="Congelar salarios",
    )  # fmt: skip
    return found


def the_usw_alert(w):
    """A USW draft alert: the mirror of ``the_alert``."""
    from alianza.alerts.actions import draft_alert
    from alianza.alerts.models import Alert

    return Alert.objects.filter(organisation=w.usw, status="draft").first() or (
        draft_alert(
            w["usw_staff"], w.usw, title="Rally", body="All out.", language="en"
        )
    )


def the_usw_rank_and_file(w):
    """A USW member of Local 915 with no account: the mirror of the world's Rosa Base
    (Los Mineros, Section 201)."""
    from alianza.orgs.models import Membership, Person

    found = Person.objects.filter(name="Rex Base").first()
    if found is None:
        found = Person.objects.create(name="Rex Base", country="US")
        Membership.objects.create(
            person=found, organisation=w.usw, role="member", unit=w.local
        )
    return found


def the_usw_invitation(w) -> Invitation:
    """A USW invitation: the mirror of ``the_invitation``."""
    invitation, _link = invite(
        w["usw_staff"], w.usw, email="new@usw.test", name="New", role="member",
        language="en",
    )  # fmt: skip
    return invitation


def the_usw_strike(w):
    """A strike of Local 915 on the USW's campaign: the mirror of ``the_strike``."""
    from alianza.solidarity.actions import register_strike

    campaign = the_usw_campaign(w)
    return campaign.strikes.first() or register_strike(
        w["usw_staff"], campaign, worksite=w.hayden, unit=w.local,
        started_on=date(2007, 7, 1), demands="Safety and a fair contract.",
        language="en",
    )  # fmt: skip


def the_usw_target(w):
    """A USW organizing target, worked by the staffer who created its campaign: the
    mirror of ``the_target``."""
    from alianza.solidarity.actions import add_target, create_campaign
    from alianza.solidarity.models import OrganizingTarget

    found = OrganizingTarget.objects.filter(campaign__organisation=w.usw).first()
    if found:
        return found
    campaign = create_campaign(
        w["usw_staff"], w.usw, kind="organizing", title="Organize Hayden",
        language="en",
    )  # fmt: skip
    return add_target(w["usw_staff"], campaign, worksite=w.hayden, covered_workers=300)


def the_usw_request(w):
    """A USW request, published, asking Los Mineros: the mirror of ``the_request``."""
    from alianza.multilingual.actions import save_translation
    from alianza.solidarity import actions
    from alianza.solidarity.models import SolidarityRequest

    found = SolidarityRequest.objects.filter(organisation=w.usw).first()
    if found:
        return found
    staff = w["usw_staff"]
    req = actions.draft_request(
        w["usw_officer"], w.usw, title="Solidarity with Hayden", body="Support us.",
        language="en", audiences=[w.mineros], audience="union",
    )  # fmt: skip
    save_translation(staff, req, "title", "es", "Solidaridad con Hayden")
    save_translation(staff, req, "body", "es", "Apóyennos.")
    actions.vet_request(staff, req)
    return actions.publish_request(staff, req)


def the_usw_pledge(w):
    """Los Mineros' pledge on the USW's request: the mirror of ``the_pledge``."""
    from alianza.solidarity.actions import pledge

    req = the_usw_request(w)
    return req.pledges.first() or pledge(
        w["mineros_staff"], req, organisation=w.mineros, kind="letter",
        description="Una carta",
    )  # fmt: skip


def the_usw_letter(w):
    """A USW draft letter with Los Mineros' officer as co-signer: the mirror of
    ``the_letter``."""
    from alianza.solidarity.actions import add_signatory, draft_letter
    from alianza.solidarity.models import Letter

    found = Letter.objects.filter(organisation=w.usw, status="draft").first()
    if found:
        return found
    letter = draft_letter(
        w["usw_staff"], w.usw, title="Letter to ASARCO", body="Brothers and sisters:",
        language="en",
    )  # fmt: skip
    add_signatory(
        w["usw_staff"], letter, person=w["mineros_officer"].person,
        organisation=w.mineros,
    )  # fmt: skip
    return letter


def the_ieb_agenda_item(w):
    """An item on the IEB meeting's agenda: the mirror of ``the_agenda_item``."""
    from alianza.governance import actions as gov

    meeting = the_ieb_meeting(w)
    return meeting.agenda.first() or gov.add_agenda_item(
        w["usw_staff"], meeting, title="Report of the Joint Commission", minutes=20
    )


def the_ieb_absent_member(w) -> Seat:
    """A voting member of the IEB who is not at its meeting."""
    from alianza.orgs.models import Person

    seat = w.ieb.seats.filter(holder__name="Absent board member").first()
    if seat is None:
        holder = Person.objects.create(name="Absent board member", country="US")
        seat = Seat.objects.create(
            body=w.ieb, kind="member", holder=holder, representing=w.usw
        )
    return seat


def the_ieb_admin_seat(w) -> Seat:
    return w.ieb.seats.get(holder=w["usw_admin"].person)


def the_ieb_proxy(w):
    """The absent IEB member's proxy, recorded on paper for the USW administrator:
    the mirror of ``the_proxy``."""
    from alianza.governance import actions as gov

    meeting = the_ieb_meeting(w)
    return meeting.proxies.first() or gov.give_proxy(
        w["usw_staff"], meeting, the_ieb_admin_seat(w), the_ieb_absent_member(w)
    )


def the_ieb_adopted_motion(w):
    """The IEB's motion, adopted: the mirror of ``the_adopted_motion``."""
    motion = the_ieb_vote(w).motion
    motion.status = "adopted"
    motion.save(update_fields=["status"])
    return motion


def the_ieb_follow_up(w):
    """A follow-up of the IEB's adopted motion, owned by the USW officer: the mirror
    of ``the_follow_up``."""
    from alianza.governance import actions as gov

    motion = the_ieb_adopted_motion(w)
    return motion.follow_ups.first() or gov.add_follow_up(
        w["usw_staff"], motion, task="Send the letter", owner=w["usw_officer"].person,
        due_on=date(2026, 12, 15),
    )  # fmt: skip


def the_ieb_minutes(w):
    """The IEB meeting's draft minutes: the mirror of ``the_minutes``."""
    from alianza.governance.actions import draft_minutes
    from alianza.governance.models import Minutes

    meeting = the_ieb_meeting(w)
    return Minutes.objects.filter(meeting=meeting).first() or draft_minutes(
        w["usw_staff"], meeting
    )
