"""The quarterly report's figures against a small world counted by hand.

The quarter is the second of 2026: from 2026-04-01 00:00 UTC up to, not including,
2026-07-01 00:00 UTC. Records sit on both edges: the first instant counts, the
instant the next quarter starts does not.
"""

from datetime import UTC, date, datetime, timedelta
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from alianza.alerts.models import Alert, Delivery
from alianza.councils.actions import found_council
from alianza.councils.models import CouncilMeeting, CouncilPost
from alianza.governance.models import Meeting
from alianza.orgs.models import Person
from alianza.reports.exports import pdf_bytes, workbook_bytes
from alianza.reports.selectors import Quarter, quarter_figures
from alianza.solidarity.models import (
    Campaign,
    Letter,
    Pledge,
    Signature,
    SolidarityRequest,
    Strike,
    TimelineEntry,
)
from alianza.spaces.models import JointSpace, Participant, Share

START = datetime(2026, 4, 1, tzinfo=UTC)  # the quarter's first instant: in
NEXT = datetime(2026, 7, 1, tzinfo=UTC)  # the next quarter's first instant: out
JUST_BEFORE = datetime(2026, 3, 31, 23, 59, 59, tzinfo=UTC)  # out
LAST = datetime(2026, 6, 30, 23, 59, 59, tzinfo=UTC)  # in


def at(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 12, tzinfo=UTC)


def _request(w, org, audiences, **fields) -> SolidarityRequest:
    req = SolidarityRequest.objects.create(
        organisation=org, title="Solidaridad", body="Texto", **fields
    )
    req.audiences.set(audiences)
    return req


def _pledge(req, org, unit, when, status="pledged") -> Pledge:
    return Pledge.objects.create(
        request=req, organisation=org, unit=unit, kind="statement",
        description="Apoyo", pledged_at=when, status=status,
    )  # fmt: skip


def _deliveries(alert, states: list[tuple[str, str, bool]]) -> None:
    for n, (email, sms, acknowledged) in enumerate(states):
        person = Person.objects.create(name=f"Recipient {alert.pk}-{n}", country="MX")
        Delivery.objects.create(
            alert=alert, person=person, language="es", email_status=email,
            sms_status=sms, acknowledged_at=at(5, 6) if acknowledged else None,
        )  # fmt: skip


@pytest.fixture
def small_world(world):
    w = world
    usw, mineros = w.usw, w.mineros
    # A council of both unions at Grupo México: two meetings in the quarter (one at
    # its first instant), one at the next quarter's first instant (not counted).
    council = found_council(w["usw_staff"], w.grupo)
    for org in (usw, mineros):
        Participant.objects.get_or_create(space=council.space, organisation=org)
    for starts in (START, at(5, 10), NEXT):
        meeting = Meeting.objects.create(
            body=council.body, title="Reunión del consejo", starts_at=starts,
            ends_at=starts + timedelta(hours=3),
        )  # fmt: skip
        CouncilMeeting.objects.create(
            meeting=meeting, council=council, country="MX", uid=f"m-{starts:%Y%m%d}"
        )
    for posted in (LAST, JUST_BEFORE):  # the first counts, the second does not
        CouncilPost.objects.create(
            council=council, kind="strike", title="Huelga", body="Noticias",
            author=w["mineros_officer"], posted_at=posted,
        )  # fmt: skip
    # Meetings of bodies: the Joint Commission's held in the quarter (counted), its
    # scheduled one and its one at NEXT (not); Los Mineros' own committee (no joint
    # body: not counted).
    for body, starts, status in (
        (w.commission_body, at(5, 20), "closed"),
        (w.commission_body, at(5, 21), "scheduled"),
        (w.commission_body, NEXT, "closed"),
        (w.nec, at(5, 22), "closed"),
    ):
        Meeting.objects.create(
            body=body, title="Sesión", starts_at=starts, status=status
        )
    # Shares: one into the alliance (both unions), one into a space of the USW and
    # Unite alone (Los Mineros takes no part: not theirs to count).
    usw_unite = JointSpace.objects.create(
        slug="usw-unite", name="WU", kind="commission"
    )
    for org in (usw, w.unite):
        Participant.objects.create(space=usw_unite, organisation=org)
    for space in (w.alliance, usw_unite):
        Share.objects.create(
            space=space, content_type_id=1, object_id="1",
            shared_by=w["usw_staff"], shared_at=at(5, 1),
        )  # fmt: skip
    # A strike of Los Mineros at Cananea, in a strike-support campaign.
    campaign = Campaign.objects.create(
        organisation=mineros, kind="strike_support", title="Cananea"
    )
    strike = Strike.objects.create(
        campaign=campaign, worksite=w.cananea, unit=w.section65,
        started_on=date(2007, 7, 30), demands="Seguridad",
    )  # fmt: skip
    # The USW supports it on the quarter's last day; Los Mineros' own entry (no
    # union named: the campaign's) is of the day before the quarter.
    TimelineEntry.objects.create(
        campaign=campaign, strike=strike, kind="rally", title="Mitin",
        happened_on=date(2026, 6, 30), organisation=usw,
    )  # fmt: skip
    TimelineEntry.objects.create(
        campaign=campaign, strike=strike, kind="event", title="Asamblea",
        happened_on=date(2026, 3, 31),
    )  # fmt: skip
    # Los Mineros' requests:
    # A: opened before the quarter, published at its first instant, asks the USW,
    #    in the strike's campaign; answered by USW pledges.
    a = _request(w, mineros, [usw], created_at=at(3, 20), status="published",
                 published_at=START, campaign=campaign)  # fmt: skip
    # B: opened in the quarter, still a draft.
    _request(w, mineros, [usw], created_at=at(5, 1))
    # C: opened, published and closed in the quarter, asking the USW: no pledge.
    _request(w, mineros, [usw], created_at=at(4, 5), status="closed",
             published_at=at(4, 6), closed_at=at(6, 1))  # fmt: skip
    # The USW's request D asks Los Mineros: answered by two sections.
    d = _request(w, usw, [mineros], created_at=at(5, 2), status="published",
                 published_at=at(5, 3))  # fmt: skip
    # Pledges: the USW's by Local 915 and by the union as a whole in the quarter;
    # District 12's at the next quarter's first instant (not counted).
    _pledge(a, usw, w.local, at(4, 10))
    _pledge(a, usw, None, LAST)
    _pledge(a, usw, w.district12, NEXT)
    _pledge(d, mineros, w.section65, at(5, 4))
    _pledge(d, mineros, w.section201, at(5, 5), status="done")
    # Letters: Los Mineros' published in the quarter, one of two signatures
    # confirmed; the USW's published at the next quarter's first instant.
    letter = Letter.objects.create(
        organisation=mineros, slug="carta", title="Carta", body="Texto",
        status="published", published_at=at(6, 15),
    )  # fmt: skip
    for n, person in enumerate(
        (w["mineros_officer"].person, w["mineros_staff"].person)
    ):
        Signature.objects.create(
            letter=letter, person=person, organisation=mineros,
            confirmed_at=at(6, 16) if n == 0 else None,
        )  # fmt: skip
    Letter.objects.create(
        organisation=usw, slug="letter", title="Letter", body="Text",
        status="published", published_at=NEXT,
    )  # fmt: skip
    # Alerts: Los Mineros' in the quarter to five people: acknowledged; e-mail
    # sent; text delivered; failed; no address. Its other alert, before the
    # quarter, is not counted. The USW's reached no one.
    alert = Alert.objects.create(
        organisation=mineros, title="Alerta", body="Texto", status="sent",
        created_by=w["mineros_staff"], sent_at=at(5, 5),
    )  # fmt: skip
    _deliveries(alert, [
        ("sent", "none", True), ("sent", "none", False), ("none", "delivered", False),
        ("failed", "none", False), ("none", "none", False),
    ])  # fmt: skip
    before = Alert.objects.create(
        organisation=mineros, title="Antes", body="Texto", status="sent",
        created_by=w["mineros_staff"], sent_at=JUST_BEFORE,
    )  # fmt: skip
    _deliveries(before, [("sent", "none", True)])
    Alert.objects.create(
        organisation=usw, title="Nobody", body="Text", status="sent",
        created_by=w["usw_staff"], sent_at=at(6, 1),
    )  # fmt: skip
    return w


def test_the_quarter_runs_from_its_first_instant_to_the_next_quarters():
    q = Quarter(2026, 2)
    assert (q.start, q.end) == (START, NEXT)
    assert (q.first_day, q.next_day) == (date(2026, 4, 1), date(2026, 7, 1))
    assert Quarter(2026, 4).end == datetime(2027, 1, 1, tzinfo=UTC)
    assert Quarter(2026, 1).preceding == Quarter(2025, 4)


def test_los_mineros_report_counts_its_own_work_and_joint_ground(small_world):
    w = small_world
    report = quarter_figures(w["mineros_officer"], 2026, 2, w.mineros)
    [f] = report.columns
    # Meetings at START and on 10 May; the one at NEXT is the next quarter's.
    assert (f.councils_met, f.council_meetings, f.joint_meetings) == (1, 2, 1)
    # The post at LAST (not the one just before); the share into the alliance, not
    # the one into the USW and Unite's space.
    assert (f.posts, f.shares, f.items_exchanged) == (1, 1, 2)
    # Opened: B, C. Published: A, C. Closed: C. Answered: A. Received: D.
    assert (f.requests_opened, f.requests_published, f.requests_closed) == (2, 2, 1)
    assert (f.requests_answered, f.requests_unanswered) == (1, 1)
    assert f.requests_received == 1
    assert [(p.label, p.pledged, p.done) for p in f.pledges] == [
        ("Sección 201", 1, 1),
        ("Sección 65", 1, 0),
    ]
    assert (f.letters_published, f.signatures) == (1, 1)
    # Five recipients: 1 acknowledged, 2 sent, 1 failed, 1 unreachable.
    assert f.alerts_sent == 1
    assert f.states == {
        "recipients": 5, "acknowledged": 1, "sent": 2, "queued": 0, "failed": 1,
        "bounced": 0, "unreachable": 1,
    }  # fmt: skip
    assert (f.reached, f.acknowledged) == (3, 1)
    assert f.ack_rate == pytest.approx(1 / 3)
    # Its own support entry is of the day before the quarter.
    assert f.strikes == []


def test_the_usw_report_sees_none_of_los_mineros_own_records(small_world):
    w = small_world
    [f] = quarter_figures(w["usw_staff"], 2026, 2, w.usw).columns
    assert (f.councils_met, f.council_meetings, f.posts) == (1, 2, 1)
    assert f.joint_meetings == 1
    assert f.shares == 2  # the alliance's and its space with Unite
    assert (f.requests_opened, f.requests_published, f.requests_closed) == (1, 1, 0)
    assert (f.requests_answered, f.requests_unanswered) == (1, 0)
    assert f.requests_received == 2  # A and C
    with translation.override("en"):
        labels = [(p.label, p.pledged) for p in quarter_figures(
            w["usw_staff"], 2026, 2, w.usw).columns[0].pledges]  # fmt: skip
    assert labels == [("Local 915", 1), ("USW (the union as a whole)", 1)]
    assert (f.letters_published, f.signatures) == (0, 0)
    # Its alert reached no one: no rate, not 0%.
    assert (f.alerts_sent, f.recipients, f.reached) == (1, 0, 0)
    assert f.ack_rate is None and f.ack_rate_text == "—"
    assert f.strikes == [str(Strike.objects.get())]


def test_the_alliance_report_puts_both_unions_side_by_side_and_together(small_world):
    w = small_world
    w.users["usw_staff"].is_superuser = True  # leads every union of the alliance
    w.users["usw_staff"].save()
    report = quarter_figures(w["usw_staff"], 2026, 2)
    assert [f.label for f in report.columns] == ["Los Mineros", "USW", "The alliance"]
    together = report.columns[-1]
    assert (together.council_meetings, together.posts, together.shares) == (2, 1, 2)
    assert together.joint_meetings == 1  # the commission's, once
    assert (together.requests_opened, together.requests_published) == (3, 3)
    assert together.requests_received == 0  # every request came from the alliance
    assert together.pledges_total == 4 and together.pledges_done == 1
    assert together.ack_rate == pytest.approx(1 / 3)
    assert together.strikes == [str(Strike.objects.get())]


def test_a_quarter_with_nothing_shows_zero_and_no_rate(world):
    [f] = quarter_figures(world["mineros_officer"], 2020, 1, world.mineros).columns
    assert (f.council_meetings, f.requests_opened, f.alerts_sent) == (0, 0, 0)
    assert f.ack_rate is None
    assert f.ack_rate_text == "—"


def test_recipients_none_of_whom_was_reached_give_no_rate(world):
    """Two recipients, one failed and one with no address: no one reached, so the
    rate is "—" (not 0%, and no division by zero)."""
    alert = Alert.objects.create(
        organisation=world.mineros, title="Alerta", body="Texto", status="sent",
        created_by=world["mineros_staff"], sent_at=at(5, 5),
    )  # fmt: skip
    _deliveries(alert, [("failed", "none", False), ("none", "none", False)])
    [f] = quarter_figures(world["mineros_officer"], 2026, 2, world.mineros).columns
    assert (f.recipients, f.reached, f.acknowledged) == (2, 0, 0)
    assert f.ack_rate is None and f.ack_rate_text == "—"


def test_a_rate_is_written_the_readers_way(small_world):
    w = small_world
    for language, written in (
        ("en", "33.3%"),
        ("es", "33,3\xa0%"),
        ("fr", "33,3\xa0%"),
    ):
        with translation.override(language):
            [f] = quarter_figures(w["mineros_officer"], 2026, 2, w.mineros).columns
            assert f.ack_rate_text == written


def test_the_picker_sends_to_the_quarter_chosen(client, world):
    client.force_login(world["mineros_officer"])
    response = client.get(reverse("reports:pick") + "?year=2025&quarter=3&union=")
    assert response["Location"].startswith(reverse("reports:quarter", args=[2025, 3]))
    response = client.get(reverse("reports:pick") + "?year=2025&quarter=9")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "persona", ["usw_staff", "usw_officer", "member", "mineros_observer", "outsider"]
)
def test_only_los_mineros_leaders_read_its_report(world, persona):
    with pytest.raises(PermissionDenied):
        quarter_figures(world[persona], 2026, 2, world.mineros)


@pytest.mark.parametrize("persona", ["usw_admin", "mineros_staff", "member"])
def test_the_alliance_report_needs_a_leader_of_every_union(world, persona):
    with pytest.raises(PermissionDenied):
        quarter_figures(world[persona], 2026, 2)


def test_the_pdf_speaks_spanish_to_a_spanish_reader(small_world):
    from pypdf import PdfReader

    w = small_world
    with translation.override("es"):
        report = quarter_figures(w["mineros_officer"], 2026, 2, w.mineros)
        data = pdf_bytes(report)
    assert data.startswith(b"%PDF")
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(data)).pages)
    text = " ".join(text.split())
    # The headings the Spanish catalogue has, in Spanish; the span's zone named.
    assert "UTC" in text and "Los Mineros" in text
    for heading in ("Solicitudes de solidaridad", "Cartas", "Alertas", "Destinatarios"):
        assert heading in text


def test_the_workbook_has_a_sheet_per_section_with_the_figures(small_world):
    from openpyxl import load_workbook

    w = small_world
    with translation.override("en"):
        report = quarter_figures(w["mineros_officer"], 2026, 2, w.mineros)
        book = load_workbook(BytesIO(workbook_bytes(report)))
    assert book.sheetnames == [
        "Councils and exchange", "Solidarity requests", "Pledges by local or section",
        "Letters", "Alerts", "Strikes supported",
    ]  # fmt: skip
    rows = {r[0]: r[1] for r in book["Solidarity requests"].iter_rows(values_only=True)}
    assert rows["Requests opened"] == 2 and rows["Requests closed"] == 1
    alerts = {r[0]: r[1] for r in book["Alerts"].iter_rows(values_only=True)}
    assert alerts["Recipients"] == 5 and alerts["Acknowledged"] == 1


def test_a_strike_named_like_a_formula_stays_text_in_the_workbook(small_world):
    from openpyxl import load_workbook

    w = small_world
    w.section65.name = '=HYPERLINK("http://x.test")'
    w.section65.save()
    with translation.override("en"):
        report = quarter_figures(w["usw_staff"], 2026, 2, w.usw)
        sheet = load_workbook(BytesIO(workbook_bytes(report)))["Strikes supported"]
    cells = [row[0] for row in sheet.iter_rows()]
    hit = [c for c in cells if str(c.value).startswith("=HYPERLINK")]
    assert hit and all(c.data_type == "s" and c.quotePrefix for c in hit)


def test_the_page_shows_tables_and_charts_in_spanish(client, small_world):
    w = small_world
    client.force_login(w["mineros_officer"])
    url = reverse("reports:quarter", args=[2026, 2])
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('role="img"') == page.count("<svg viewBox") >= 4
    assert 'id="table-alerts"' in page and "UTC" in page
    assert "33,3" in page  # the acknowledgement rate written the Spanish way


@pytest.mark.parametrize(
    ("fmt", "kind"),
    [
        ("reports:quarter_pdf", "application/pdf"),
        ("reports:quarter_xlsx", "spreadsheet"),
    ],
)
def test_the_downloads(client, small_world, fmt, kind):
    client.force_login(small_world["mineros_officer"])
    response = client.get(reverse(fmt, args=[2026, 2]))
    assert response.status_code == 200 and kind in response["Content-Type"]


def test_another_union_named_in_the_address_is_refused(client, world):
    client.force_login(world["mineros_officer"])
    url = reverse("reports:quarter", args=[2026, 2]) + "?union=usw"
    assert client.get(url).status_code == 403
    assert client.get(reverse("reports:quarter", args=[2026, 5])).status_code == 404
