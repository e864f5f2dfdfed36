"""A union's staffer on a 390-px phone, in Spanish and in French: every table keeps
its key column in view and no page scrolls sideways; the menu's text reads at
4.5:1 at least on every part of the bar's gradient; links and buttons of the menu,
the pagination, icon buttons and the map's markers are 24 px across at least.
Screenshots of a meeting with a motion, a council, a person and a body's seats
in both languages go to ``test-artifacts/screenshots/``."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from alianza.accounts.models import User

from .conftest import Tab, open_menu, shot
from .test_accessibility import PHONE, STAFF, open_vote

pytestmark = pytest.mark.browser

TARGET = 24  # px, WCAG 2.2's minimum target size
CONTRAST = 4.5
ADMIN = "d.kowalski@usw.example"

# For each page, each table (its index on the page) and the columns (1-based)
# that must stay in view on a phone: the table's name and its key figures.
KEY_COLUMNS: dict[str, dict[int, list[int]]] = {
    "bodies": {0: [1, 3, 4]},  # body, voting seats, observers
    "body": {0: [1, 2, 4]},  # seat, holder, rights (a card per seat)
    "meeting": {0: [2, 3, 4]},  # holder (and seat), rights, present
    "council": {0: [1, 3, 4], 1: [1, 3, 4]},  # meetings; action items' status
    "employer": {0: [1, 3, 4], 1: [1, 2, 4]},  # representation; its history
    "common employers": {0: [1, 5]},  # corporate family, council
    "contracts": {0: [1, 6]},  # agreement, expires
    "contract": {0: [1, 3, 4]},  # classification, per hour, US$ per hour
    "expiries": {0: [1, 2]},
    # The wage comparison: agreement, classification, US$ per hour; the settlements.
    "comparison": {0: [1, 2, 5], 1: [1, 2, 3]},
    "elections": {0: [1, 4, 5]},  # vote, closes, status
    "election board": {0: [1, 2, 3]},
    "roll": {0: [1, 6]},  # name, voted
    "people": {0: [1, 2]},  # name, roles
    "person": {0: [1, 3]},  # organisation, role (a card per membership)
    "organisations": {0: [1, 4, 5]},
    "documents": {0: [1, 4]},
    "strike": {0: [1, 2, 4]},
}

MEASURE_TABLES = """(keys) => {
  const problems = [];
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth > width) {
    problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`);
  }
  const tables = [...document.querySelectorAll("main table")];
  tables.forEach((table, index) => {
    const box = table.getBoundingClientRect();
    if (box.right > width + 0.5 || box.left < -0.5) {
      problems.push(`table ${index} runs off the screen (${Math.round(box.right)} px)`);
    }
    for (const column of keys[index] || []) {
      let seen = 0;
      for (const row of table.querySelectorAll("tbody tr")) {
        if (row.querySelector("[colspan]")) continue;
        const cell = row.children[column - 1];
        const r = cell.getBoundingClientRect();
        const shown = getComputedStyle(cell).display !== "none" && r.width > 0;
        if (!shown || r.left < -0.5 || r.right > width + 0.5) {
          problems.push(`table ${index}: column ${column} is not in view (${cell.textContent.trim().slice(0, 30)})`);
        }
        seen += 1;
      }
      if (!seen) problems.push(`table ${index} has no row to check`);
    }
  });
  for (const index of Object.keys(keys)) {
    if (!tables[index]) problems.push(`no table ${index}`);
  }
  return problems;
}"""

MEASURE_TARGETS = """(selector) => [...document.querySelectorAll(selector)]
  .filter(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden";
  })
  .map(e => {
    const r = e.getBoundingClientRect();
    const name = e.getAttribute("aria-label") || e.textContent.trim() || e.outerHTML;
    return {name: name.slice(0, 60), width: r.width, height: r.height};
  })"""

# The contrast of each visible text of the bar against every colour behind it: a
# gradient is sampled between its stops; a translucent colour is laid over what
# is behind it (WCAG 2's relative luminance).
MEASURE_CONTRAST = """(selector) => {
  const rgba = c => { const v = c.match(/[\\d.]+/g).map(Number); return v.length === 3 ? [...v, 1] : v; };
  const over = (top, under) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3]));
  const channel = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const lum = c => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const behind = el => {
    if (!el) return [[255, 255, 255]];
    const style = getComputedStyle(el);
    if (style.backgroundImage.includes("gradient")) {
      const stops = style.backgroundImage.match(/rgba?\\([^)]*\\)/g).map(rgba);
      const colours = [];
      for (let i = 0; i + 1 < stops.length; i++) {
        for (let t = 0; t <= 1; t += 0.1) {
          colours.push(stops[i].slice(0, 3).map((v, k) => v + (stops[i + 1][k] - v) * t));
        }
      }
      return colours;
    }
    const bg = rgba(style.backgroundColor);
    if (bg[3] === 0) return behind(el.parentElement);
    if (bg[3] === 1) return [bg.slice(0, 3)];
    return behind(el.parentElement).map(under => over(bg, under));
  };
  return [...document.querySelectorAll(selector)]
    .filter(e => e.getBoundingClientRect().width > 0 && e.textContent.trim()
                 && getComputedStyle(e).visibility !== "hidden")
    .map(e => {
      const text = rgba(getComputedStyle(e).color);
      const worst = Math.min(...behind(e).map(bg => ratio(over(text, bg), bg)));
      return {name: e.textContent.trim().slice(0, 40), ratio: worst};
    });
}"""

MENU_TEXT = (
    "nav.navbar .navbar-brand, nav.navbar .nav-link, nav.navbar .dropdown-item, "
    "nav.navbar select, nav.navbar button"
)
MENU_TARGETS = "nav.navbar a, nav.navbar button, nav.navbar select, nav.navbar summary"


def phone_pages() -> dict[str, str]:
    from alianza.bodies.models import Body
    from alianza.contracts.models import Agreement
    from alianza.councils.models import Council
    from alianza.governance.models import Motion
    from alianza.orgs.models import Organisation, Person
    from alianza.solidarity.models import Strike

    mineros = Organisation.objects.get(slug="los-mineros")
    election = open_vote()
    body = Body.objects.filter(organisation=mineros, kind="executive_board").first()
    return {
        "bodies": reverse("bodies:bodies"),
        "body": body.get_absolute_url(),
        "meeting": Motion.objects.filter(meeting__body=body)
        .first()
        .meeting.get_absolute_url(),
        "council": Council.objects.first().get_absolute_url(),
        "employer": reverse("employers:employer", args=["grupo-mexico"]),
        "common employers": reverse("employers:common"),
        "contracts": reverse("contracts:library"),
        "contract": Agreement.objects.filter(organisation=mineros)
        .first()
        .get_absolute_url(),
        "expiries": reverse("contracts:expiries"),
        "comparison": reverse("contracts:compare")
        + "?topic=wages&"
        + "&".join(f"agreements={a.pk}" for a in Agreement.objects.all()),
        "elections": reverse("elections:elections"),
        "election board": reverse("elections:board", args=[election.uid]),
        "roll": reverse("elections:voters", args=[election.uid]),
        "people": reverse("orgs:people"),
        "person": Person.objects.get(
            name__startswith="José Luis Romero"
        ).get_absolute_url(),
        "organisations": reverse("orgs:organisations"),
        "documents": reverse("documents:documents"),
        "strike": Strike.objects.first().get_absolute_url(),
    }


def too_small(tab: Tab, selector: str) -> list[dict]:
    found = tab.page.evaluate(MEASURE_TARGETS, selector)
    assert found, f"nothing matches {selector}"
    return [t for t in found if t["width"] < TARGET or t["height"] < TARGET]


@pytest.mark.parametrize("language", ["es", "fr"])
def test_tables_keep_their_key_column_on_a_phone(demo_world, open_tab, language):
    User.objects.filter(email=STAFF).update(language=language)
    tab = open_tab(viewport=PHONE, locale="es-MX")
    demo_world.sign_in(tab, STAFF)
    problems = {}
    for name, path in phone_pages().items():
        tab.goto(path)
        assert tab.page.locator("html").get_attribute("lang") == language
        found = tab.page.evaluate(MEASURE_TABLES, KEY_COLUMNS[name])
        if found:
            problems[name] = found
        if name in {"meeting", "council", "person", "body"}:
            shot(tab, f"phone-{name.replace(' ', '-')}-{language}")
    # The audit log, as the USW's administrator reads it.
    User.objects.filter(email=ADMIN).update(language=language)
    admin = open_tab(viewport=PHONE, locale="es-MX")
    demo_world.sign_in(admin, ADMIN)
    admin.goto(reverse("orgs:audit_log"))
    found = admin.page.evaluate(MEASURE_TABLES, {0: [1, 2, 4]})  # when, who, what
    if found:
        problems["audit log"] = found
    assert problems == {}
    tab.assert_clean()
    admin.assert_clean()


def test_menu_contrast_and_touch_targets_on_a_phone(demo_world, open_tab):
    from alianza.orgs.models import Membership, Organisation, Person

    mineros = Organisation.objects.get(slug="los-mineros")
    section = mineros.units.get(name="Sección 65")
    for n in range(60):  # enough people for a second page
        person = Person.objects.create(name=f"Trabajador {n:02d}", country="MX")
        Membership.objects.create(
            person=person, organisation=mineros, role="member", unit=section
        )
    User.objects.filter(email=STAFF).update(language="es")
    tab = open_tab(viewport=PHONE, locale="es-MX")
    demo_world.sign_in(tab, STAFF)
    page = tab.page

    # The menu, opened, and each of its groups in turn.
    tab.goto(reverse("dashboard"))
    open_menu(tab)
    readings = page.evaluate(MEASURE_CONTRAST, MENU_TEXT)
    small = too_small(tab, MENU_TARGETS)
    groups = page.locator("nav.navbar .dropdown-toggle")
    assert groups.count() >= 3
    for i in range(groups.count()):
        groups.nth(i).click()
        expect(page.locator("nav.navbar .dropdown-menu.show")).to_be_visible()
        readings += page.evaluate(MEASURE_CONTRAST, MENU_TEXT)
        small += too_small(tab, MENU_TARGETS)
        groups.nth(i).click()
    assert len(readings) > 10
    faint = [r for r in readings if r["ratio"] < CONTRAST]
    assert faint == [], faint
    assert small == [], small

    # The pagination of the people.
    tab.goto(reverse("orgs:people"))
    expect(page.locator(".pagination")).to_be_visible()
    assert too_small(tab, ".pagination a, .pagination .page-link") == []

    # An icon button: the close button of a message.
    tab.goto(reverse("account_settings"))
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    assert too_small(tab, ".alert .btn-close") == []

    # Buttons and disclosures of a body's page (a staffer manages its seats).
    from alianza.bodies.models import Body

    body = Body.objects.filter(organisation=mineros, kind="executive_board").first()
    tab.goto(body.get_absolute_url())
    assert too_small(tab, "main .btn, main summary, main select") == []
    # And of a meeting's (the small buttons that move a motion on).
    from alianza.governance.models import Motion

    tab.goto(
        Motion.objects.filter(meeting__body=body).first().meeting.get_absolute_url()
    )
    assert too_small(tab, "main .btn, main summary") == []

    # The map's markers.
    tab.goto(reverse("employers:map"))
    markers = page.locator("svg.alianza-map a")
    assert markers.count() >= 5
    assert too_small(tab, "svg.alianza-map a") == []
    # A marker is still the way to its employer.
    with page.expect_navigation():
        markers.last.click()  # drawn last, so on top of its neighbours
    assert "/employers/" in page.url
    tab.assert_clean()
