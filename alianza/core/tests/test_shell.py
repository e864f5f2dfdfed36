"""The interface shell: languages, security headers, the dashboard per kind of person."""

from datetime import date

from django.urls import reverse

from alianza.multilingual.actions import save_translation
from alianza.orgs.models import Person


def test_language_switch_is_remembered_for_the_account(client, world):
    user = world["usw_staff"]
    client.force_login(user)
    response = client.post(
        reverse("set_language"), {"language": "es", "next": "/organisations/"}
    )
    assert response.status_code == 302 and response["Location"] == "/organisations/"
    user.refresh_from_db()
    assert user.language == "es"
    assert Person.objects.get(user=user).preferred_language == "es"
    # A new session with no cookie still gets Spanish.
    client.cookies.clear()
    client.force_login(user)
    page = client.get(reverse("dashboard"))
    assert page["Content-Language"] == "es"
    assert '<html lang="es">' in page.content.decode()


def test_dates_and_numbers_follow_the_reader(client, world):
    world.usw.members_count = 850000
    world.usw.save()
    world.nec.established_on = date(2018, 8, 27)
    world.nec.save()
    body = reverse("bodies:body", args=[world.nec.pk])  # the observer sits on it
    client.force_login(world["observer"])
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "850,000" in client.get("/organisations/").content.decode()
    assert "since Aug. 27, 2018" in client.get(body).content.decode()
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    page = client.get("/organisations/").content.decode()
    assert "850\u202f000" in page or "850 000" in page or "850\xa0000" in page
    assert "27 août 2018" in client.get(body).content.decode()


def test_currency_filter_uses_the_reader_locale():
    from django.utils import translation

    from alianza.core.templatetags.alianza import currency

    def spaced(text: str) -> str:  # the locales' thin and no-break spaces, as spaces
        return text.replace("\u202f", " ").replace("\xa0", " ")

    with translation.override("en"):
        assert currency(1234.5, "USD") == "US$1,234.50"
        assert currency(1234.5, "MXN") == "MX$1,234.50"
    with translation.override("es"):
        assert spaced(currency(1234.5, "MXN")) == "1.234,50 MXN"
    with translation.override("fr"):
        assert spaced(currency(1234.5, "USD")) == "1 234,50 $US"
    assert currency(None) == ""


def test_security_headers(client, world):
    client.force_login(world["member"])
    response = client.get(reverse("dashboard"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_ask_no_other_host(client, world):
    client.force_login(world["mineros_staff"])
    for url in [
        "/",
        "/organisations/los-mineros/",
        f"/bodies/{world.nec.pk}/",
        "/people/",
    ]:
        page = client.get(url).content.decode()
        assert "http://" not in page.replace("http://testserver", "")
        assert "https://" not in page


def test_translated_text_with_the_original_one_click_away(client, world):
    save_translation(
        world["mineros_staff"],
        world.nec,
        "description",
        "en",
        "The union's governing body.",
    )
    client.force_login(world["observer"])
    page = client.get(reverse("bodies:body", args=[world.nec.pk])).content.decode()
    assert "The union&#x27;s governing body." in page
    assert "Show the original" in page and "Órgano de dirección del sindicato." in page
    client.post(reverse("set_language"), {"language": "es", "next": "/"})
    page = client.get(reverse("bodies:body", args=[world.nec.pk])).content.decode()
    assert "Órgano de dirección del sindicato." in page


def test_dashboards_per_kind_of_person(client, world):
    client.force_login(world["observer"])
    page = client.get("/").content.decode()
    assert "may speak but not vote" in page and "Comité Ejecutivo Nacional" in page
    client.force_login(world["outsider"])
    assert "no role in any organisation" in client.get("/").content.decode()
    client.force_login(world["usw_admin"])
    page = client.get("/").content.decode()
    assert "Invite someone" in page


def test_healthz(client, db):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_other_languages_are_offered_only_when_they_exist(client, world):
    world["observer"].language = "en"
    world["observer"].save()
    client.force_login(world["observer"])
    page = client.get(reverse("bodies:body", args=[world.nec.pk])).content.decode()
    assert "No English translation yet" in page and "Also available in" not in page
    save_translation(
        world["mineros_staff"], world.nec, "description", "fr", "Organe de direction."
    )
    page = client.get(reverse("bodies:body", args=[world.nec.pk])).content.decode()
    assert "Also available in: French." in page


def _menu(response) -> list:
    """The main bar's entries, each a label or (group label, its labels, active)."""
    return [
        (item["label"], [c["label"] for c in item["children"]], item["active"])
        if "children" in item
        else item["label"]
        for item in response.context["nav_items"]
    ]


def test_the_main_bar_is_grouped_and_shows_what_the_person_may_open(client, world):
    world["member"].language = "en"
    world["member"].save()
    client.force_login(world["member"])
    assert _menu(client.get(reverse("dashboard"))) == [
        "Dashboard",
        ("Alliance", ["Organisations", "Bodies", "Joint spaces", "Documents"], False),
        ("Employers and bargaining", ["Employers", "Councils"], False),
        "Elections",
        "Solidarity",
    ]
    client.force_login(world["usw_staff"])
    menu = _menu(client.get(reverse("councils:councils")))
    assert menu[1][1] == [
        "Organisations",
        "People",
        "Bodies",
        "Joint spaces",
        "Documents",
    ]
    assert menu[2] == (
        "Employers and bargaining",
        ["Employers", "Councils", "Contracts"],
        True,
    )
