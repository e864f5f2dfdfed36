"""A donation pledged in a currency chosen from the list, shown in the reader's
locale; a code not on the list refused with a clear message, by page and API."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from alianza.multilingual.actions import save_translation
from alianza.solidarity import actions
from alianza.solidarity.models import Pledge


@pytest.fixture
def published(world):
    """Los Mineros ask the USW for support."""
    staff = world["mineros_staff"]
    req = actions.draft_request(
        world["mineros_officer"], world.mineros, title="Solidaridad con ASARCO",
        body="Apoyamos a los compañeros del USW en ASARCO.", language="es",
        audiences=[world.usw], deadline=timezone.localdate() + timedelta(days=30),
    )  # fmt: skip
    actions.vet_request(staff, req)
    save_translation(staff, req, "title", "en", "Solidarity with ASARCO")
    save_translation(staff, req, "body", "en", "We support the USW at ASARCO.")
    return actions.publish_request(world["mineros_officer"], req)


def donate(client, user, req, **data):
    client.force_login(user)
    return client.post(
        reverse("solidarity:request_pledge", args=[req.pk]),
        {"pledge_for": data.pop("pledge_for", f"org-{req.audiences.first().pk}"),
         "kind": "donation", "description": "Fondo de huelga", **data},
    )  # fmt: skip


def test_the_form_offers_the_list_in_the_readers_language(client, world, published):
    world["usw_staff"].language = "es"
    world["usw_staff"].save()
    client.force_login(world["usw_staff"])
    page = client.get(published.get_absolute_url()).content.decode()
    assert '<option value="MXN">MXN — peso mexicano</option>' in page
    assert page.index('value="USD"') < page.index('value="AUD"')


def test_a_donation_in_pesos_is_shown_in_each_readers_locale(client, world, published):
    actions.pledge(
        world["usw_staff"], published, organisation=world.usw, kind="donation",
        description="Strike fund", amount=Decimal("1234.5"), currency="mxn",
    )  # fmt: skip
    assert Pledge.objects.get(description="Strike fund").currency == "MXN"
    for language, shown in (("en", "MX$1,234.50"), ("fr", "1\u202f234,50\xa0$MX")):
        world["usw_staff"].language = language
        world["usw_staff"].save()
        client.force_login(world["usw_staff"])
        page = client.get(published.get_absolute_url()).content.decode()
        assert shown in page, language


def test_a_code_not_on_the_list_is_refused(world, published):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        actions.pledge(
            world["usw_staff"], published, organisation=world.usw, kind="donation",
            description="Strike fund", amount=Decimal("10"), currency="US$",
        )  # fmt: skip
    assert "not a currency of the list" in error.value.message_dict["currency"][0]
    with pytest.raises(ValidationError, match="Choose the currency"):
        actions.pledge(
            world["usw_staff"], published, organisation=world.usw, kind="donation",
            description="Strike fund", amount=Decimal("10"),
        )  # fmt: skip
    assert not Pledge.objects.filter(description="Strike fund").exists()


def test_the_page_refuses_a_made_up_code_and_saves_nothing(client, world, published):
    response = donate(
        client, world["usw_staff"], published, amount="10", currency="ZZZ"
    )
    assert response.status_code in (200, 302, 400)
    assert not Pledge.objects.filter(description="Fondo de huelga").exists()
    donate(client, world["usw_staff"], published, amount="10", currency="CAD")
    assert Pledge.objects.get(description="Fondo de huelga").currency == "CAD"


def test_the_api_refuses_a_made_up_code(client, world, published):
    from alianza.accounts.actions import create_token

    _token, secret = create_token(world["usw_staff"], "pledges")
    response = client.post(
        f"/api/v1/solidarity/requests/{published.pk}/pledges",
        {"organisation": world.usw.slug, "kind": "donation",
         "description": "Strike fund", "amount": "10", "currency": "DOLLARS"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {secret}", "Accept-Language": "en"},
    )  # fmt: skip
    assert response.status_code in (400, 422)
    assert not Pledge.objects.filter(description="Strike fund").exists()


@pytest.mark.parametrize("who", ["outsider", "member", "mineros_officer"])
def test_who_was_not_asked_cannot_pledge_money(client, world, published, who):
    response = donate(client, world[who], published, amount="10", currency="USD")
    assert response.status_code in (403, 404)
    assert not Pledge.objects.exists()
