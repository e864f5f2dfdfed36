"""A meeting of Los Mineros' National Executive Committee, in three browsers: the
USW observer speaks, is refused a vote by the server and never counts for quorum;
the chair runs the floor in Spanish; the minutes come out as a PDF."""

import re
from io import BytesIO

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from alianza.bodies.models import Seat
from alianza.governance import actions
from alianza.governance.models import Meeting

from .conftest import login, pdf_shot, shot

pytestmark = pytest.mark.browser


def _open_meeting(w) -> Meeting:
    Seat.objects.create(
        body=w.nec, kind="member", holder=w["mineros_officer"].person,
        representing=w.mineros,
    )  # fmt: skip
    from django.utils import timezone

    meeting = actions.schedule_meeting(
        w["mineros_staff"], w.nec, title="Sesión ordinaria", starts_at=timezone.now(),
        mode="hybrid", place="Ciudad de México", language="es",
    )  # fmt: skip
    actions.add_agenda_item(
        w["mineros_staff"], meeting, title="Solidaridad con ASARCO", minutes=30
    )
    actions.set_meeting_status(w["mineros_staff"], meeting, "open")
    for seat in w.nec.seats.filter(kind="member", holder__user__isnull=True)[:2]:
        actions.check_in(w["mineros_staff"], meeting, seat)
    return meeting


def test_observer_speaks_is_refused_a_vote_and_minutes_print(bworld, open_tab):
    meeting = _open_meeting(bworld)
    url = f"/meetings/{meeting.pk}/"

    observer = open_tab()
    observer.allowed_statuses.add(403)  # the refused vote, on purpose
    login(observer, bworld["observer"], totp=True)
    observer.goto(url)
    live = observer.page.locator("#live")
    expect(live).to_contain_text("2 / 3")
    expect(live).to_contain_text("No quorum yet.")
    with observer.page.expect_navigation():
        observer.page.get_by_role("button", name="I am here").click()
    expect(observer.page.locator("tbody tr", has_text="Otto Observer")).to_contain_text(
        "present"
    )
    expect(live).to_contain_text("2 / 3")  # present, and still not counted
    with observer.page.expect_navigation():
        observer.page.get_by_role("button", name="To speak").click()
    expect(live.locator("ol")).to_contain_text("Otto Observer")

    chair = open_tab(locale="es-MX")
    login(chair, bworld["mineros_staff"], totp=True)
    chair.goto(url)
    expect(chair.page.locator("html")).to_have_attribute("lang", "es")
    with chair.page.expect_navigation():
        chair.page.locator(f"form[action='{url}agenda/current/'] button").click()
    with chair.page.expect_navigation():
        chair.page.locator(f"form[action='{url}next-speaker/'] button").click()
    expect(chair.page.locator("#live")).to_contain_text("Otto Observer")

    # The observer's screen follows without a reload, within two seconds.
    speaking = live.locator(".card", has_text="Speaking now")
    expect(speaking).to_contain_text("Otto Observer", timeout=2500)
    expect(speaking).to_contain_text("observer")
    expect(live).to_contain_text("Solidaridad con ASARCO", timeout=2500)
    expect(speaking.locator(".stat")).to_have_text(re.compile(r"^(1[0-7]\d|180) s$"))
    shot(observer, "en-meeting-observer-speaking")

    officer = open_tab(locale="es-MX")
    login(officer, bworld["mineros_officer"], totp=True)
    officer.goto(url)
    with officer.page.expect_navigation():
        officer.page.locator(f"form[action='{url}check-in/'] button").click()
    expect(live).to_contain_text("3 / 3", timeout=2500)  # quorum, observer excluded
    officer.page.locator("details", has=officer.page.locator(
        f"form[action='{url}motions/']")).locator("summary").click()  # fmt: skip
    officer.page.locator("textarea[name=text]").last.fill(
        "Enviar la carta de solidaridad a los cinco locales de ASARCO.\n"
        "Acompañarlos cuando lo consideren conveniente."
    )
    with officer.page.expect_navigation():
        officer.page.locator(
            f"form[action='{url}motions/'] button[type=submit]"
        ).click()

    chair.page.reload()
    motion = meeting.motions.get()
    form = chair.page.locator(f"form[action='/meetings/motions/{motion.pk}/vote/']")
    form.locator("select[name=method]").select_option("roll_call")
    form.locator("select[name=threshold]").select_option("cast")
    with chair.page.expect_navigation():
        form.locator("button[type=submit]").click()
    vote = motion.votes.get()

    observer.page.reload()
    card = observer.page.locator(f"#motion-{motion.number}")
    expect(card).to_contain_text("As an observer you may speak but not vote.")
    expect(
        card.locator(f"form[action='/meetings/votes/{vote.pk}/ballot/']")
    ).to_have_count(0)
    # Sent anyway, past the page: the server refuses it.
    status = observer.page.evaluate(
        """async (action) => {
            const token = document.querySelector("input[name=csrfmiddlewaretoken]").value;
            const body = new URLSearchParams({csrfmiddlewaretoken: token, choice: "yes"});
            const response = await fetch(action, {method: "POST", body});
            return response.status;
        }""",
        f"/meetings/votes/{vote.pk}/ballot/",
    )
    assert status == 403
    assert not vote.ballots.exists()
    shot(observer, "en-meeting-observer-refused-vote")

    officer.page.reload()
    ballot = officer.page.locator(f"form[action='/meetings/votes/{vote.pk}/ballot/']")
    with officer.page.expect_navigation():
        ballot.locator("button[value=yes]").click()
    with chair.page.expect_navigation():
        chair.page.reload()
    with chair.page.expect_navigation():
        chair.page.locator(
            f"form[action='/meetings/votes/{vote.pk}/close/'] button"
        ).click()
    vote.refresh_from_db()
    assert vote.adopted and vote.present == 3 and vote.yes == 1
    projector = open_tab()
    login(projector, bworld["observer"], totp=True)
    projector.goto(f"{url}projector/")
    expect(projector.page.locator("body")).to_contain_text("Adopted: 1 yes, 0 no")
    shot(projector, "en-projector-result")
    shot(chair, "es-meeting-chair")

    with chair.page.expect_navigation():
        chair.page.locator(f"form[action='{url}status/'] button").click()
    chair.goto(f"{url}minutes/")
    with chair.page.expect_navigation():
        chair.page.locator(f"form[action='{url}minutes/assemble/'] button").click()
    expect(chair.page.locator("#id_text")).to_contain_text("Otto Observer")
    shot(chair, "es-minutes-chair")
    response = chair.page.request.get(chair.base_url + f"{url}minutes.pdf")
    assert response.headers["content-type"] == "application/pdf"
    data = response.body()
    text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(data)).pages)
    assert "Otto Observer" in text and "Enviar la carta de solidaridad" in text
    pdf_shot(data, "es-minutes-pdf")
    for tab in (observer, chair, officer, projector):
        tab.assert_clean()
