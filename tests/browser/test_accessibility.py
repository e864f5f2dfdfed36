"""The most used pages, in Spanish and in French on a 390-px phone, checked by
axe-core: no serious or critical violation. The report (JSON, and a summary of
page, language, rule, impact and count) is written to ``test-artifacts/axe/`` and
printed, so that CI's log shows it.

axe-core is vendored for the tests only (``tests/browser/vendor/``, see its
``vendor-axe.py``) and injected into each page by Playwright; the site never serves
it. The injected script is inline, which the site's Content-Security-Policy would
refuse, so these contexts bypass the CSP (the other walks keep it).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from alianza.accounts.models import User

from .conftest import SCREENSHOTS, Tab, open_menu

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
REPORTS = SCREENSHOTS.parent / "axe"
PHONE = {"width": 390, "height": 844}  # an ordinary phone, held upright
LOCALES = {"es": "es-MX", "fr": "fr-CA"}
BLOCKING = {"serious", "critical"}
STAFF = "maria.hernandez@mineros.example"
VOTER = "r.valenzuela@mineros.example"


def open_vote():
    """The open vote in which Ramón, the demo's voter, holds a code."""
    from alianza.elections.models import Election

    return Election.objects.filter(voters__email=VOTER).get()


def staff_pages() -> list[tuple[str, str]]:
    """The most used pages, as a Los Mineros staffer of the Joint Commission
    opens them: (name, path)."""
    from alianza.alerts.actions import draft_alert, send_alert
    from alianza.bodies.models import Body
    from alianza.contracts.models import Agreement
    from alianza.councils.models import Council
    from alianza.employers.models import Employer
    from alianza.governance.models import Motion
    from alianza.orgs.models import Organisation, Person
    from alianza.solidarity.models import Campaign, Letter

    staff = User.objects.get(email=STAFF)
    mineros = Organisation.objects.get(slug="los-mineros")
    alert = draft_alert(
        staff, mineros, title="Mitin en Cananea",
        body="Todas y todos al mitin del viernes.", language="es",
    )  # fmt: skip
    send_alert(staff, alert)
    motion = Motion.objects.filter(meeting__body__organisation=mineros).first()
    election = open_vote()
    person = Person.objects.get(name__startswith="José Luis Romero")
    first: Callable = lambda model, **kw: model.objects.filter(**kw).first()  # noqa: E731
    return [
        ("dashboard", reverse("dashboard")),
        ("organisations", reverse("orgs:organisations")),
        ("bodies", reverse("bodies:bodies")),
        ("body", first(Body, organisation=mineros).get_absolute_url()),
        ("meeting with a motion", motion.meeting.get_absolute_url()),
        ("councils", reverse("councils:councils")),
        ("council", first(Council).get_absolute_url()),
        ("employers", reverse("employers:employers")),
        ("employer", first(Employer, slug="grupo-mexico").get_absolute_url()),
        ("employers map", reverse("employers:map")),
        ("solidarity (campaigns, letters, alerts)", reverse("solidarity:hub")),
        ("campaign", first(Campaign, organisation=mineros).get_absolute_url()),
        ("alert", alert.get_absolute_url()),
        ("letter", first(Letter).get_absolute_url()),
        ("contracts", reverse("contracts:library")),
        ("contract", first(Agreement, organisation=mineros).get_absolute_url()),
        ("elections", reverse("elections:elections")),
        ("election", election.get_absolute_url()),
        ("election board", reverse("elections:board", args=[election.uid])),
        ("people", reverse("orgs:people")),
        ("person", person.get_absolute_url()),
        ("joint spaces", reverse("spaces:spaces")),
        ("documents", reverse("documents:documents")),
        ("calendar of events", reverse("solidarity:events")),
        ("account and language", reverse("account_settings")),
    ]


def run_axe(tab: Tab) -> list[dict]:
    """axe's violations on the page (every rule axe runs by default: WCAG 2.0 to
    2.2 A and AA, and its best practices)."""
    tab.page.add_script_tag(path=str(AXE))
    return tab.page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ["violations"]});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({
                    target: n.target.join(" "), html: n.html.slice(0, 300),
                    summary: n.failureSummary,
                })),
            }));
        }"""
    )


@dataclass
class Audit:
    rows: list[dict]

    def check(self, tab: Tab, page: str, language: str, menu: bool = False) -> None:
        """axe on the page as it stands; ``menu``: with the bar's menu opened, so
        that its links are checked too (it is the same on every page)."""
        if menu:
            open_menu(tab)
        assert tab.page.locator("html").get_attribute("lang") == language, page
        for violation in run_axe(tab):
            self.rows.append(
                {"page": page, "language": language, "url": tab.page.url, **violation}
            )

    def blocking(self) -> list[dict]:
        return [row for row in self.rows if row["impact"] in BLOCKING]

    def summary(self, pages: int, seconds: float) -> str:
        lines = [
            "# axe-core 4.14.1 on a 390-px phone",
            "",
            f"{pages} pages checked in {seconds:.0f} s; "
            f"{len(self.blocking())} serious or critical violation(s), "
            f"{len(self.rows) - len(self.blocking())} minor or moderate.",
            "",
            "| page | language | rule | impact | count |",
            "| --- | --- | --- | --- | --- |",
        ]
        for row in sorted(
            self.rows, key=lambda r: (r["impact"] not in BLOCKING, r["page"])
        ):
            lines.append(
                f"| {row['page']} | {row['language']} | {row['id']} "
                f"| {row['impact']} | {len(row['nodes'])} |"
            )
        for row in self.blocking():
            lines += ["", f"## {row['page']} ({row['language']}): {row['id']}"]
            lines.append(f"{row['help']} <{row['helpUrl']}>")
            for node in row["nodes"][:5]:
                lines.append(f"- `{node['target']}`: {node['summary']}")
        return "\n".join(lines) + "\n"


def test_the_most_used_pages_in_spanish_and_french_pass_axe(
    demo_world, open_tab, capsys
):
    started = time.monotonic()
    audit = Audit([])
    pages = staff_pages()
    checked = 0
    staff = open_tab(viewport=PHONE, locale="es-MX", bypass_csp=True)
    voter = open_tab(viewport=PHONE, locale="es-MX", bypass_csp=True)
    demo_world.sign_in(staff, STAFF)
    demo_world.sign_in(voter, VOTER)
    booth = reverse("elections:booth", args=[open_vote().uid])
    for language, locale in LOCALES.items():
        User.objects.filter(email__in=[STAFF, VOTER]).update(language=language)
        # Signing in: the browser's language decides, before anyone is known.
        anonymous = open_tab(viewport=PHONE, locale=locale, bypass_csp=True)
        anonymous.goto(reverse("account_login"))
        audit.check(anonymous, "sign-in", language)
        anonymous.page.fill("input[name=login]", STAFF)
        anonymous.page.fill("input[name=password]", demo_world.logins[STAFF].password)
        with anonymous.page.expect_navigation():
            anonymous.page.press("input[name=password]", "Enter")
        assert "/accounts/2fa/authenticate/" in anonymous.page.url
        # The code field brings up the number keypad and takes the phone's
        # suggestion of the code it just received.
        code = anonymous.page.locator("input[name=code]")
        expect(code).to_have_attribute("inputmode", "numeric")
        expect(code).to_have_attribute("autocomplete", "one-time-code")
        expect(code).to_have_attribute("pattern", "[0-9]*")
        audit.check(anonymous, "two-factor code", language)
        for name, path in pages:
            staff.goto(path)
            audit.check(staff, name, language, menu=name == "dashboard")
        voter.goto(booth)
        audit.check(voter, "voting booth", language)
        checked += len(pages) + 3
    seconds = time.monotonic() - started
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / "report.json").write_text(json.dumps(audit.rows, indent=1))
    summary = audit.summary(checked, seconds)
    (REPORTS / "summary.md").write_text(summary)
    with capsys.disabled():
        print("\n" + summary)
    assert audit.blocking() == [], summary
    staff.assert_clean()
    voter.assert_clean()
