"""The solidarity work the seeds recount: Pasta de Conchos, the strikes of Cananea,
Taxco and Sombrerete (since 30 July 2007), the Río Sonora spill (6 August 2014), the
legal defence of Los Mineros, organizing against protection contracts, the ASARCO
bargaining with Los Mineros' letter of support, and the yearly commemorations.

Dates and facts come from the seeds; anything else (organizing stages and figures,
contacts, some timeline dates) is marked ``illustrative``. ``load()`` is idempotent
(records keyed on their organisation and title); ``reset()`` removes them.
"""

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q

from alianza.accounts.models import User
from alianza.alerts.models import Alert, AlertTemplate
from alianza.employers.models import Employer, Worksite
from alianza.multilingual.models import Translation
from alianza.orgs.audience import Audience
from alianza.orgs.models import Organisation, Person, Unit
from alianza.spaces.models import JointSpace, Share

from . import demo_letters, demo_pledges
from .demo_data import (
    ASARCO_ALERT,
    ASARCO_REQUEST,
    CAMPAIGNS,
    CONTACTS,
    DELEGATION_NOTES,
    EVENTS,
    GOVERNMENTS,
    LETTER_000,
    LETTER_002,
    LETTER_BODIES,
    LM,
    MX,
    PLEDGES,
    STRIKE_SUPPORT,
    STRIKES,
    STRIKES_BEGAN,
    TARGETS,
    TIMELINE,
    USW,
)
from .models import (
    Ask,
    Campaign,
    Comment,
    Delegation,
    Event,
    Letter,
    OrganizingContact,
    OrganizingTarget,
    Pledge,
    Signature,
    SolidarityRequest,
    Strike,
    TimelineEntry,
)


def _translate(record: Model, field: str, language: str, text: str) -> None:
    Translation.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(type(record)),
        object_id=str(record.pk),
        field=field,
        language=language,
        defaults={"text": text},
    )


def _es_fr(record: Model, field: str, table: dict[str, tuple[str, str]]) -> None:
    """Spanish and French for a short text the demo writes in English."""
    text = getattr(record, field)
    if text in table:
        _translate(record, field, "es", table[text][0])
        _translate(record, field, "fr", table[text][1])


def _worksite(employer: str, name: str) -> Worksite:
    return Worksite.objects.get(employer__slug=employer, name=name)


#: Who may see each campaign of the demonstration (the others: their union's leaders).
#: The strikes' campaign stays with the leaders while its strikes are for every
#: member of Los Mineros; members of each union have campaigns open to them.
AUDIENCES = {
    "Justice for Pasta de Conchos": Audience.ALLIANCE,
    "Justice for the Río Sonora": Audience.UNION,
    "ASARCO bargaining in five locals": Audience.UNION,
    "Enforceable labour rights in NAFTA and Mexico's labour law reform": Audience.UNION,
}


def _campaigns(orgs: dict[str, Organisation], team: list[Any]) -> dict[str, Campaign]:
    found: dict[str, Campaign] = {}
    for data in CAMPAIGNS:
        worksite = _worksite(*data["worksite"]) if data.get("worksite") else None
        lang = "es" if data["org"] == LM else "en"
        campaign, _ = Campaign.objects.update_or_create(
            organisation=orgs[data["org"]],
            title=data["title"][lang],
            defaults=dict(
                kind=data["kind"], language=lang, summary=data["summary"][lang],
                started_on=data["started"], government=data.get("government", ""),
                employer=Employer.objects.filter(slug=data.get("employer")).first()
                or (worksite.employer if worksite else None),
                worksite=worksite, illustrative=data.get("illustrative", False),
                audience=AUDIENCES.get(data["title"]["en"], Audience.LEADERS),
            ),
        )  # fmt: skip
        for other in ("en", "es", "fr"):
            if other != lang:
                _translate(campaign, "title", other, data["title"][other])
                _translate(campaign, "summary", other, data["summary"][other])
        government = GOVERNMENTS.get(campaign.government)
        if government is not None:  # written in English whoever the campaign's union
            texts = {
                "en": campaign.government,
                "es": government[0],
                "fr": government[1],
            }
            for other, text in texts.items():
                if other != lang:
                    _translate(campaign, "government", other, text)
            if lang != "en":
                campaign.government = texts[lang]
                campaign.save(update_fields=["government"])
        campaign.team.add(*[p for p in team if p is not None])
        for kind, day, title, org in data["timeline"]:
            entry, _ = TimelineEntry.objects.update_or_create(
                campaign=campaign, title=title,
                defaults=dict(kind=kind, happened_on=day, organisation=orgs[org],
                              language="en"),
            )  # fmt: skip
            _es_fr(entry, "title", TIMELINE)
        found[data["title"]["en"]] = campaign
    return found


def _strikes(campaign: Campaign, orgs: dict[str, Organisation]) -> None:
    for unit, employer, site, demands_es, demands_en, demands_fr in STRIKES:
        strike, _ = Strike.objects.update_or_create(
            campaign=campaign,
            unit=Unit.objects.get(organisation=orgs[LM], name=unit),
            defaults=dict(
                worksite=_worksite(employer, site), started_on=STRIKES_BEGAN,
                demands=demands_es, language="es", audience=Audience.UNION,
            ),
        )  # fmt: skip
        _translate(strike, "demands", "en", demands_en)
        _translate(strike, "demands", "fr", demands_fr)
    for unit, kind, day, title, org in STRIKE_SUPPORT:
        strike = campaign.strikes.get(unit__name=unit)
        entry, _ = TimelineEntry.objects.update_or_create(
            campaign=campaign, strike=strike, title=title,
            defaults=dict(kind=kind, happened_on=day, organisation=orgs[org],
                          language="en"),
        )  # fmt: skip
        _es_fr(entry, "title", TIMELINE)


def _organizing(campaign: Campaign) -> None:
    stages = list(OrganizingTarget.Stage.values)
    for employer, site, stage, covered, supporters in TARGETS:
        target, _ = OrganizingTarget.objects.update_or_create(
            campaign=campaign,
            worksite=_worksite(employer, site),
            defaults=dict(
                stage=stage, covered_workers=covered, supporters=supporters,
                support_recorded_on=date(2018, 8, 1) if supporters else None,
                illustrative=True,
            ),
        )  # fmt: skip
        assert (
            stages.index(stage) < stages.index("certificate") or target.support_reached
        )
    # The open vote of support at Teksid's Frontera foundry (the elections demo).
    from alianza.elections.models import Election

    vote = Election.objects.filter(
        kind="representation", worksite__employer__slug="teksid"
    ).first()
    if vote is not None:
        campaign.organizing_targets.filter(worksite=vote.worksite).update(
            representation_election=vote
        )
    author = User.objects.filter(email="maria.hernandez@mineros.example").first()
    for employer, name, phone, position, committee in CONTACTS:
        if author is None:
            break
        target = campaign.organizing_targets.get(worksite__employer__slug=employer)
        OrganizingContact.objects.update_or_create(
            target=target, name=name,
            defaults=dict(phone=phone, position=position, on_committee=committee,
                          added_by=author),
        )  # fmt: skip


def _events(orgs: dict[str, Organisation], campaigns: dict[str, Campaign]) -> None:
    for org, kind, title, day, place, country, annual, text, delegations in EVENTS:
        event, _ = Event.objects.update_or_create(
            organisation=orgs[org], title=title["es"],
            defaults=dict(
                kind=kind, language="es", starts_on=day, place=place, country=country,
                annual=annual, description=text["es"], audience=Audience.ALLIANCE,
                campaign=campaigns["Justice for Pasta de Conchos"]
                if day.month == 2 else None,
            ),
        )  # fmt: skip
        if not event.uid:
            event.uid = f"demo-event-{event.pk}@alianza"
            event.save(update_fields=["uid"])
        for other in ("en", "fr"):
            _translate(event, "title", other, title[other])
            _translate(event, "description", other, text[other])
        for d_org, unit, people, note in delegations:
            delegation, _ = Delegation.objects.update_or_create(
                event=event, organisation=orgs[d_org],
                unit=Unit.objects.filter(organisation=orgs[d_org], name=unit).first(),
                defaults=dict(people=people, note=note, language="en"),
            )  # fmt: skip
            _es_fr(delegation, "note", DELEGATION_NOTES)


def _letter(data: dict, org: Organisation, request: Any = None) -> Letter:
    letter, _ = Letter.objects.update_or_create(
        slug=data["slug"],
        defaults=dict(
            organisation=org, title=data["title"], body=data["body"], language="en",
            addressee=data["addressee"], dated=data.get("dated", date(2013, 7, 1)),
            status=Letter.Status.PUBLISHED, request=request,
            published_at=datetime.combine(data.get("dated", date(2013, 7, 1)), time(12), tzinfo=MX),
        ),
    )  # fmt: skip
    _translate(letter, "title", "es", data["title_es"])
    _translate(letter, "title", "fr", data["title_fr"])
    for other, text in LETTER_BODIES[data["slug"]].items():
        _translate(letter, "body", other, text)
    for order, (name, title) in enumerate(data["signers"]):
        person = Person.objects.get(name=name, user=None)
        Signature.objects.update_or_create(
            letter=letter, person=person,
            defaults=dict(
                organisation=person.memberships.first().organisation,  # type: ignore[union-attr]
                title=title, order=order, confirmed_at=letter.published_at,
            ),
        )  # fmt: skip
    return letter


def _asarco(orgs: dict[str, Organisation], campaigns: dict[str, Campaign]) -> None:
    campaign = campaigns["ASARCO bargaining in five locals"]
    req, _ = SolidarityRequest.objects.update_or_create(
        organisation=orgs[USW], title=ASARCO_REQUEST["title"]["en"],
        defaults=dict(
            campaign=campaign, language="en", body=ASARCO_REQUEST["body"]["en"],
            status=SolidarityRequest.Status.PUBLISHED, audience=Audience.UNION,
            published_at=datetime(2013, 6, 1, 12, tzinfo=MX),
            vetted_by=User.objects.filter(email="j.walker@usw.example").first(),
        ),
    )  # fmt: skip
    req.audiences.set([orgs[LM], orgs["unite"]])
    _translate(req, "title", "es", ASARCO_REQUEST["title"]["es"])
    _translate(req, "body", "es", ASARCO_REQUEST["body"]["es"])
    _translate(req, "title", "fr", ASARCO_REQUEST["title"]["fr"])
    _translate(req, "body", "fr", ASARCO_REQUEST["body"]["fr"])
    letter = _letter(LETTER_002, orgs[LM], req)
    letter.campaign = campaign
    letter.save(update_fields=["campaign"])
    pledges = [
        (Pledge.Kind.LETTER, "Letter of support from the National Executive Committee to the "
         "five ASARCO locals", Pledge.Status.DONE),
        (Pledge.Kind.STATEMENT, "To support and accompany the Steelworkers at ASARCO in the way "
         "and at the moment that they deem it convenient", Pledge.Status.PLEDGED),
        (Pledge.Kind.DELEGATION, "A delegation of Sección 65 to the ASARCO locals in Arizona "
         "(illustrative)", Pledge.Status.PLEDGED),
    ]  # fmt: skip
    # The delegation is Sección 65's: the quarterly report counts it for the section.
    section65 = Unit.objects.filter(organisation=orgs[LM], name="Sección 65").first()
    for kind, text, status in pledges:
        pledge, _ = Pledge.objects.update_or_create(
            request=req, organisation=orgs[LM], kind=kind,
            defaults=dict(description=text, status=status, language="en",
                          done_on=date(2013, 7, 1) if status == "done" else None,
                          unit=section65 if kind == Pledge.Kind.DELEGATION else None),
        )  # fmt: skip
        _es_fr(pledge, "description", PLEDGES)
    # A donation, in pesos: shown in each reader's way (MX$50,000.00, 50 000,00 $MX).
    donation, _created = Pledge.objects.update_or_create(
        request=req, organisation=orgs[LM], kind=Pledge.Kind.DONATION,
        defaults=dict(description="A contribution to the strike fund of the ASARCO "
                      "locals (illustrative)", amount=Decimal("50000"), currency="MXN"),
    )  # fmt: skip
    _translate(
        donation,
        "description",
        "es",
        "Una aportación al fondo de huelga de las secciones de ASARCO (ilustrativa)",
    )
    _translate(
        donation,
        "description",
        "fr",
        "Une contribution au fonds de grève des "
        "sections locales d'ASARCO (à titre d'illustration)",
    )


def _alert(org: Organisation, req: Any) -> None:
    author = User.objects.filter(email="r.benavidez@usw.example").first()
    if author is None:
        return
    alert, _ = Alert.objects.update_or_create(
        organisation=org, title=ASARCO_ALERT["title"]["en"],
        defaults=dict(body=ASARCO_ALERT["body"]["en"], language="en", request=req,
                      created_by=author,
                      audience={"units": [], "councils": [], "countries": ["US"],
                                "languages": []}),
    )  # fmt: skip
    for other in ("es", "fr"):
        _translate(alert, "title", other, ASARCO_ALERT["title"][other])
        _translate(alert, "body", other, ASARCO_ALERT["body"][other])


#: Comments under the strikes' campaign, which Los Mineros opened to comments: a
#: member of Sección 65 on its team, and the USW's coordinator (it is shared into
#: the Solidarity Alliance). Illustrative.
COMMENTS = [
    ("r.valenzuela@mineros.example", "es",
     "Desde la Sección 65: seguimos firmes. Gracias a los compañeros de Arizona por "
     "el apoyo en la puerta de la mina."),
    ("r.benavidez@usw.example", "en",
     "District 12 stands with Cananea. Our locals in Hayden and Kearny will hold a "
     "solidarity lunch on the strike's anniversary."),
]  # fmt: skip

#: Alert templates each union keeps (illustrative).
TEMPLATES = [
    (LM, "maria.hernandez@mineros.example", "Llamado a mitin", "es", "both",
     "Mitin de solidaridad",
     "Compañeras y compañeros: mitin de solidaridad el sábado a las 10:00 en el "
     "local de la sección. Traigan su credencial."),
    (USW, "r.benavidez@usw.example", "Solidarity rally call", "en", "both",
     "Solidarity rally",
     "Brothers and sisters: solidarity rally on Saturday at 10 a.m. at the union "
     "hall. Bring your card."),
]  # fmt: skip


def _comments_and_templates(orgs: dict[str, Organisation], campaign: Campaign) -> None:
    member = Person.objects.filter(user__email=COMMENTS[0][0]).first()
    if member is not None:
        campaign.team.add(member)
    campaign.comments_open = True
    campaign.save(update_fields=["comments_open"])
    for email, language, body in COMMENTS:
        author = Person.objects.filter(user__email=email).first()
        if author is not None:
            Comment.objects.get_or_create(
                campaign=campaign, author=author, body=body,
                defaults={"language": language},
            )  # fmt: skip
    for org, email, name, language, channels, title, body in TEMPLATES:
        AlertTemplate.objects.update_or_create(
            organisation=orgs[org], name=name,
            defaults=dict(title=title, body=body, language=language,
                          channels=channels,
                          created_by=User.objects.filter(email=email).first()),
        )  # fmt: skip


def load() -> None:
    orgs = {o.slug: o for o in Organisation.objects.filter(slug__in=[USW, LM, "unite"])}
    team = [
        Person.objects.filter(user__email=email).first()
        for email in ("maria.hernandez@mineros.example", "jl.romero@mineros.example")
    ]
    campaigns = _campaigns(orgs, team)
    usw_team = [Person.objects.filter(user__email="r.benavidez@usw.example").first()]
    for title in ("ASARCO bargaining in five locals",):
        campaigns[title].team.set([p for p in usw_team if p])
    _strikes(campaigns["The strikes of Cananea, Taxco and Sombrerete"], orgs)
    _organizing(campaigns["Organizing against protection contracts"])
    _events(orgs, campaigns)
    _asarco(orgs, campaigns)
    demo_pledges.load(orgs, _translate)
    _letter(LETTER_000, orgs[USW])
    demo_letters.load(orgs)
    _alert(orgs[USW], SolidarityRequest.objects.filter(organisation=orgs[USW]).first())
    _comments_and_templates(
        orgs, campaigns["The strikes of Cananea, Taxco and Sombrerete"]
    )
    # The strikes and Pasta de Conchos are shared into the Solidarity Alliance.
    alliance = JointSpace.objects.filter(kind=JointSpace.Kind.ALLIANCE).first()
    sharer = User.objects.filter(email="maria.hernandez@mineros.example").first()
    if alliance is not None and sharer is not None:
        for title in ("The strikes of Cananea, Taxco and Sombrerete", "Justice for Pasta de Conchos",
                      "Justice for the Río Sonora"):  # fmt: skip
            campaign = campaigns[title]
            if not Share.objects.active().of(campaign).filter(space=alliance).exists():
                Share.objects.create(space=alliance, record=campaign, shared_by=sharer)


def reset() -> None:
    """Remove the demo's solidarity records (before the demo organisations go)."""
    orgs = Organisation.objects.filter(slug__in=[USW, LM, "unite"])
    records: list[tuple[type[Model], Any]] = []
    alerts = Alert.objects.filter(organisation__in=orgs)
    letters = Letter.objects.filter(
        Q(organisation__in=orgs) | Q(signatures__organisation__in=orgs)
    )
    requests = SolidarityRequest.objects.filter(organisation__in=orgs)
    events = Event.objects.filter(organisation__in=orgs)
    campaigns = Campaign.objects.filter(organisation__in=orgs)
    strikes = Strike.objects.filter(campaign__in=campaigns)
    timeline = TimelineEntry.objects.filter(campaign__in=campaigns)
    pledges = Pledge.objects.filter(Q(request__in=requests) | Q(organisation__in=orgs))
    delegations = Delegation.objects.filter(
        Q(event__in=events) | Q(organisation__in=orgs)
    )
    templates = AlertTemplate.objects.filter(organisation__in=orgs)
    pairs: list[tuple[type[Model], Any]] = [
        (AlertTemplate, templates), (Alert, alerts), (Letter, letters), (SolidarityRequest, requests),
        (Event, events), (Campaign, campaigns), (Strike, strikes),
        (TimelineEntry, timeline), (Pledge, pledges), (Delegation, delegations),
        (Ask, Ask.objects.filter(request__in=requests)),
    ]  # fmt: skip
    for model, queryset in pairs:
        records.append((model, list(queryset.values_list("pk", flat=True))))
    for model, ids in records:
        Translation.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in ids],
        ).delete()
        Share.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in ids],
        ).delete()
    alerts.delete()
    templates.delete()
    Letter.objects.filter(pk__in=dict(records)[Letter]).delete()
    Pledge.objects.filter(Q(request__in=requests) | Q(organisation__in=orgs)).delete()
    requests.delete()
    Delegation.objects.filter(Q(event__in=events) | Q(organisation__in=orgs)).delete()
    events.delete()
    strikes.delete()
    OrganizingTarget.objects.filter(campaign__in=campaigns).delete()
    campaigns.delete()
