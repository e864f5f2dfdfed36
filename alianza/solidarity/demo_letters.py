"""The demo's letter co-signed by an organisation without Alianza accounts: a joint
statement of the three unions of Workers Uniting, with Unite's signature recorded
from an e-mail, so that it prints with three letterheads; the three unions'
letterhead badges (illustrative, not their real logos)."""

from datetime import date, datetime, time
from io import BytesIO
from typing import Any
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from alianza.accounts.models import User
from alianza.lib.pdf import FONTS
from alianza.multilingual.models import Translation
from alianza.orgs.models import Organisation, Person

from .models import Letter, Signature

# A joint statement of the three unions of Workers Uniting (illustrative text): the
# USW wrote it, Los Mineros co-signed in Alianza, and Unite, which has no Alianza
# account, confirmed by e-mail; the USW's international affairs recorded that
# confirmation, so the letter prints with three letterheads. Open to members' and
# allies' names.
JOINT_LETTER: dict[str, Any] = {
    "slug": "workers-uniting-pasta-de-conchos-2018",
    "dated": date(2018, 2, 19),
    "title": {
        "en": "Twelve years after Pasta de Conchos: justice for the 65",
        "es": "Doce años después de Pasta de Conchos: justicia para los 65",
        "fr": "Douze ans après Pasta de Conchos : justice pour les 65",
    },
    "addressee": "To the workers of Mexico, the United States, Canada, the United "
    "Kingdom and Ireland",
    "body": {
        "en": "On 19 February 2006, 65 miners died in the explosion at the Pasta de "
        "Conchos mine in Coahuila. Most of them are still below ground.\n\n"
        "The unions of Workers Uniting stand together: the bodies must be recovered, "
        "those responsible held to account, and every mine made safe.\n\n"
        "In solidarity,",
        "es": "El 19 de febrero de 2006, 65 mineros murieron en la explosión de la "
        "mina Pasta de Conchos, en Coahuila. La mayoría sigue bajo tierra.\n\n"
        "Los sindicatos de Workers Uniting estamos unidos: deben rescatarse los "
        "cuerpos, responder los culpables y ser segura cada mina.\n\n"
        "En solidaridad,",
        "fr": "Le 19 février 2006, 65 mineurs sont morts dans l'explosion de la mine "
        "Pasta de Conchos, au Coahuila. La plupart sont encore sous terre.\n\n"
        "Les syndicats de Workers Uniting sont unis : les corps doivent être "
        "remontés, les responsables rendre des comptes, et chaque mine être sûre.\n\n"
        "Solidairement,",
    },
    "signers": [
        ("Leo W. Gerard", "International President"),
        ("Napoleón Gómez Urrutia", "Presidente y Secretario General"),
    ],
    # Unite's General Secretary, recorded from his e-mail (no account in Alianza).
    "unite": ("Len McCluskey", "General Secretary"),
    "unite_email": (
        "From: Office of the General Secretary <gs-office@unite.example>\r\n"
        "To: j.walker@usw.example\r\n"
        "Date: Thu, 15 Feb 2018 10:12:00 +0000\r\n"
        "Subject: Re: Pasta de Conchos statement - Unite signs\r\n\r\n"
        "Jordan,\r\n\r\nLen has read the statement and Unite the Union signs it.\r\n"
        "Please add his name as General Secretary.\r\n\r\n"
        "(Illustrative message for the demonstration.)\r\n"
    ),
}

#: The badge colours of the demo's letterheads.
BADGES = {"usw": "#1d3f8f", "los-mineros": "#8f1d1d", "unite": "#b4133a"}
FONT = FONTS / "DejaVuSans-Bold.ttf"


def _badge(org: Organisation) -> None:
    """A round badge with the union's short name: a letterhead logo for the demo."""
    if org.logo or org.slug not in BADGES:
        return
    image = Image.new("RGBA", (240, 240), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, 236, 236), fill=BADGES[org.slug])
    label = (org.short_name or org.name)[:11]
    try:
        font: Any = ImageFont.truetype(FONT, 44 if len(label) <= 5 else 30)
    except OSError:
        font = ImageFont.load_default()
    draw.text((120, 120), label, fill="white", font=font, anchor="mm")
    out = BytesIO()
    image.save(out, "PNG")
    org.logo.save(f"{org.slug}.png", ContentFile(out.getvalue()), save=True)


def _translate(letter: Letter, field: str, language: str, text: str) -> None:
    from django.contrib.contenttypes.models import ContentType

    Translation.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(Letter), object_id=str(letter.pk),
        field=field, language=language, defaults={"text": text},
    )  # fmt: skip


def load(orgs: dict[str, Organisation]) -> Letter | None:
    """Idempotent; nothing without the three unions."""
    if not {"usw", "los-mineros", "unite"} <= set(orgs):
        return None
    for org in orgs.values():
        _badge(org)
    data = JOINT_LETTER
    mx = ZoneInfo("America/Mexico_City")
    published = datetime.combine(data["dated"], time(9), tzinfo=mx)
    letter, _created = Letter.objects.update_or_create(
        slug=data["slug"],
        defaults=dict(
            organisation=orgs["usw"], title=data["title"]["en"], body=data["body"]["en"],
            language="en", addressee=data["addressee"], dated=data["dated"],
            status=Letter.Status.PUBLISHED, published_at=published,
            open_to_individuals=True,
        ),
    )  # fmt: skip
    for language in ("es", "fr"):
        _translate(letter, "title", language, data["title"][language])
        _translate(letter, "body", language, data["body"][language])
    for order, (name, title) in enumerate(data["signers"]):
        person = Person.objects.filter(name=name, user=None).first()
        if person is None:
            continue
        Signature.objects.update_or_create(
            letter=letter, person=person,
            defaults=dict(
                organisation=person.memberships.first().organisation,  # type: ignore[union-attr]
                title=title, order=order, confirmed_at=published,
            ),
        )  # fmt: skip
    name, title = data["unite"]
    recorder = User.objects.filter(email="j.walker@usw.example").first()
    confirmed = datetime(2018, 2, 15, 10, 12, tzinfo=ZoneInfo("Europe/London"))
    unite, _created = Signature.objects.update_or_create(
        letter=letter, organisation=orgs["unite"], person=None,
        defaults=dict(
            name=name, title=title, order=2, confirmed_at=confirmed,
            method=Signature.Method.EMAIL, recorded_by=recorder,
            recorded_at=datetime(2018, 2, 15, 11, 0, tzinfo=mx),
            evidence_name="unite-signs-pasta-de-conchos.eml",
        ),
    )  # fmt: skip
    if not unite.evidence:
        unite.evidence.save(
            "unite-signs-pasta-de-conchos.eml",
            ContentFile(data["unite_email"].encode()), save=True,
        )  # fmt: skip
    return letter
