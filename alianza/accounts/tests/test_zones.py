"""A person's clock: chosen in her account, suggested from her unit or union, set
from her invitation; every time she reads is on it, its zone named."""

from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import formats, translation

from alianza.accounts import actions
from alianza.accounts.models import User
from alianza.audit.log import record
from alianza.audit.models import AuditEntry


def english(user: User) -> User:
    User.objects.filter(pk=user.pk).update(language="en")
    user.refresh_from_db()
    return user


def test_she_chooses_her_zone_and_it_is_audited(client, world):
    user = english(world["usw_officer"])
    client.force_login(user)
    response = client.post(
        reverse("account_settings"),
        {"language": "en", "time_zone": "America/Toronto"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.time_zone == "America/Toronto"
    entry = AuditEntry.objects.get(action="account.time_zone_changed", actor=user)
    assert entry.data == {"from": "", "to": "America/Toronto"}
    page = client.get(reverse("account_settings")).content.decode()
    assert '<option value="America/Toronto" selected>Canada (Toronto) Time' in page


def test_a_zone_that_is_not_offered_is_refused(client, world):
    user = english(world["usw_officer"])
    client.force_login(user)
    response = client.post(
        reverse("account_settings"), {"language": "en", "time_zone": "Mars/Olympus"}
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.time_zone == ""


def test_her_unit_suggests_her_zone_until_she_chooses(client, world):
    """A USW officer of a district in Pittsburgh, and a Los Mineros member of the
    Cananea section (Sonora keeps no summer time)."""
    world.district12.place = "Pittsburgh, Pennsylvania"
    world.district12.save()
    world.section65.place = "Cananea, Sonora"
    world.section65.save()
    for name, zone in (
        ("usw_officer", "America/New_York"),
        ("member", "America/Hermosillo"),
    ):
        client.force_login(english(world[name]))
        page = client.get(reverse("account_settings")).content.decode()
        assert f'<option value="{zone}" selected>' in page


def test_her_invitation_sets_her_units_zone(client, world):
    world.section201.place = "Sombrerete, Zacatecas"
    world.section201.save()
    _invitation, link = actions.invite(
        world["mineros_staff"], world.mineros, email="lucia@mineros.test",
        name="Lucía", role="member", unit=world.section201, language="es",
    )  # fmt: skip
    client.post(
        link,
        {
            "name": "Lucía Ramírez", "language": "es",
            "password": "una-clave-larga-2026", "password_again": "una-clave-larga-2026",
        },
    )  # fmt: skip
    assert User.objects.get(email="lucia@mineros.test").time_zone == (
        "America/Mexico_City"
    )


def test_the_audit_log_is_on_her_clock_and_says_so(client, world):
    admin = english(world["usw_admin"])
    entry = record("account.language_changed", actor=admin, target=admin)

    def shown(zone: str) -> str:
        with translation.override("en"):
            return formats.date_format(
                entry.at.astimezone(ZoneInfo(zone)), "SHORT_DATETIME_FORMAT"
            )

    assert shown("America/Toronto") != shown("America/Mexico_City")
    client.force_login(admin)
    page = client.get(reverse("orgs:audit_log")).content.decode()
    assert "(Mexico (Mexico City) Time)" in page  # the server's, before she chooses
    assert shown("America/Mexico_City") in page
    User.objects.filter(pk=admin.pk).update(time_zone="America/Toronto")
    page = client.get(reverse("orgs:audit_log")).content.decode()
    assert "(Canada (Toronto) Time)" in page
    assert shown("America/Toronto") in page
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert f"{shown('America/Toronto')}, Canada (Toronto) Time" in dashboard
