"""The polling table's console on a phone at the gate: the administrator finds a
worker by her CURP, compares the name, number and CURP with her ID card, checks
her in with the assistant she chose, and writes an incident."""

import pytest
from playwright.sync_api import expect

from alianza.elections import actions
from alianza.elections.models import CheckIn, Incident, Voter
from alianza.elections.tests.helpers import new_election, people, ready_to_vote

from .conftest import login, shot

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
CURP = "LOPJ900215HSRPRN09"


def test_the_console_at_the_gate_on_a_phone(bworld, open_tab):
    from alianza.accounts.models import User

    election = new_election(bworld, voters=3)
    admin, observer = people(bworld, 2, "official")
    actions.assign_role(bworld["mineros_staff"], election, admin, "administrator")
    actions.assign_role(bworld["mineros_staff"], election, observer, "observer")
    ready_to_vote(bworld, election)
    Voter.objects.filter(election=election, worker_number="W1").update(curp=CURP)
    User.objects.filter(pk=admin.user.pk).update(language="en")
    tab = open_tab(viewport=PHONE)
    login(tab, admin.user)
    tab.goto(f"/elections/{election.uid}/polling-table/console/")
    page = tab.page
    page.fill("#find", CURP.lower())
    page.get_by_role("button", name="Find").click()
    expect(page.locator("[data-name]")).to_have_text("Trabajador 1")
    expect(page.locator("[data-status]")).to_contain_text("Not yet voted")
    page.fill("input[name=assistant_name]", "Juana Pérez")
    page.fill("textarea[name=assistant_statement]", "Pido que mi hija me ayude.")
    shot(tab, "console-found-phone")
    page.get_by_role("button", name="Check her in").click()
    expect(page.locator("[data-check-in]")).to_contain_text("Juana Pérez")
    page.fill("textarea[name=text]", "Se fue la luz diez minutos.")
    page.get_by_role("button", name="Record the incident").click()
    expect(page.locator("[data-incident]")).to_contain_text("Se fue la luz")
    shot(tab, "console-phone")
    assert CheckIn.objects.get().assistant_name == "Juana Pérez"
    assert Incident.objects.get().by == admin
    tab.assert_clean()
