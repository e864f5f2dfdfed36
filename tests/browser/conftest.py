"""Browser fixtures: the live server, headless Debian Chromium and page watchers.

Playwright's sync API runs an event loop in this thread, so Django's ORM would refuse
to run here without ``DJANGO_ALLOW_ASYNC_UNSAFE``. It is set only while the browser
is up (not when this file is merely collected) so other tests keep the check.
"""

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.utils import translation
from playwright.sync_api import Browser, Page, expect, sync_playwright

from alianza.accounts.models import User
from conftest import PASSWORD

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
TOTP_SECRET = "JBSWY3DPEHPK3PXP"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
_last_totp_counter: dict[int, int] = {}


@pytest.fixture
def bworld(transactional_db, world):
    """The conftest ``world``, committed so that the live server thread sees it.

    pytest-django lets ``db`` and ``transactional_db`` coexist: the transactional one
    takes precedence (and ``live_server`` would force it anyway).
    """
    return world


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as p:
            chromium = p.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()


@dataclass
class Tab:
    """A page plus everything it did wrong: console errors, failed or foreign
    requests, error responses."""

    page: Page
    base_url: str
    problems: list[str] = field(default_factory=list)
    allowed_statuses: set[int] = field(default_factory=set)

    def watch(self) -> None:
        host = urlsplit(self.base_url).netloc
        page = self.page

        def on_request(request) -> None:
            parts = urlsplit(request.url)
            if parts.scheme not in {"data", "blob", "about"} and parts.netloc != host:
                self.problems.append(f"foreign request: {request.url}")

        def on_console(message) -> None:
            allowed = any(
                f"status of {s}" in message.text for s in self.allowed_statuses
            )
            if message.type == "error" and not allowed:
                self.problems.append(f"console error: {message.text} ({page.url})")

        def on_response(response) -> None:
            if response.status >= 400 and response.status not in self.allowed_statuses:
                self.problems.append(f"HTTP {response.status}: {response.url}")

        page.on("request", on_request)
        page.on("console", on_console)
        page.on("response", on_response)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))

        def on_failed(request) -> None:
            # A request the browser dropped because the page moved on (a form sent,
            # a link followed) is no failure of the server.
            if "ERR_ABORTED" not in (request.failure or ""):
                self.problems.append(f"failed request: {request.url} {request.failure}")

        page.on("requestfailed", on_failed)

    def goto(self, path: str):
        return self.page.goto(self.base_url + path)

    def assert_clean(self) -> None:
        assert self.problems == []


@pytest.fixture
def open_tab(browser, live_server) -> Iterator:
    contexts = []

    def _open(viewport: dict | None = None, locale: str = "en-US", **options) -> Tab:
        context = browser.new_context(
            viewport=viewport or {"width": 1280, "height": 800},
            locale=locale,
            **options,
        )
        contexts.append(context)
        tab = Tab(context.new_page(), live_server.url)
        tab.watch()
        return tab

    yield _open
    for context in contexts:
        context.close()


@dataclass
class DemoWorld:
    logins: dict  # e-mail -> DemoLogin

    def user(self, email: str) -> User:
        return User.objects.get(email=email)

    def sign_in(self, tab: Tab, email: str) -> None:
        demo_login = self.logins[email]
        login(
            tab,
            self.user(email),
            totp=demo_login.totp_secret is not None,
            password=demo_login.password,
            secret=demo_login.totp_secret or "",
        )


@pytest.fixture
def demo_world(transactional_db, settings, tmp_path) -> DemoWorld:
    """The demo world (``alianza demo``), committed for the live server."""
    from alianza.core import demo

    settings.DATA_DIR = tmp_path
    return DemoWorld({x.email: x for x in demo.load()})


def totp_code(user, secret: str = TOTP_SECRET) -> str:
    """The current code; allauth refuses a code twice for the same user, so wait
    for the next 30-second window if this user already spent this one. It also
    accepts only the current window's code, so a code is not taken in the last
    seconds of a window: on a busy machine the server would read it in the next."""
    counter = int(time.time()) // 30
    if _last_totp_counter.get(user.pk) == counter or time.time() % 30 > 25:
        time.sleep(30 - time.time() % 30 + 0.5)
        counter = int(time.time()) // 30
    _last_totp_counter[user.pk] = counter
    return format_hotp_value(hotp_value(secret, counter))


def login(
    tab: Tab,
    user,
    totp: bool = False,
    password: str = PASSWORD,
    secret: str = TOTP_SECRET,
) -> None:
    """Sign in through the real pages: password, then the authenticator code (the
    personas' defaults; a demo login brings its own password and secret)."""
    page = tab.page
    tab.goto("/accounts/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.press("input[name=password]", "Enter")
    if totp:
        assert "/accounts/2fa/authenticate/" in page.url
        page.fill("input[name=code]", totp_code(user, secret))
        with page.expect_navigation():
            page.press("input[name=code]", "Enter")
        assert "/accounts/2fa/authenticate/" not in page.url, "the code was refused"


def switch_language(tab: Tab, code: str) -> None:
    """Use the navbar's language switcher: the select, then its submit button
    ("Change"; in Spanish Django's own catalogue currently says "Modificar")."""
    open_menu(tab)
    form = tab.page.locator("form:has(select#language-switch)")
    form.locator("select#language-switch").select_option(code)
    button = form.locator("button[type=submit]")
    expect(button).to_have_text(re.compile(r"^(Change|Cambiar|Modificar)$"))
    with tab.page.expect_navigation():
        button.click()


def shot(tab: Tab, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def heading(tab: Tab, text: str) -> None:
    """The page's h1 is visible and reads ``text``."""
    h1 = tab.page.get_by_role("heading", level=1)
    expect(h1).to_be_visible()
    expect(h1).to_have_text(text)


def open_menu(tab: Tab, account: bool = False) -> None:
    """Open the collapsed bar (below 1200 px) and, if asked, the account menu."""
    main_nav = tab.page.locator("nav.navbar")
    toggler = main_nav.locator(".navbar-toggler")
    if toggler.is_visible() and toggler.get_attribute("aria-expanded") != "true":
        toggler.click()
        main_nav.locator("#main-nav.show").wait_for()
    if account:
        main_nav.locator("#account-menu").click()


def nav(tab: Tab, label: str) -> None:
    """Follow a link of the main bar: at the top, in one of its groups, or in the
    account menu (tools of staff)."""
    main_nav = tab.page.locator("nav.navbar")
    link = main_nav.get_by_role("link", name=label, exact=True)
    open_menu(tab)
    if not link.is_visible():
        named = tab.page.get_by_role(
            "link", name=label, exact=True, include_hidden=True
        )
        group = main_nav.locator("li.dropdown").filter(has=named)
        group.locator(".dropdown-toggle").click()
    with tab.page.expect_navigation():
        link.click()


def es(msgid: str) -> str | None:
    """The Spanish the server would render for ``msgid``, or None while the Spanish
    catalogue lacks it (then the walk asserts only ``<html lang="es">``)."""
    with translation.override("es"):
        text = translation.gettext(msgid)
    return None if text == msgid else text


def pdf_shot(data: bytes, name: str) -> list[Path]:
    """Keep a PDF the app produced and render its pages to PNG, to look at them."""
    import pypdfium2

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"{name}.pdf").write_bytes(data)
    paths = []
    document = pypdfium2.PdfDocument(data)
    for n, pdf_page in enumerate(document, start=1):
        path = SCREENSHOTS / f"{name}-page{n}.png"
        pdf_page.render(scale=1.4).to_pil().save(path)
        paths.append(path)
    document.close()
    return paths
