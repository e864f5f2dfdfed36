"""A Los Mineros section officer on her phone, in Spanish: what waits for her on her
home (a request from the USW to answer, a letter to sign), then the request itself
from its link; and a USW officer's daily digest, rendered from the outbox, in French.

Screenshots: ``es-phone-queue-*.png`` and ``fr-digest-email.png`` in
``test-artifacts/screenshots/``.
"""

import html
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from alianza.alerts.models import Reach
from alianza.multilingual.actions import save_translation
from alianza.notifications.actions import send_digests
from alianza.notifications.models import Mode
from alianza.orgs.roles import Role
from alianza.solidarity import actions
from conftest import make_user

from .conftest import login, shot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_a_spanish_officer_follows_her_queue_and_a_digest_reads_in_french(
    bworld, open_tab, settings
):
    settings.SITE_URL = "https://alianza.example.org"
    sylvie = make_user(
        "s.gagnon@usw.test", "Sylvie Gagnon", [(bworld.usw, Role.OFFICER, None)],
        language="fr", country="CA",
    )  # fmt: skip
    Reach.objects.create(person=sylvie.person, email_notices=Mode.DIGEST)
    staff = bworld["usw_staff"]
    req = actions.draft_request(  # an author never vets her own request
        bworld["usw_officer"], bworld.usw,
        title="Solidarity with the Hayden smelter workers",
        body="Send a message of support to the ASARCO bargaining table.",
        language="en", audiences=[bworld.mineros],
        deadline=timezone.localdate() + timedelta(days=12),
    )  # fmt: skip
    actions.vet_request(staff, req)
    for language, title in (("es", "Solidaridad con los trabajadores de la fundición de Hayden"),
                            ("fr", "Solidarité avec les travailleurs de la fonderie de Hayden")):  # fmt: skip
        save_translation(staff, req, "title", language, title)
        save_translation(staff, req, "body", language, "…")
    actions.publish_request(staff, req)
    letter = actions.draft_letter(
        bworld["mineros_staff"], bworld.mineros, title="Carta a ASARCO",
        body="Exigimos respeto a la huelga.", language="es",
    )  # fmt: skip
    save_translation(bworld["mineros_staff"], letter, "title", "fr", "Lettre à ASARCO")
    actions.add_signatory(bworld["mineros_staff"], letter,
                          person=bworld["mineros_officer"].person,
                          organisation=bworld.mineros)  # fmt: skip

    tab = open_tab(viewport=PHONE, locale="es-MX")
    page = tab.page
    login(tab, bworld["mineros_officer"], totp=True)
    tab.goto("/")
    waiting = page.locator("#waiting-for-you")
    text = waiting.inner_text()
    assert "Solidaridad con los trabajadores de la fundición de Hayden" in text
    assert "Carta a ASARCO" in text
    items = waiting.locator("#queue-items li")
    assert items.count() == 2
    # The request has a deadline: it comes first.
    assert items.nth(0).get_attribute("data-kind") == "pledge"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the home scrolls sideways on a phone"
    shot(tab, "es-phone-queue-home")
    with page.expect_navigation():
        items.nth(0).locator("a").click()
    assert page.url.endswith(req.get_absolute_url())
    assert "Hayden" in page.get_by_role("heading", level=1).inner_text()
    shot(tab, "es-phone-queue-followed-link")
    tab.goto(reverse("queue"))
    assert page.locator("#queue-items li").count() == 2
    shot(tab, "es-phone-queue-page")
    tab.assert_clean()

    # The USW's French officer chose a daily digest: nothing came at once.
    assert not [m for m in mail.outbox if m.to == ["s.gagnon@usw.test"]]
    letter_fr = actions.draft_letter(staff, bworld.usw, title="Letter to ASARCO",
                                     body="We stand with the strikers.", language="en")  # fmt: skip
    save_translation(staff, letter_fr, "title", "fr", "Lettre de soutien aux grévistes")
    actions.add_signatory(
        staff, letter_fr, person=sylvie.person, organisation=bworld.usw
    )
    assert send_digests() >= 1
    (digest,) = [m for m in mail.outbox if m.to == ["s.gagnon@usw.test"]]
    assert "Lettre de soutien aux grévistes" in digest.body
    assert "https://alianza.example.org/queue/" in digest.body
    assert "https://alianza.example.org" + letter_fr.get_absolute_url() in digest.body
    page.set_content(
        '<html lang="fr"><body style="font-family:sans-serif;margin:12px">'
        f"<p><b>À :</b> {html.escape(digest.to[0])}<br><b>Objet :</b> "
        f"{html.escape(digest.subject)}</p><pre style='white-space:pre-wrap'>"
        f"{html.escape(digest.body)}</pre></body></html>"
    )
    shot(tab, "fr-digest-email")
