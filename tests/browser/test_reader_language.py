"""What people wrote, in the reader's language, on a 390-px phone: the USW board
and its meeting with a motion, read by the Los Mineros observer in Spanish and by a
Quebec member of the Steelworkers in French. The English original is a tap away."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from playwright.sync_api import expect

from alianza.governance import actions
from alianza.governance.models import Motion
from alianza.multilingual.models import Translation

from .conftest import heading, login, shot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
MOTION = (
    "Support Los Mineros' demand that the Pasta de Conchos miners be recovered.\n"
    "Send a delegation on 19 February."
)


def translate(record, field, **texts):
    ct = ContentType.objects.get_for_model(type(record))
    for language, text in texts.items():
        Translation.objects.create(
            content_type=ct, object_id=str(record.pk), field=field,
            language=language, text=text,
        )  # fmt: skip


def _board_meeting(w):
    ieb = w.ieb
    ieb.short_name, ieb.description = "IEB", "The Steelworkers' executive board."
    ieb.save()
    translate(ieb, "name", es="Junta Ejecutiva Internacional",
              fr="Conseil exécutif international")  # fmt: skip
    translate(ieb, "short_name", es="JEI", fr="CEI")
    translate(ieb, "description", es="La junta ejecutiva de los Steelworkers.",
              fr="Le conseil exécutif des Métallos.")  # fmt: skip
    seat = ieb.seats.get(kind="observer")
    seat.title = "Observer for Los Mineros"
    seat.save()
    translate(seat, "title", es="Observadora de Los Mineros",
              fr="Observatrice de Los Mineros")  # fmt: skip
    meeting = actions.schedule_meeting(
        w["usw_admin"], ieb, title="Regular meeting of the Board",
        starts_at=timezone.now(), mode="hybrid", place="Pittsburgh", language="en",
    )  # fmt: skip
    translate(meeting, "title", es="Sesión ordinaria de la Junta",
              fr="Réunion ordinaire du Conseil")  # fmt: skip
    item = actions.add_agenda_item(
        w["usw_admin"], meeting, title="Pasta de Conchos delegation", minutes=30
    )
    translate(item, "title", es="Delegación a Pasta de Conchos",
              fr="Délégation à Pasta de Conchos")  # fmt: skip
    motion = Motion.objects.create(
        meeting=meeting, number=1, text=MOTION, language="en", agenda_item=item
    )
    translate(motion, "text",
        es="Apoyar la exigencia de Los Mineros de que se rescate a los mineros de "
        "Pasta de Conchos.\nEnviar una delegación el 19 de febrero.",
        fr="Appuyer la revendication de Los Mineros pour que les mineurs de Pasta de "
        "Conchos soient récupérés.\nEnvoyer une délégation le 19 février.",
    )  # fmt: skip
    return meeting


@pytest.mark.parametrize(
    "persona, language, board, title, first_line",
    [
        ("mineros_observer", "es", "Junta Ejecutiva Internacional",
         "Sesión ordinaria de la Junta", "Apoyar la exigencia de Los Mineros"),
        ("usw_member", "fr", "Conseil exécutif international",
         "Réunion ordinaire du Conseil", "Appuyer la revendication de Los Mineros"),
    ],
)  # fmt: skip
def test_a_body_and_a_motion_in_the_readers_language_on_a_phone(
    bworld, open_tab, persona, language, board, title, first_line
):
    meeting = _board_meeting(bworld)
    user = bworld[persona]
    user.language = language
    user.save(update_fields=["language"])
    tab = open_tab(
        viewport=PHONE, locale=f"{language}-MX" if language == "es" else "fr-CA"
    )
    login(tab, user)

    tab.goto(meeting.body.get_absolute_url())
    heading(tab, board)
    expect(tab.page).to_have_title(f"{board} · Alianza")
    seats = tab.page.locator("table").first
    expect(seats).to_contain_text(
        "Observadora de Los Mineros"
        if language == "es"
        else "Observatrice de Los Mineros"
    )
    expect(seats).not_to_contain_text("Observer for Los Mineros")
    expect(tab.page.locator("body")).not_to_contain_text("Regular meeting of the Board")
    shot(tab, f"content-language-body-{language}-390")

    tab.goto(meeting.get_absolute_url())
    heading(tab, title)
    lines = tab.page.locator("#motion-1 ol.motion-lines").first
    expect(lines).to_have_attribute("lang", language)
    expect(lines).to_contain_text(first_line)
    expect(lines).not_to_contain_text("Support Los Mineros")
    original = tab.page.locator("#motion-1 details.motion-original")
    expect(original.locator("ol")).to_be_hidden()
    original.locator("summary").click()  # the original, a tap away
    expect(original.locator("ol")).to_contain_text("Support Los Mineros' demand")
    expect(original.locator("ol")).to_have_attribute("lang", "en")
    tab.page.locator("#motion-1").scroll_into_view_if_needed()
    shot(tab, f"content-language-motion-{language}-390")
    tab.assert_clean()
