from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from alianza.multilingual.actions import save_translation
from alianza.solidarity import actions
from alianza.solidarity.selectors import visible_requests
from alianza.solidarity.views.letters import letter_pdf_bytes


@pytest.fixture
def draft(world):
    return actions.draft_request(
        world["mineros_officer"], world.mineros, title="Solidaridad con ASARCO",
        body="Apoyamos a los compañeros del USW en ASARCO.", language="es",
        audiences=[world.usw], deadline=timezone.localdate() + timedelta(days=30),
    )  # fmt: skip


def _translate(actor, req):
    save_translation(actor, req, "title", "en", "Solidarity with ASARCO")
    save_translation(actor, req, "body", "en", "We support our USW brothers at ASARCO.")


def test_a_request_is_vetted_and_translated_before_it_is_published(world, draft):
    officer, staff = world["mineros_officer"], world["mineros_staff"]
    with pytest.raises(ValidationError, match="vetted"):
        actions.publish_request(officer, draft)
    with pytest.raises(PermissionDenied):
        actions.vet_request(officer, draft)  # her own draft; and she is no staff
    actions.vet_request(staff, draft)
    with pytest.raises(ValidationError, match="English"):
        actions.publish_request(officer, draft)
    _translate(officer, draft)
    assert draft not in visible_requests(world["usw_officer"])
    actions.publish_request(officer, draft)
    assert draft in visible_requests(world["usw_officer"])
    # For its leaders (the default audience): not its members, nor an outsider.
    assert draft not in visible_requests(world["member"])
    assert draft not in visible_requests(world["outsider"])


@pytest.fixture
def published(world, draft):
    actions.vet_request(world["mineros_staff"], draft)
    _translate(world["mineros_staff"], draft)
    return actions.publish_request(world["mineros_officer"], draft)


def test_partners_pledge_and_the_request_shows_its_progress(client, world, published):
    made = actions.pledge(
        world["usw_officer"], published, organisation=world.usw, kind="rally",
        description="Rally of District 12 at the Hayden smelter",
        unit=world.district12,
    )  # fmt: skip
    actions.pledge(
        world["usw_staff"], published, organisation=world.usw, kind="donation",
        description="Strike fund", amount=Decimal("5000"), currency="usd",
    )  # fmt: skip
    with pytest.raises(ValidationError):
        actions.pledge(
            world["usw_staff"], published, organisation=world.usw, kind="donation",
            description="x",
        )  # fmt: skip
    # The USW is asked, but pledges only for itself, not for Los Mineros.
    with pytest.raises(PermissionDenied, match="Pledge for a union, local or section"):
        actions.pledge(
            world["usw_officer"], published, organisation=world.mineros,
            kind="letter", description="x",
        )  # fmt: skip
    # Los Mineros were not asked: they cannot pledge to their own request.
    with pytest.raises(PermissionDenied):
        actions.pledge(
            world["mineros_staff"], published, organisation=world.mineros,
            kind="letter", description="x",
        )  # fmt: skip
    with pytest.raises(PermissionDenied, match="marks its pledge done"):
        actions.pledge_done(world["mineros_staff"], made)
    actions.pledge_done(world["usw_officer"], made)
    client.force_login(world["usw_officer"])
    page = client.get(published.get_absolute_url()).content.decode()
    assert "Solidarity with ASARCO" in page  # the USW officer reads it in English
    assert "District 12 (USW)" in page  # counted for the district, not "USW 2"
    assert "1 of 1 unions asked have answered" in page
    assert "US$5,000.00" in page  # in the reader's locale
    assert 'class="bar-fill"' in page  # the chart beside the table
    client.force_login(world["mineros_officer"])
    page = client.get(published.get_absolute_url()).content.decode()
    assert "Solidaridad con ASARCO" in page and "Mitin" in page  # Spanish labels


def test_a_pledge_through_the_api(client, world, published):
    from alianza.accounts.actions import create_token

    _token, secret = create_token(world["usw_staff"], "t")
    response = client.post(
        f"/api/v1/solidarity/requests/{published.pk}/pledges",
        {
            "organisation": "usw",
            "kind": "statement",
            "description": "We stand with you",
        },
        content_type="application/json",
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert response.status_code == 201
    assert published.pledges.get().kind == "statement"


@pytest.fixture
def letter(world):
    letter = actions.draft_letter(
        world["mineros_staff"], world.mineros, title="Carta de apoyo",
        body="Hermanos y hermanas:\n\nEstamos con ustedes.", language="es",
        addressee="Brother LaVenture",
    )  # fmt: skip
    for user, org in (
        (world["mineros_officer"], world.mineros),
        (world["usw_officer"], world.usw),
    ):
        actions.add_signatory(
            world["mineros_staff"], letter, person=user.person, organisation=org
        )
    return letter


def test_each_signer_confirms_then_the_letter_is_public(client, world, letter):
    mine, theirs = letter.signatures.all()
    with pytest.raises(ValidationError):
        actions.add_signatory(
            world["mineros_staff"],
            letter,
            person=world["member"].person,
            organisation=world.mineros,
        )  # fmt: skip  a member holds no office
    with pytest.raises(PermissionDenied, match="Only the signatory"):
        actions.confirm_signature(world["mineros_staff"], theirs)
    actions.confirm_signature(world["mineros_officer"], mine)
    with pytest.raises(ValidationError, match="confirm"):
        actions.publish_letter(world["mineros_staff"], letter)
    public = reverse("solidarity:letter_public", args=[letter.slug])
    assert client.get(public).status_code == 404
    actions.confirm_signature(world["usw_officer"], theirs)
    assert client.get(public).status_code == 404  # confirmed but not published
    actions.publish_letter(world["mineros_staff"], letter)
    page = client.get(public)
    assert page.status_code == 200 and "Olga Officer" in page.content.decode()
    assert client.get(public + "?format=pdf").content.startswith(b"%PDF")


def test_the_letter_pdf_puts_the_translation_beside_the_original(world, letter):
    save_translation(
        world["mineros_staff"], letter, "body", "en", "Brothers and sisters:"
    )
    pdf = letter_pdf_bytes(letter, "en")
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    assert letter_pdf_bytes(letter, "es").startswith(b"%PDF")


def test_an_outsider_and_the_other_union_see_no_draft(client, world, letter):
    client.force_login(world["outsider"])
    assert (
        client.get(letter.get_absolute_url()).status_code == 404
    )  # not admitted to exist
    client.force_login(world["usw_staff"])
    assert client.get(letter.get_absolute_url()).status_code == 404
    client.force_login(world["usw_officer"])  # a co-signer reads it
    assert client.get(letter.get_absolute_url()).status_code == 200


def test_the_deadline_must_be_ahead(world, draft):
    draft.deadline = date(2020, 1, 1)
    draft.save()
    actions.vet_request(world["mineros_staff"], draft)
    _translate(world["mineros_staff"], draft)
    with pytest.raises(ValidationError, match="deadline"):
        actions.publish_request(world["mineros_staff"], draft)
