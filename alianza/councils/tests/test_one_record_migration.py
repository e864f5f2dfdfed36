"""The migration that makes a council's meeting one record: each meeting kept by the
council becomes (or joins) the meeting of the council's body, nothing lost."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("councils", "0005_action_items_record_their_language"), ("governance", "0006_meeting_ends")]  # fmt: skip
AFTER = [("councils", "0007_council_meeting_columns")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    # The models as the database holds them now (every other app at its latest).
    after = MigrationExecutor(connection)
    return after._create_project_state(with_applied_migrations=True).apps


@pytest.mark.django_db(transaction=True)
def test_council_meetings_move_into_the_body_meeting_without_loss():
    apps = _migrate(BEFORE)
    Organisation = apps.get_model("orgs", "Organisation")
    Unit = apps.get_model("orgs", "Unit")
    Employer = apps.get_model("employers", "Employer")
    JointSpace = apps.get_model("spaces", "JointSpace")
    Body = apps.get_model("bodies", "Body")
    Council = apps.get_model("councils", "Council")
    CouncilMeeting = apps.get_model("councils", "CouncilMeeting")
    Meeting = apps.get_model("governance", "Meeting")
    AgendaItem = apps.get_model("governance", "AgendaItem")

    usw = Organisation.objects.create(
        slug="usw", name="USW", short_name="USW", time_zone="America/New_York"
    )
    kearny = Unit.objects.create(
        organisation=usw, kind="local", name="Local 5102 (Kearny)", country="US",
        place="Kearny, Arizona", time_zone="",
    )  # fmt: skip
    employer = Employer.objects.create(slug="asarco", name="ASARCO", country="US")
    space = JointSpace.objects.create(
        slug="council-asarco", name="ASARCO Council", kind="council", language="en"
    )
    body = Body.objects.create(name="ASARCO Council", kind="council", space=space)
    council = Council.objects.create(employer=employer, space=space, body=body)
    july = datetime(2027, 7, 15, 16, tzinfo=UTC)  # 09:00 in Kearny
    october = datetime(2026, 10, 17, 15, tzinfo=UTC)
    # One kept only by the council (its zone left to its host) ...
    CouncilMeeting.objects.create(
        council=council, starts_at=july, ends_at=july.replace(hour=23),
        country="US", host_unit=kearny, place="Kearny", uid="a@alianza",
        online_url="https://meet.example/a",
    )  # fmt: skip
    # ... and one kept twice: by the council and, with its agenda, by the body.
    body_meeting = Meeting.objects.create(
        body=body, title="Sombrerete", starts_at=october, language="es"
    )
    AgendaItem.objects.create(meeting=body_meeting, title="Informe", language="es")
    CouncilMeeting.objects.create(
        council=council, starts_at=october, ends_at=october.replace(hour=22),
        country="MX", place="Sombrerete, Zacatecas", time_zone="America/Mexico_City",
        uid="b@alianza",
    )  # fmt: skip

    apps = _migrate(AFTER)
    CouncilMeeting = apps.get_model("councils", "CouncilMeeting")
    Meeting = apps.get_model("governance", "Meeting")
    meetings = Meeting.objects.filter(body_id=body.pk)
    assert meetings.count() == 2  # the duplicate is gone: one record each
    a = CouncilMeeting.objects.get(uid="a@alianza")
    assert a.meeting.starts_at == july and a.meeting.ends_at == july.replace(hour=23)
    assert a.meeting.place == "Kearny" and a.meeting.time_zone == "America/Phoenix"
    assert a.online_url == "https://meet.example/a" and a.host_unit_id == kearny.pk
    b = CouncilMeeting.objects.get(uid="b@alianza")
    assert b.meeting_id == body_meeting.pk  # joined the body's meeting
    assert b.meeting.ends_at == october.replace(hour=22)
    assert b.meeting.place == "Sombrerete, Zacatecas"
    assert b.meeting.time_zone == "America/Mexico_City"
    assert list(b.meeting.agenda.values_list("title", flat=True)) == ["Informe"]
    _migrate(executor_leaf_nodes())


def executor_leaf_nodes():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
