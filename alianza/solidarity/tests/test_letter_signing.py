"""Letters that can be signed: a co-signer without an account signs by an invitation
link or is recorded from a confirmation on paper or by e-mail; signatories are
replaced or withdrawn; the PDF carries every co-signer's letterhead and a DRAFT mark
until all have signed; members and allies add their names to an open letter."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from alianza.audit.models import AuditEntry
from alianza.multilingual.actions import save_translation
from alianza.orgs.models import Membership
from alianza.orgs.roles import LEADING_ROLES
from alianza.solidarity import actions
from alianza.solidarity.models import IndividualSignature, Signature
from alianza.solidarity.views.letters import letter_pdf_bytes

EML = (
    b"From: Sharon Graham <gs@unite.example.org>\r\nTo: staff@usw.test\r\n"
    b"Subject: Re: ASARCO letter\r\n\r\nUnite signs the letter.\r\n"
)
PERSONAS = ["usw_admin", "usw_staff", "usw_officer", "observer", "usw_member",
            "mineros_staff", "mineros_officer", "member", "outsider"]  # fmt: skip


def leads(user, organisation) -> bool:
    """The oracle: the letter's union's administrators, staff and officers."""
    return (
        Membership.objects.current()
        .filter(person=user.person, organisation=organisation, role__in=LEADING_ROLES)
        .exists()
    )


def text_of(data: bytes) -> str:
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(data)).pages)
    return " ".join(text.split())


def eml() -> SimpleUploadedFile:
    return SimpleUploadedFile("unite.eml", EML, content_type="message/rfc822")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def letter(world):
    """A USW letter co-signed by the USW's and Los Mineros' officers (confirmed)."""
    letter = actions.draft_letter(
        world["usw_staff"], world.usw, title="Solidarity with ASARCO workers",
        body="Brothers and sisters:\n\nWe stand with you.", language="en",
    )  # fmt: skip
    for who, org in (("usw_officer", world.usw), ("mineros_officer", world.mineros)):
        s = actions.add_signatory(
            world["usw_staff"], letter, person=world[who].person, organisation=org
        )
        actions.confirm_signature(world[who], s)
    return letter


def record_unite(world, letter, who="usw_staff") -> Signature:
    return actions.record_signature(
        world[who], letter, organisation=world.unite, name="Sharon Graham",
        title="General Secretary", method="email", evidence=eml(),
    )  # fmt: skip


def test_unites_signature_recorded_from_an_email_prints_three_letterheads(
    world, letter
):
    invitation, _token = actions.invite_signatory(
        world["usw_staff"], letter, organisation=world.unite
    )
    pending = text_of(letter_pdf_bytes(letter, "en"))
    assert "DRAFT" in pending and "Unite the Union" in pending
    signature = record_unite(world, letter)
    invitation.refresh_from_db()
    assert invitation.is_revoked  # the link no longer signs what is recorded
    assert signature == invitation.signature and signature.method == "email"
    assert signature.recorded_by == world["usw_staff"] and signature.has_evidence
    entry = AuditEntry.objects.get(action="solidarity.signature_recorded")
    assert entry.data["evidence"] == "unite.eml" and entry.data["method"] == "email"
    actions.publish_letter(world["usw_staff"], letter)
    with translation.override("en"):
        text = text_of(letter_pdf_bytes(letter, "en"))
    for name in ("United Steelworkers", "Sindicato Nacional de Trabajadores Mineros",
                 "Unite the Union", "Sharon Graham"):  # fmt: skip
        assert name in text
    assert "DRAFT" not in text


def test_the_draft_mark_stays_until_every_signature_is_confirmed(world, letter):
    s = actions.add_signatory(
        world["usw_staff"], letter, person=world["observer"].person,
        organisation=world.usw,
    )  # fmt: skip
    assert "DRAFT" in text_of(letter_pdf_bytes(letter, "en"))
    actions.confirm_signature(world["observer"], s)
    letter.refresh_from_db()
    assert "DRAFT" not in text_of(letter_pdf_bytes(letter, "en"))


@pytest.mark.parametrize("who", PERSONAS)
def test_only_the_letters_union_records_invites_and_replaces(world, letter, who):
    user = world[who]
    allowed = leads(user, letter.organisation)
    signature = letter.signatures.first()
    attempts = [
        lambda: record_unite(world, letter, who),
        lambda: actions.invite_signatory(user, letter, organisation=world.unite),
        lambda: actions.withdraw_signature(user, signature, reason="Left office"),
        lambda: actions.set_open_to_individuals(user, letter, is_open=True),
    ]
    for attempt in attempts:
        if allowed:
            attempt()
        else:
            with pytest.raises(PermissionDenied):
                attempt()
    if not allowed:
        assert not letter.signatures.filter(withdrawn_at__isnull=False).exists()
        assert not letter.invitations.exists()


@pytest.mark.parametrize("who", PERSONAS)
def test_the_evidence_is_for_the_letters_unions_leaders_only(
    client, world, letter, who
):
    signature = record_unite(world, letter)
    client.force_login(world[who])
    url = reverse("solidarity:signature_evidence", args=[signature.pk])
    response = client.get(url)
    if leads(world[who], letter.organisation):
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == EML
    else:
        assert response.status_code == 404


def test_the_evidence_must_be_a_confirmation_of_a_reasonable_size(world, letter):
    with pytest.raises(ValidationError):
        actions.record_signature(
            world["usw_staff"], letter, organisation=world.unite, name="S. Graham",
            method="email", evidence=SimpleUploadedFile("x.exe", b"MZ"),
        )  # fmt: skip
    big = SimpleUploadedFile("big.pdf", b"%PDF" + b"0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError):
        actions.record_signature(
            world["usw_staff"], letter, organisation=world.unite, name="S. Graham",
            method="paper", evidence=big,
        )  # fmt: skip
    assert not letter.signatures.filter(organisation=world.unite).exists()


def test_an_invited_signatory_signs_once_without_an_account(client, world, letter):
    save_translation(
        world["usw_staff"], letter, "body", "es", "Hermanos y hermanas:\n\nEstamos con ustedes."
    )  # fmt: skip
    invitation, token = actions.invite_signatory(
        world["usw_staff"], letter, organisation=world.unite, language="es"
    )
    url = reverse("solidarity:letter_sign_token", args=[token])
    page = client.get(url)
    assert page.status_code == 200 and "Estamos con ustedes" in page.text
    assert "We stand with you" in client.get(url + "?lang=en").text
    response = client.post(url, {"name": "Sharon Graham", "title": "General Secretary",
                                 "agree": "on"})  # fmt: skip
    assert response.status_code == 200
    signature = Signature.objects.get(pk=invitation.signature_id)
    assert signature.confirmed_at and signature.name == "Sharon Graham"
    assert signature.method == "link"
    assert AuditEntry.objects.filter(action="solidarity.signed_by_invitation").exists()
    assert client.get(url).status_code == 410  # single use
    assert letter.all_confirmed


def test_an_expired_or_revoked_link_signs_nothing(client, world, letter):
    invitation, token = actions.invite_signatory(
        world["usw_staff"], letter, organisation=world.unite
    )
    invitation.expires_at = timezone.now() - timedelta(seconds=1)
    invitation.save()
    url = reverse("solidarity:letter_sign_token", args=[token])
    assert client.post(url, {"name": "X", "agree": "on"}).status_code == 410
    other, token2 = actions.invite_signatory(
        world["usw_staff"], letter, organisation=world.unite
    )
    actions.revoke_invitation(world["usw_staff"], other)
    url2 = reverse("solidarity:letter_sign_token", args=[token2])
    assert client.post(url2, {"name": "X", "agree": "on"}).status_code == 410
    assert (
        client.get(reverse("solidarity:letter_sign_token", args=["guess"])).status_code
        == 410
    )
    assert not letter.signatures.filter(organisation=world.unite,
                                        confirmed_at__isnull=False).exists()  # fmt: skip


def test_a_withdrawn_signature_no_longer_counts_nor_prints(world, letter):
    pending = actions.add_signatory(
        world["usw_staff"], letter, person=world["observer"].person,
        organisation=world.usw,
    )  # fmt: skip
    assert not letter.all_confirmed
    actions.withdraw_signature(world["usw_staff"], pending, reason="Left office")
    letter.refresh_from_db()
    assert letter.all_confirmed
    assert world["observer"].person.name not in text_of(letter_pdf_bytes(letter, "en"))
    entry = AuditEntry.objects.get(action="solidarity.signature_withdrawn")
    assert entry.data["reason"] == "Left office"
    with pytest.raises(ValidationError):
        actions.withdraw_signature(world["usw_staff"], pending, reason="Again")


def test_a_replaced_signatory_keeps_the_place_and_the_new_one_must_sign(world, letter):
    old = letter.signatures.get(organisation=world.mineros)
    new = actions.replace_signatory(
        world["usw_staff"], old, reason="New general secretary", name="Napoleón G.",
        title="Secretario General",
    )  # fmt: skip
    old.refresh_from_db()
    assert old.is_withdrawn and old.replaced_by == new and new.order == old.order
    assert new.organisation == world.mineros and new.confirmed_at is None
    assert not letter.all_confirmed
    with pytest.raises(ValidationError):
        actions.publish_letter(world["usw_staff"], letter)


@pytest.fixture
def open_letter(world, letter):
    actions.set_open_to_individuals(world["usw_staff"], letter, is_open=True)
    return actions.publish_letter(world["usw_staff"], letter)


def test_a_member_signs_once_with_her_union(client, world, open_letter):
    client.force_login(world["member"])
    url = reverse("solidarity:letter_sign", args=[open_letter.slug])
    client.post(url)
    signature = IndividualSignature.objects.get(letter=open_letter)
    assert signature.is_confirmed and signature.organisation == world.mineros
    client.post(url)  # twice: refused
    assert IndividualSignature.objects.filter(letter=open_letter).count() == 1
    with pytest.raises(ValidationError):
        actions.sign_as_member(world["member"], open_letter)
    page = client.get(reverse("solidarity:letter_public", args=[open_letter.slug]))
    assert 'data-individual-count="1"' in page.text and "Mario Miembro" in page.text


def test_an_ally_counts_once_she_confirms_by_email(
    client, world, open_letter, mailoutbox
):
    url = reverse("solidarity:letter_sign", args=[open_letter.slug])
    data = {"name": "Ann Ally", "email": "Ann@Example.org", "country": "Ireland"}
    client.post(url, data)
    assert len(mailoutbox) == 1
    public = reverse("solidarity:letter_public", args=[open_letter.slug])
    assert "Ann Ally" not in client.get(public).text  # not yet confirmed
    link = next(w for w in mailoutbox[0].body.split() if "/letters/confirm/" in w)
    path = link[link.index("/letters/") :]
    client.post(path)
    assert "Ann Ally" in client.get(public).text
    assert client.post(path).status_code == 410  # the link works once
    client.post(url, {**data, "email": "ann@example.org"})  # the same address
    assert IndividualSignature.objects.filter(letter=open_letter).count() == 1
    assert len(mailoutbox) == 1


def test_a_letter_not_open_or_not_published_takes_no_names(client, world, letter):
    with pytest.raises(PermissionDenied):
        actions.sign_as_member(world["member"], letter)
    actions.set_open_to_individuals(world["usw_staff"], letter, is_open=True)
    with pytest.raises(PermissionDenied):  # open, but a draft
        actions.sign_as_member(world["member"], letter)
    response = client.post(reverse("solidarity:letter_sign", args=[letter.slug]),
                           {"name": "A", "email": "a@example.org", "country": "MX"})  # fmt: skip
    assert response.status_code == 404
    assert not IndividualSignature.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "outsider", "member", "mineros_staff"])
def test_the_outsider_and_anonymous_see_no_draft(client, world, letter, who):
    if who != "anonymous":
        client.force_login(world[who])
    public = client.get(reverse("solidarity:letter_public", args=[letter.slug]))
    assert public.status_code == 404
    page = client.get(reverse("solidarity:letter", args=[letter.pk]))
    if who == "anonymous":
        assert page.status_code == 302
    else:
        assert page.status_code == 404


def test_a_withdrawn_signatory_neither_confirms_nor_reads_the_draft(
    client, world, letter
):
    pending = actions.add_signatory(
        world["usw_staff"], letter, person=world["observer"].person,
        organisation=world.usw,
    )  # fmt: skip
    actions.withdraw_signature(world["usw_staff"], pending, reason="Left office")
    with pytest.raises(ValidationError):
        actions.confirm_signature(world["observer"], pending)
    client.force_login(world["mineros_officer"])  # still signs: still reads it
    assert client.get(reverse("solidarity:letter", args=[letter.pk])).status_code == 200
    mineros = letter.signatures.get(organisation=world.mineros)
    actions.withdraw_signature(world["usw_staff"], mineros, reason="Asked to")
    assert client.get(reverse("solidarity:letter", args=[letter.pk])).status_code == 404


def test_allies_without_an_account_are_rate_limited(client, open_letter, monkeypatch):
    from alianza.solidarity.views import signing

    monkeypatch.setattr(signing, "TRIES_PER_HOUR", 2)
    url = reverse("solidarity:letter_sign", args=[open_letter.slug])
    for n in range(3):
        client.post(url, {"name": f"Ally {n}", "email": f"ally{n}@example.org",
                          "country": "Peru"})  # fmt: skip
    assert IndividualSignature.objects.filter(letter=open_letter).count() == 2
