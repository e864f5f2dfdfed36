"""The Joint Commission's secret ballot, run in Chromium by both coordinating unions:
USW's staff (in English, at a desk) proposes it; Los Mineros' staff (in Spanish, on a
390-px phone) agrees to hold it. Each sees the whole roll, keeps its own delegates'
lines (and adds one), finds no control on the other union's line and is refused,
in her language, when she tries anyway; each names its own trustee; the key
ceremony begins only once both unions have agreed to it."""

import re

import pytest
from playwright.sync_api import expect

from alianza.accounts.models import User
from alianza.bodies.models import Seat
from alianza.elections.models import Election

from .conftest import es, login, shot

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def _says(msgid: str, language: str) -> str:
    """What the page says for ``msgid`` in ``language`` (English while the Spanish
    catalogue lacks it: the catalogues are made again once the work is merged)."""
    return (es(msgid) or msgid) if language == "es" else msgid


def _commission(w) -> None:
    body = w.commission_body
    Seat.objects.create(body=body, kind="member", representing=w.usw,
                        holder=w["usw_officer"].person, vote_weight=2)  # fmt: skip
    Seat.objects.create(body=body, kind="member", representing=w.mineros,
                        holder=w["mineros_officer"].person)  # fmt: skip
    User.objects.filter(pk=w["usw_staff"].pk).update(language="en")
    User.objects.filter(pk=w["mineros_staff"].pk).update(language="es")


def _line(page, name: str):
    return page.locator("tbody tr").filter(has_text=name)


def _correct_own_line(page, name: str, email: str) -> None:
    row = _line(page, name)
    row.locator("summary").click()
    row.locator("input[name=email]").fill(email)
    with page.expect_navigation():
        row.locator("form").first.locator("button[type=submit]").click()


def _import(page, csv_text: str) -> None:
    page.set_input_files(
        "input[name=file]",
        files=[{"name": "delegates.csv", "mimeType": "text/csv",
                "buffer": csv_text.encode()}],
    )  # fmt: skip
    with page.expect_navigation():
        page.locator("main form[enctype] button[type=submit]").click()


def _name(page, person: str, kind: str) -> None:
    page.select_option("select[name=person]", label=person)
    page.select_option("select[name=kind]", value=kind)
    with page.expect_navigation():
        page.locator("form[action$='/roles/'] button[type=submit]").click()


def _step(page) -> None:
    with page.expect_navigation():
        page.locator("form[action$='/step/'] button[name=do]").click()


def test_both_coordinating_unions_run_the_commissions_ballot(bworld, open_tab):
    w = bworld
    _commission(w)

    # USW proposes the ballot, from the elections page, in English.
    usw = open_tab()
    login(usw, w["usw_staff"], totp=True)
    usw.goto("/elections/")
    with usw.page.expect_navigation():
        usw.page.get_by_role("link", name="Secret ballot: Joint Commission").click()
    page = usw.page
    page.fill("input[name=title]", "Recomendación: campaña de seguridad")
    page.fill("input[name=question]", "¿Recomienda la Comisión una campaña conjunta?")
    page.select_option("main select[name=language]", "es")
    page.fill("input[name=opens_at]", "2030-01-10T10:00")
    page.fill("input[name=closes_at]", "2030-01-12T10:00")
    page.fill("input[name=trustee_count]", "2")
    page.fill("input[name=threshold]", "2")
    shot(usw, "joint-ballot-01-usw-proposes")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    election = Election.objects.get(space=w.commission)
    expect(page.locator(".alert-success")).to_contain_text("was proposed")
    expect(page.locator("section[aria-labelledby=next]")).to_contain_text(
        "waiting for Los Mineros"
    )
    expect(page.locator("button[name=do]")).to_have_count(0)  # USW has agreed
    shot(usw, "joint-ballot-02-usw-waits-for-los-mineros")

    # USW's roll: both lines; it corrects its own and adds an alternate delegate.
    page.get_by_role("link", name="Voter roll").click()
    expect(_line(page, "Olga Officer")).to_be_visible()
    expect(_line(page, "Óscar Oficial")).to_be_visible()
    expect(_line(page, "Óscar Oficial").locator("summary")).to_have_count(0)
    _correct_own_line(page, "Olga Officer", "olga@usw.example.org")
    expect(page.locator(".alert-success")).to_contain_text("correction was saved")
    _import(page, "name,worker_number,curp,email,phone,language,weight\n"
                  "Alice Alternate,USW-ALT-1,,alice@usw.example.org,,en,1\n")  # fmt: skip
    expect(page.locator(".alert-success")).to_contain_text("1 voter was added")
    expect(_line(page, "Alice Alternate")).to_contain_text("USW")
    shot(usw, "joint-ballot-03-usw-roll")

    # USW names its trustee.
    usw.goto(election.get_absolute_url())
    _name(page, "Olga Officer", "trustee")
    expect(page.locator("section[aria-labelledby=parts]")).to_contain_text(
        "Olga Officer"
    )

    # Los Mineros, on a phone, in Spanish: agrees to hold the ballot.
    mineros = open_tab(viewport=PHONE, locale="es-MX")
    login(mineros, w["mineros_staff"], totp=True)
    mineros.goto(election.get_absolute_url())
    phone = mineros.page
    expect(phone.locator("html")).to_have_attribute("lang", "es")
    hold = phone.locator("button[value=hold]")
    expect(hold).to_have_text(_says("Agree to hold this ballot", "es"))
    shot(mineros, "joint-ballot-04-mineros-phone-asked-to-agree")
    _step(phone)
    expect(phone.locator("button[value=begin]")).to_be_visible()

    # Its roll: the whole roll; it corrects its own delegate's line, no one else's.
    mineros.goto(f"/elections/{election.uid}/voters/")
    expect(_line(phone, "Olga Officer")).to_be_visible()
    expect(_line(phone, "Alice Alternate")).to_be_visible()
    for theirs in ("Olga Officer", "Alice Alternate"):
        expect(_line(phone, theirs).locator("summary")).to_have_count(0)
    _correct_own_line(phone, "Óscar Oficial", "oscar@mineros.example.org")
    expect(phone.locator(".alert-success")).to_be_visible()
    _import(phone, "name,worker_number,curp,email,phone,language,weight\n"
                   "Rosa Suplente,LM-SUP-1,,,+52 645 000 0001,es,1\n")  # fmt: skip
    expect(_line(phone, "Rosa Suplente")).to_contain_text("Los Mineros")
    shot(mineros, "joint-ballot-05-mineros-phone-roll")

    # Posting a correction of USW's line anyway: refused, saying why, in Spanish.
    olga = election.voters.get(name="Olga Officer")
    mineros.allowed_statuses = {403}
    with phone.expect_navigation():
        phone.evaluate(
            """([action, token]) => {
                const form = document.createElement("form");
                form.method = "post";
                form.action = action;
                for (const [name, value] of [["csrfmiddlewaretoken", token],
                        ["name", "Otra persona"], ["email", "x@mineros.example.org"]]) {
                    const input = document.createElement("input");
                    input.name = name;
                    input.value = value;
                    form.append(input);
                }
                document.body.append(form);
                form.submit();
            }""",
            [
                f"/elections/{election.uid}/voters/{olga.pk}/",
                phone.locator("input[name=csrfmiddlewaretoken]").first.input_value(),
            ],
        )
    refusal = "This line is another union's delegate: only that union changes it."
    expect(phone.locator("main")).to_contain_text(_says(refusal, "es"))
    shot(mineros, "joint-ballot-06-mineros-phone-refused")
    mineros.allowed_statuses = set()
    olga.refresh_from_db()
    assert (olga.name, olga.email) == ("Olga Officer", "olga@usw.example.org")

    # Los Mineros names its trustee and the credential authority, then proposes to
    # begin the key ceremony: it waits for USW.
    mineros.goto(election.get_absolute_url())
    _name(phone, "Óscar Oficial", "trustee")
    _name(phone, "Mario Miembro", "credential_authority")
    _step(phone)
    expect(phone.locator("section[aria-labelledby=next]")).to_contain_text("USW")
    election.refresh_from_db()
    assert election.is_draft
    shot(mineros, "joint-ballot-07-mineros-phone-begin-waits-for-usw")

    # USW agrees: the ceremony begins.
    usw.goto(election.get_absolute_url())
    expect(page.locator("section[aria-labelledby=next]")).to_contain_text(
        re.compile("agreed by.*Los Mineros.*waiting for.*USW")
    )
    _step(page)
    election.refresh_from_db()
    assert election.is_in_key_ceremony
    expect(page.locator(".alert-success")).to_contain_text("make the election key")
    shot(usw, "joint-ballot-08-usw-ceremony-begins")
    mineros.goto(election.get_absolute_url())
    shot(mineros, "joint-ballot-09-mineros-phone-ceremony")
    mineros.goto("/elections/")
    expect(phone.get_by_role("link", name=election.title)).to_be_visible()
    shot(mineros, "joint-ballot-10-mineros-phone-elections")
    usw.assert_clean()
    mineros.assert_clean()
