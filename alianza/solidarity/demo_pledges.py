"""The demo's request of Los Mineros to the five ASARCO locals of the USW: support for
Sección 65's strike at Cananea (the council of the Grupo México and ASARCO locals,
seed 002, asks it), drafted by Los Mineros' staff, shared with the USW's staff who
vetted it, with its asks and the pledges of two locals (illustrative amounts)."""

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from alianza.accounts.models import User
from alianza.orgs.models import Organisation, Unit

from .models import Ask, Pledge, SolidarityRequest, Strike

MX = ZoneInfo("America/Hermosillo")
ASARCO_LOCALS = [
    "Local 5101 (Hayden)",
    "Local 5102 (Kearny)",
    "Local 5103 (Mission)",
    "Local 5104 (Silver Bell)",
    "Local 5105 (Amarillo)",
]

TITLE = {
    "es": "Apoyo de los cinco locales de ASARCO a la huelga de la Sección 65",
    "en": "The five ASARCO locals' support for Sección 65's strike",
    "fr": "L'appui des cinq sections locales d'ASARCO à la grève de la Section 65",
}
BODY = {
    "es": "Los compañeros de la Sección 65 mantienen la huelga en Cananea. Pedimos a los "
    "cinco locales de los Steelworkers en ASARCO, la filial de Grupo México, cartas a la "
    "empresa, una delegación a Cananea, una aportación al fondo de huelga y un mitin a "
    "las puertas de sus plantas.",
    "en": "The members of Sección 65 keep up the strike at Cananea. We ask the five "
    "Steelworkers locals at ASARCO, Grupo México's subsidiary, for letters to the "
    "company, a delegation to Cananea, a contribution to the strike fund and a rally "
    "at the gates of their plants.",
    "fr": "Les camarades de la Section 65 poursuivent la grève à Cananea. Nous demandons "
    "aux cinq sections locales des Métallos chez ASARCO, la filiale de Grupo México, "
    "des lettres à l'entreprise, une délégation à Cananea, une contribution au fonds "
    "de grève et un rassemblement aux portes de leurs usines.",
}
# (kind, Spanish, English, French, target, currency)
ASKS = [
    (Ask.Kind.LETTER, "Una carta de cada local a Grupo México",
     "A letter from each local to Grupo México",
     "Une lettre de chaque section locale à Grupo México", Decimal(5), ""),
    (Ask.Kind.DELEGATION, "Una delegación a Cananea", "A delegation to Cananea",
     "Une délégation à Cananea", None, ""),
    (Ask.Kind.DONATION, "Una aportación al fondo de huelga",
     "A contribution to the strike fund", "Une contribution au fonds de grève",
     Decimal(10000), "USD"),
    (Ask.Kind.RALLY, "Un mitin a las puertas de la planta",
     "A rally at the plant gates", "Un rassemblement aux portes de l'usine", None, ""),
]  # fmt: skip
# (local, kind of the ask answered, description in English, Spanish, French, amount)
PLEDGES = [
    ("Local 5101 (Hayden)", Ask.Kind.DELEGATION,
     "Three members of Local 5101 to Cananea (illustrative)",
     "Tres miembros del Local 5101 a Cananea (ilustrativo)",
     "Trois membres de la section locale 5101 à Cananea (à titre d'illustration)",
     None),
    ("Local 5101 (Hayden)", Ask.Kind.DONATION,
     "From the Local 5101 solidarity fund (illustrative)",
     "Del fondo de solidaridad del Local 5101 (ilustrativo)",
     "Du fonds de solidarité de la section locale 5101 (à titre d'illustration)",
     Decimal(2000)),
    ("Local 5102 (Kearny)", Ask.Kind.LETTER,
     "A letter of Local 5102 to Grupo México (illustrative)",
     "Una carta del Local 5102 a Grupo México (ilustrativa)",
     "Une lettre de la section locale 5102 à Grupo México (à titre d'illustration)",
     None),
]  # fmt: skip


def load(orgs: dict[str, Organisation], translate) -> SolidarityRequest | None:
    """The request, its asks and two locals' pledges; ``translate(record, field,
    language, text)`` attaches a translation."""
    lm, usw = orgs.get("los-mineros"), orgs.get("usw")
    strike = Strike.objects.filter(
        campaign__organisation=lm, unit__name="Sección 65"
    ).first()
    if lm is None or usw is None:
        return None
    author = User.objects.filter(email="maria.hernandez@mineros.example").first()
    vetter = User.objects.filter(email="j.walker@usw.example").first()
    published = datetime(2026, 11, 20, 10, tzinfo=MX)
    req, _created = SolidarityRequest.objects.update_or_create(
        organisation=lm, title=TITLE["es"],
        defaults=dict(
            body=BODY["es"], language="es", strike=strike,
            campaign=strike.campaign if strike else None,
            status=SolidarityRequest.Status.PUBLISHED, published_at=published,
            deadline=(published + timedelta(days=60)).date(),
            created_by=author, vetted_by=vetter,
        ),
    )  # fmt: skip
    req.units.set(Unit.objects.filter(organisation=usw, name__in=ASARCO_LOCALS))
    req.shared_with.set([usw])
    for language in ("en", "fr"):
        translate(req, "title", language, TITLE[language])
        translate(req, "body", language, BODY[language])
    asks = {}
    for kind, es, en, fr, target, currency in ASKS:
        ask, _created = Ask.objects.update_or_create(
            request=req, kind=kind,
            defaults=dict(description=es, language="es", target=target,
                          currency=currency),
        )  # fmt: skip
        translate(ask, "description", "en", en)
        translate(ask, "description", "fr", fr)
        asks[kind] = ask
    for local, kind, text, es, fr, amount in PLEDGES:
        unit = Unit.objects.filter(organisation=usw, name=local).first()
        if unit is None:
            continue
        made, _created = Pledge.objects.update_or_create(
            request=req, unit=unit, ask=asks[kind],
            defaults=dict(
                organisation=usw, kind=kind, description=text, language="en",
                amount=amount, currency="USD" if amount else "",
            ),
        )  # fmt: skip
        translate(made, "description", "es", es)
        translate(made, "description", "fr", fr)
    return req
