"""The language-leak walk: what people wrote, in the page's language.

The demo world is loaded; four demo personas — a USW officer (Ray Benavidez, District
12), a Los Mineros officer (José Luis Romero, Sección 65), a rank-and-file member
(Ramón Valenzuela, Sección 65) and a Quebec Métallos officer (Sylvie Gagnon, District
5) — each open the most used pages on a 390-px phone, once in French and once in
Spanish. A page they may not open (a 403 or 404) is skipped for that persona.

How a leak is decided, from the data and not from a list written here:

* Every record of a model that is ``Multilingual`` is read, and for each of its
  ``TRANSLATABLE_FIELDS`` its texts per language: the original in ``record.language``
  and each ``Translation`` row.
* For a page in language P, a text of language X (X ≠ P) is *foreign* when it differs
  from the same field's text in P — or the field has no text in P at all — and is long
  enough to be a phrase: at least two words. (A proper name that stays the same in
  every language is recorded as its own translation, so it is never foreign.)
* The page's visible text is read from the DOM, leaving out scripts and styles and the
  originals shown on purpose: text inside an element marked ``lang="X"`` that sits in a
  ``<details>`` ("show the original"), carries the ``original-text`` class, or the
  ``kept-original`` class of a text always shown as written (an agreement's title, the
  legal document's own).
* A foreign text of language X found anywhere else on the page (whitespace made
  uniform) is a leak. The test fails listing every leak: page, persona, language, the
  record and field, and the text.

Screenshots at 390 px: ``test-artifacts/screenshots/content-<lang>-<page>-<persona>.png``
for the council and the person's page; ``test-artifacts/content-language.txt`` lists the
pages each persona walked and every leak found.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from alianza.accounts.models import User
from alianza.core.demo import PASSWORD
from alianza.core.demo import load as load_demo
from alianza.multilingual.models import Multilingual, Translation

from .conftest import SCREENSHOTS as SHOTS_DIR
from .conftest import Tab, shot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PERSONAS = {
    "usw_officer": "r.benavidez@usw.example",
    "mineros_officer": "jl.romero@mineros.example",
    "member": "r.valenzuela@mineros.example",
    "metallos": "s.gagnon@usw.example",
}
LANGUAGES = ("fr", "es")
SHOTS = {"council", "person"}

# Visible text grouped by where it sits: (nearest lang, shown on purpose as original).
VISIBLE_TEXT_JS = """
() => {
  const page = (document.documentElement.lang || "").split("-")[0];
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const text = node.nodeValue;
    if (!text || !text.trim()) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest("script, style, template, noscript")) continue;
    const marked = parent.closest("[lang]");
    const lang = marked ? marked.getAttribute("lang").split("-")[0] : page;
    const onPurpose = !!marked && lang !== page && (
      !!marked.closest("details") || marked.classList.contains("original-text")
      || !!parent.closest(".original-text") || !!parent.closest(".kept-original"));
    out.push([lang, onPurpose, text]);
  }
  return {page: page, parts: out};
}
"""


@dataclass(frozen=True)
class Foreign:
    language: str
    text: str
    where: str  # "<model> #<pk> <field>"


def _words(text: str) -> list[str]:
    return re.findall(r"\w[\w'’.-]*", text)


def _uniform(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def texts_per_language() -> list[tuple[str, dict[str, str]]]:
    """For every translatable field of every ``Multilingual`` record: its texts by
    language (the original and each translation)."""
    found: list[tuple[str, dict[str, str]]] = []
    models = [
        m
        for m in apps.get_models()
        if issubclass(m, Multilingual) and m.TRANSLATABLE_FIELDS
    ]
    for model in models:
        ct = ContentType.objects.get_for_model(model)
        translations: dict[tuple[str, str], dict[str, str]] = {}
        for object_id, field, language, text in Translation.objects.filter(
            content_type=ct
        ).values_list("object_id", "field", "language", "text"):
            translations.setdefault((object_id, field), {})[language] = text
        fields = list(model.TRANSLATABLE_FIELDS)
        for row in model._default_manager.values("pk", "language", *fields):
            for field in fields:
                original = row[field] or ""
                if not original.strip():
                    continue
                versions = {row["language"]: original}
                for language, text in translations.get(
                    (str(row["pk"]), field), {}
                ).items():
                    if text.strip():
                        versions.setdefault(language, text)
                where = f"{model.__name__} #{row['pk']} {field}"
                found.append((where, versions))
    return found


def foreign_texts(page_language: str) -> list[Foreign]:
    """The texts that must not appear on a page in ``page_language``."""
    foreign: list[Foreign] = []
    for where, versions in texts_per_language():
        here = _uniform(versions.get(page_language, ""))
        for language, text in versions.items():
            if language == page_language:
                continue
            text = _uniform(text)
            if text == here or len(_words(text)) < 2:
                continue
            foreign.append(Foreign(language, text, where))
            # A long text shows paragraph by paragraph: each is checked too.
            for line in re.split(r"\n\s*\n", versions[language]):
                line = _uniform(line)
                if line != text and len(_words(line)) >= 4 and line not in here:
                    foreign.append(Foreign(language, line, where))
    return foreign


def leaks_on(tab: Tab, language: str, foreign: list[Foreign]) -> list[Foreign]:
    seen = tab.page.evaluate(VISIBLE_TEXT_JS)
    assert seen["page"] == language, f"{tab.page.url} is in {seen['page']!r}"
    shown = _uniform(
        " ".join(text for _lang, on_purpose, text in seen["parts"] if not on_purpose)
    )
    return [f for f in foreign if f.text in shown]


def _totp(user: User, used: dict[int, int]) -> str:
    """The demo account's current code (its own secret), never twice in a window."""
    secret = decrypt(
        Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data[
            "secret"
        ]
    )
    counter = int(time.time()) // 30
    if used.get(user.pk) == counter or time.time() % 30 > 25:
        time.sleep(30 - time.time() % 30 + 0.5)
        counter = int(time.time()) // 30
    used[user.pk] = counter
    return format_hotp_value(hotp_value(secret, counter))


def _login(tab: Tab, user: User, used: dict[int, int]) -> None:
    page = tab.page
    tab.goto("/accounts/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.press("input[name=password]", "Enter")
    if "/accounts/2fa/authenticate/" in page.url:
        page.fill("input[name=code]", _totp(user, used))
        with page.expect_navigation():
            page.press("input[name=code]", "Enter")
        assert "/accounts/2fa/authenticate/" not in page.url, "the code was refused"


def _pages(user: User) -> list[tuple[str, list[str]]]:
    """(name, candidate paths): the first path the persona may open is walked."""
    from alianza.bodies.models import Body
    from alianza.elections.models import Election
    from alianza.governance.models import Motion
    from alianza.solidarity.models import (
        Campaign,
        Letter,
        OrganizingTarget,
        SolidarityRequest,
        Strike,
    )

    def urls(queryset, name: str, key: str = "pk") -> list[str]:
        return [reverse(name, args=[getattr(o, key)]) for o in queryset]

    meetings = sorted(
        {m.meeting_id for m in Motion.objects.exclude(meeting=None)}, reverse=True
    )
    person = user.person
    return [
        ("dashboard", ["/"]),
        ("organisations", [reverse("orgs:organisations")]),
        ("organisation", [reverse("orgs:organisation", args=["los-mineros"])]),
        ("people", [reverse("orgs:people")]),
        ("person", [reverse("orgs:person", args=[person.pk])]),
        ("bodies", [reverse("bodies:bodies")]),
        ("body", urls(Body.objects.filter(council=None).order_by("pk"), "bodies:body")),
        ("meeting", [reverse("governance:meeting", args=[pk]) for pk in meetings]),
        ("spaces", [reverse("spaces:spaces")]),
        ("space", [reverse("spaces:space", args=["solidarity-alliance"])]),
        ("councils", [reverse("councils:councils")]),
        ("council", [reverse("councils:council", args=["council-grupo-mexico"])]),
        ("employers", [reverse("employers:employers")]),
        ("employer", [reverse("employers:employer", args=["grupo-mexico"])]),
        ("worksites", [reverse("employers:employer", args=["asarco"])]),
        ("common-employers", [reverse("employers:common")]),
        ("solidarity", [reverse("solidarity:hub")]),
        (
            "campaign",
            urls(Campaign.objects.filter(kind="strike_support"), "solidarity:campaign"),
        ),
        ("strike", urls(Strike.objects.order_by("pk"), "solidarity:strike")),
        (
            "organizing-target",
            urls(OrganizingTarget.objects.order_by("pk")[:1], "solidarity:target"),
        ),
        ("request", urls(SolidarityRequest.objects.all(), "solidarity:request")),
        ("letter", urls(Letter.objects.order_by("pk"), "solidarity:letter")),
        ("events", [reverse("solidarity:events")]),
        ("alert", urls(_alerts(), "alerts:alert")),
        ("contracts", [reverse("contracts:library")]),
        ("elections", [reverse("elections:elections")]),
        (
            "election",
            urls(Election.objects.order_by("pk"), "elections:election", key="uid"),
        ),
        ("documents", [reverse("documents:documents")]),
    ]


def _alerts():
    from alianza.alerts.models import Alert

    return Alert.objects.order_by("pk")


def _open_first(tab: Tab, paths: list[str]) -> bool:
    for path in paths:
        response = tab.goto(path)
        if response is not None and response.status < 400:
            return True
    return False


@pytest.fixture
def demo_world(transactional_db):
    load_demo()


def test_no_demo_content_in_another_language(demo_world, open_tab):
    foreign = {language: foreign_texts(language) for language in LANGUAGES}
    assert all(foreign.values()), "the demo world has no translated content"
    used: dict[int, int] = {}
    leaks: list[str] = []
    walked: dict[str, list[str]] = {}
    for persona, email in PERSONAS.items():
        user = User.objects.get(email=email)
        pages = _pages(user)
        tab = open_tab(viewport=PHONE, locale="en-US")
        tab.allowed_statuses = {403, 404}
        _login(tab, user, used)
        for language in LANGUAGES:
            User.objects.filter(pk=user.pk).update(language=language)
            for name, paths in pages:
                if not _open_first(tab, paths):
                    continue
                walked.setdefault(f"{persona}/{language}", []).append(name)
                if name in SHOTS:
                    shot(tab, f"content-{language}-{name}-{persona}")
                for leak in leaks_on(tab, language, foreign[language]):
                    leaks.append(
                        f"{language} {name} ({persona}): {leak.where} "
                        f"[{leak.language}] {leak.text[:90]!r}"
                    )
        tab.assert_clean()
    report = SHOTS_DIR.parent / "content-language.txt"
    report.write_text(
        "walked:\n"
        + "\n".join(f"  {who}: {' '.join(names)}" for who, names in walked.items())
        + f"\nleaks ({len(set(leaks))}):\n"
        + "\n".join(f"  {leak}" for leak in sorted(set(leaks)))
        + "\n",
        encoding="utf-8",
    )
    # Every persona walked a good share of the pages in both languages.
    for persona in PERSONAS:
        for language in LANGUAGES:
            assert len(walked.get(f"{persona}/{language}", [])) >= 12, walked
    assert sum(len(v) for v in walked.values()) >= 150, walked
    assert not leaks, f"{len(set(leaks))} leaks:\n" + "\n".join(sorted(set(leaks)))
