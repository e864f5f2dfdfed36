"""In Spanish, on a 390-px phone: a Los Mineros officer makes an alert from her
union's template, sees how many text messages a 250-character Spanish message
takes, and schedules it on Mexico City's clock; a member comments on a campaign
while a leader of her union hides another comment.

Run with ``python3 bootstrap.py browser -q -k alert_schedule``. Screenshots land in
``test-artifacts/screenshots/`` as ``es-alert-schedule-*.png`` and
``es-comments-*.png``.
"""

from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from alianza.alerts import actions as alert_actions
from alianza.alerts.models import Alert
from alianza.lib import sms
from alianza.multilingual.actions import save_translation
from alianza.solidarity import actions
from alianza.solidarity.models import Comment

from .conftest import login, shot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}

#: 250 characters of Spanish, accents included: the message goes as UCS-2.
MESSAGE = (
    "Compañeras y compañeros de la Sección 65: el sábado a las 10:00 nos reuniremos "
    "frente a la puerta principal de la mina en Cananea para exigir condiciones "
    "seguras. Traigan agua, gorra y su credencial. ¡La solidaridad no conoce "
    "fronteras! ¡Sí se puede!"
)


def test_an_officer_schedules_an_alert_made_from_a_template(bworld, open_tab):
    assert len(MESSAGE) == 250
    staff, officer = bworld["mineros_staff"], bworld["mineros_officer"]
    kept = alert_actions.draft_alert(
        staff, bworld.mineros, title="Mitin", body="Todos al mitin.", language="es",
        channels="sms",
    )  # fmt: skip
    save_translation(staff, kept, "title", "en", "Rally")
    template = alert_actions.save_as_template(staff, kept, name="Llamado a mitin")

    tab = open_tab(viewport=PHONE, locale="es-MX")
    page = tab.page
    login(tab, officer, totp=True)
    tab.goto("/solidarity/alerts/templates/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    shot(tab, "es-alert-schedule-1-templates")
    with page.expect_navigation():
        page.locator(f"a[href$='?template={template.pk}']").first.click()
    expect(page.locator("#from-template")).to_be_visible()
    expect(page.locator("input[name=title]")).to_have_value("Mitin")
    expect(page.locator("select[name=channels]")).to_have_value("sms")

    page.locator("textarea[name=body]").fill(MESSAGE)
    # The counter counts as the server does: subject, ": ", message.
    expected = sms.segments(f"Mitin: {MESSAGE}")
    assert (expected.encoding, expected.parts) == ("UCS-2", 4)
    counter = page.locator(".sms-counter")
    expect(counter).to_contain_text(str(expected.length))
    expect(counter).to_contain_text("UCS-2")
    expect(counter).to_contain_text(f" {expected.parts} ")
    counter.scroll_into_view_if_needed()
    shot(tab, "es-alert-schedule-2-counter")
    with page.expect_navigation():
        page.locator("form[novalidate] button[type=submit]").click()
    alert = Alert.objects.latest("id")
    assert alert.body == MESSAGE and alert.channels == "sms"
    assert alert.translations_for("title")["en"].text == "Rally"

    # Schedule it for 07:45 the day after tomorrow, on Mexico City's clock.
    day = (datetime.now(UTC) + timedelta(days=2)).date()
    page.locator("#schedule summary").click()
    page.locator("input[name=send_at]").fill(f"{day.isoformat()}T07:45")
    page.locator("select[name=time_zone]").select_option("America/Mexico_City")
    shot(tab, "es-alert-schedule-3-form")
    with page.expect_navigation():
        page.locator("#schedule-form button[type=submit]").click()
    expect(page.locator("#scheduled")).to_be_visible()
    expect(page.locator("#scheduled")).to_contain_text("7:45")
    expect(page.locator("#scheduled")).to_contain_text("Ciudad de México")
    alert.refresh_from_db()
    # Central Mexico is UTC−6 all year: 07:45 there is 13:45 UTC.
    assert alert.is_scheduled
    assert alert.scheduled_for == datetime(
        day.year, day.month, day.day, 13, 45, tzinfo=UTC
    )
    # Each language's preview shows the text message the phones will receive.
    expect(page.locator("#previews")).to_be_visible()
    shot(tab, "es-alert-schedule-4-scheduled")
    tab.assert_clean()


def test_a_member_comments_while_a_leader_hides_another_comment(bworld, open_tab):
    staff, officer, member = (
        bworld["mineros_staff"], bworld["mineros_officer"], bworld["member"]
    )  # fmt: skip
    campaign = actions.create_campaign(
        staff, bworld.mineros, kind="strike_support", title="Huelga de Cananea",
        language="es", worksite=bworld.cananea,
    )  # fmt: skip
    actions.add_team_member(staff, campaign, member.person)
    actions.set_comments_open(staff, campaign, True)
    off_topic = actions.post_comment(
        officer, campaign, body="Vendo camioneta, llamen al 645 000 0000."
    )

    # The member, on her phone, comments.
    phone = open_tab(viewport=PHONE, locale="es-MX")
    login(phone, member)
    phone.goto(campaign.get_absolute_url())
    page = phone.page
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator(f"#comment-{off_topic.pk}")).to_be_visible()
    page.locator("#comment-form textarea[name=body]").fill(
        "¡Fuerza, compañeros de Cananea! <b>Estamos</b> con ustedes."
    )
    with page.expect_navigation():
        page.locator("#comment-form button[type=submit]").click()
    mine = Comment.objects.get(author=member.person)
    own = page.locator(f"#comment-{mine.pk}")
    expect(own).to_be_visible()
    # Plain text: the tags are shown as typed, not applied.
    expect(own.locator(".comment-body")).to_contain_text("<b>Estamos</b>")
    assert own.locator(".comment-body b").count() == 0
    own.scroll_into_view_if_needed()
    shot(phone, "es-comments-1-member-posted")

    # A leader of Los Mineros hides the other comment, saying why.
    leader = open_tab(viewport=PHONE, locale="es-MX")
    login(leader, staff, totp=True)
    leader.goto(campaign.get_absolute_url() + "#comments")
    item = leader.page.locator(f"#comment-{off_topic.pk}")
    item.locator("details.comment-hide summary").click()
    item.locator("input[name=reason]").fill("Anuncio ajeno a la campaña")
    with leader.page.expect_navigation():
        item.locator("form button[type=submit]").click()
    item = leader.page.locator(f"#comment-{off_topic.pk}")
    expect(item.locator(".hidden-mark")).to_contain_text("Anuncio ajeno a la campaña")
    item.scroll_into_view_if_needed()
    shot(leader, "es-comments-2-leader-hid")
    off_topic.refresh_from_db()
    assert off_topic.is_hidden and off_topic.hidden_by == staff

    # The member no longer sees it; hers stays.
    phone.goto(campaign.get_absolute_url())
    expect(page.locator(f"#comment-{mine.pk}")).to_be_visible()
    assert page.locator(f"#comment-{off_topic.pk}").count() == 0
    assert "Vendo camioneta" not in page.content()
    page.locator("#comments").scroll_into_view_if_needed()
    shot(phone, "es-comments-3-member-after")
    phone.assert_clean()
    leader.assert_clean()
