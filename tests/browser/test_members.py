"""A rank-and-file member on her phone, in Spanish: her union's alert on her home,
acknowledged by replying "SÍ" to the text message (through the gateway's signed
webhook, as a stand-in gateway would call it), her inbox, her home readable when
the network drops, and nothing of hers left on the phone once she signs out.

Run with ``python3 bootstrap.py browser -q -k members``. Screenshots:
``es-phone-member-*.png`` in ``test-artifacts/screenshots/``.
"""

import urllib.parse
import urllib.request

import pytest
from django.urls import reverse

from alianza.alerts import actions
from alianza.alerts.models import Delivery
from alianza.lib import sms
from alianza.orgs.models import ContactChannel

from .conftest import login, open_menu, shot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
TOKEN = "stand-in-gateway"


def _gateway_posts(base_url: str, path: str, params: dict[str, str], site: str) -> int:
    """What the gateway does when the member replies: a signed form POST."""
    signature = sms.signature(site + path, params, TOKEN)
    request = urllib.request.Request(  # noqa: S310 (the live server's address)
        base_url + path,
        data=urllib.parse.urlencode(params).encode(),
        headers={"X-Twilio-Signature": signature},
    )
    with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310 (the live server)
        return answer.status


def test_a_member_acknowledges_by_text_and_reads_her_home_offline(
    bworld, open_tab, settings
):
    settings.SMS_AUTH_TOKEN = TOKEN
    settings.SITE_URL = "https://alianza.example.org"
    member = bworld["member"]
    ContactChannel.objects.create(
        person=member.person, kind="phone", value="+52 645 100 2000"
    )
    sms.outbox.clear()
    alert = actions.draft_alert(
        bworld["mineros_staff"], bworld.mineros, title="Paro en Cananea: todos a la puerta 3",
        body="Mañana a las 6:00, concentración en la puerta 3 de la mina.",
        language="es", units=[bworld.section65],
    )  # fmt: skip
    actions.send_alert(bworld["mineros_staff"], alert)
    (text,) = [m for m in sms.outbox if m.to == "+526451002000"]
    assert text.body.startswith("Paro en Cananea")

    tab = open_tab(viewport=PHONE, locale="es-MX")
    page = tab.page
    login(tab, member)
    alerts_on_home = page.locator("#my-latest-alerts")
    assert "Paro en Cananea" in alerts_on_home.inner_text()
    assert alerts_on_home.locator(".badge.text-bg-danger").count() == 1
    shot(tab, "es-phone-member-home-with-alert")

    # She answers the text message "SÍ"; the gateway calls the webhook.
    status = _gateway_posts(
        tab.base_url, reverse("alerts:sms_inbound"),
        {"From": "+526451002000", "Body": "SÍ", "MessageSid": "SMwalk1"},
        settings.SITE_URL,
    )  # fmt: skip
    assert status == 200
    delivery = Delivery.objects.get(alert=alert, person=member.person)
    assert delivery.acknowledged_by == "sms"

    open_menu(tab, account=True)
    with page.expect_navigation():
        page.locator(f"a.dropdown-item[href='{reverse('alerts:mine')}']").click()
    card = page.locator("#my-alerts li").first
    assert "Paro en Cananea" in card.inner_text()
    assert card.locator(".badge.text-bg-success").count() == 1
    assert card.locator("button[type=submit]").count() == 0
    shot(tab, "es-phone-member-inbox-acknowledged")

    # The service worker keeps her home as she last saw it.
    tab.goto("/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    tab.goto("/")  # now through the worker, which keeps a copy
    page.wait_for_function(
        "caches.open('alianza-member-v1').then(c => c.match('/')).then(Boolean)"
    )
    tab.allowed_statuses.add(0)
    page.context.set_offline(True)
    try:
        page.reload()
        assert page.locator("#offline-note").is_visible()
        assert "Paro en Cananea" in page.locator("#my-latest-alerts").inner_text()
        shot(tab, "es-phone-member-home-offline")
    finally:
        page.context.set_offline(False)
    tab.problems = [p for p in tab.problems if "ERR_INTERNET_DISCONNECTED" not in p]

    # Signed out, nothing of hers stays on the phone.
    tab.goto("/")
    open_menu(tab, account=True)
    with page.expect_navigation():
        page.locator("form[action$='/accounts/logout/'] button").click()
    page.wait_for_function("caches.keys().then(keys => keys.length === 0)")
    tab.assert_clean()
