"""The contracts of the demo world: the ASARCO round of Los Mineros' letter (seed 002)
with its five demands, an agreement of USW Local 5101 at ASARCO's Hayden smelter
(Arizona) and one of Los Mineros' Sección 65 at Buenavista del Cobre (Cananea,
Sonora), with wages to compare and an exchange-rate table.

The demands come from the seed; the agreements' texts, dates, wages and rates are
illustrative. ``load()`` is idempotent (keyed on titles); ``reset()`` removes it all.
"""

from datetime import date
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from alianza.accounts.models import User
from alianza.employers.models import Employer, Worksite
from alianza.orgs.models import Organisation, Unit
from alianza.spaces.models import JointSpace, Share

from .actions import replace_clauses
from .demo_texts import HAYDEN, SECTION_65
from .models import (
    Agreement,
    BargainingRound,
    Clause,
    ExchangeRate,
    Proposal,
    ProposalEvent,
    WageRate,
)

HAYDEN_TITLE = "ASARCO – USW Local 5101 Basic Labor Agreement (Hayden smelter)"
SECTION_65_TITLE = "Contrato colectivo de trabajo Sección 65 – Buenavista del Cobre"
ROUND_TITLE = "ASARCO coordinated bargaining 2018"
COUNCIL = "council-grupo-mexico"
USW_OFFICER = "r.benavidez@usw.example"
MINEROS_STAFF = "maria.hernandez@mineros.example"

# fmt: off
AGREEMENTS = [
    dict(
        title=HAYDEN_TITLE, org="usw", unit="Local 5101 (Hayden)", employer="asarco",
        worksites=["Hayden smelter"], country="US", language="en", text=HAYDEN,
        effective_on=date(2014, 7, 1), expires_on=date(2018, 6, 30),
        parties="ASARCO LLC and the United Steelworkers, Local 5101",
        coverage="Production and maintenance employees, Hayden smelter",
        covered_workers=300, annual_increases=["3.0", "2.5", "2.5", "2.0"],
        wages=[  # classification, amount, currency, per, hours, effective
            ("Smelter operator (job class 10)", "27.85", "USD", "hour", "1", date(2014, 7, 1)),
            ("Maintenance mechanic (job class 14)", "31.20", "USD", "hour", "1", date(2014, 7, 1)),
            ("Laborer (job class 2)", "21.40", "USD", "hour", "1", date(2014, 7, 1)),
        ],
    ),
    dict(
        title=SECTION_65_TITLE, org="los-mineros", unit="Sección 65",
        employer="buenavista-del-cobre", worksites=["Cananea copper mine"],
        country="MX", language="es", text=SECTION_65,
        effective_on=date(2025, 1, 15), expires_on=date(2027, 1, 14),
        parties="Buenavista del Cobre, S.A. de C.V. y el Sindicato Nacional de "
                "Trabajadores Mineros, Metalúrgicos, Siderúrgicos y Similares de la "
                "República Mexicana, Sección 65",
        coverage="Trabajadores sindicalizados de la mina y la concentradora de Cananea",
        covered_workers=1200, annual_increases=["8.0", "7.0"],
        registry_number="CFCRL/CCT/SON/2025/000065",
        legitimation=Agreement.Legitimation.LEGITIMATED,
        wages=[
            ("Operador de equipo de acarreo", "780.00", "MXN", "day", "8", date(2025, 1, 15)),
            ("Mecánico de mantenimiento", "845.00", "MXN", "day", "8", date(2025, 1, 15)),
            ("Ayudante general", "520.00", "MXN", "day", "8", date(2025, 1, 15)),
        ],
    ),
]

# US dollars per Mexican peso, on the first business day of the year (illustrative,
# rounded from published reference rates).
RATES = [
    (date(2014, 1, 2), "0.0765"), (date(2018, 1, 2), "0.0508"),
    (date(2024, 1, 2), "0.0590"), (date(2025, 1, 2), "0.0485"),
    (date(2026, 1, 2), "0.0540"),
]

# side, article, clause (article label of the current language), summary, text,
# effect, tabled on, status changes [(date, status, note)]
PROPOSALS = [
    ("employer", "Article 6", "ARTICLE 6", "Drug and alcohol testing at random",
     "All employees shall be subject to random drug and alcohol testing; a positive "
     "test is cause for discharge.", "concession", date(2018, 5, 15), []),
    ("employer", "Article 4", "ARTICLE 4", "A new points-based attendance policy",
     "Employees accumulate points for each absence, late arrival or early departure; "
     "eight points in a rolling year lead to discharge.", "concession",
     date(2018, 5, 15), []),
    ("employer", "Article 5", "ARTICLE 5", "Fewer absences for a family medical emergency",
     "An employee may be absent up to two days in each calendar year to attend a "
     "family medical emergency.", "concession", date(2018, 5, 15), []),
    ("employer", "Article 12", "ARTICLE 12",
     "End the labor-management civil rights committees",
     "Section 12.1 is deleted.", "concession", date(2018, 5, 15), []),
    ("employer", "Article 7", "ARTICLE 7", "Radical changes to the grievance procedure",
     "Step 2 is deleted; grievances must be filed within three working days; "
     "arbitration only with the Company's consent.", "concession", date(2018, 5, 15), []),
    ("union", "Article 2", "ARTICLE 2", "General wage increase of 4 percent a year",
     "General wage increases of 4.0 percent on July 1 of each year of the Agreement.",
     "gain", date(2018, 5, 22), []),
    ("union", "Article 11", "ARTICLE 11", "Maintain retiree medical benefits",
     "The retiree medical benefit is maintained for all employees hired before the "
     "new Agreement.", "gain", date(2018, 5, 22),
     [(date(2018, 7, 10), "tentative", "Company accepts for current employees")]),
    ("union", "Article 16", "ARTICLE 16", "Three-year term",
     "This Agreement remains in effect for three years.", "neutral",
     date(2018, 5, 22), [(date(2018, 6, 28), "agreed", "")]),
]
# fmt: on


def _agreement(data: dict) -> Agreement:
    org = Organisation.objects.get(slug=data["org"])
    agreement, _created = Agreement.objects.update_or_create(
        title=data["title"],
        organisation=org,
        defaults=dict(
            unit=Unit.objects.filter(organisation=org, name=data["unit"]).first(),
            employer=Employer.objects.get(slug=data["employer"]),
            country=data["country"],
            language=data["language"],
            effective_on=data["effective_on"],
            expires_on=data["expires_on"],
            parties=data["parties"],
            coverage=data["coverage"],
            covered_workers=data["covered_workers"],
            annual_increases=data["annual_increases"],
            registry_number=data.get("registry_number", ""),
            legitimation=data.get("legitimation", ""),
            legitimation_vote_url=data.get("legitimation_vote_url", ""),
            extraction=Agreement.Extraction.DONE,
            progress=100,
            illustrative=True,
        ),
    )
    agreement.worksites.set(
        Worksite.objects.filter(employer=agreement.employer, name__in=data["worksites"])
    )
    if agreement.text != data["text"] or not agreement.clauses.exists():
        replace_clauses(agreement, data["text"])
        agreement.save(update_fields=["text"])
    agreement.wages.all().delete()
    for classification, amount, currency, per, hours, effective in data["wages"]:
        WageRate.objects.create(
            agreement=agreement, classification=classification, amount=Decimal(amount),
            currency=currency, per=per, hours=Decimal(hours), effective_on=effective,
        )  # fmt: skip
    return agreement


def _share(record, space: JointSpace, email: str) -> None:
    if Share.objects.active().of(record).filter(space=space).exists():
        return
    user = User.objects.filter(email=email).first()
    if user is not None:
        Share.objects.create(space=space, record=record, shared_by=user)


def asarco_round(agreement: Agreement) -> BargainingRound:
    """The 2018 round at ASARCO: the five demands of seed 002 and the union's own."""
    bargaining_round, _created = BargainingRound.objects.update_or_create(
        agreement=agreement,
        title=ROUND_TITLE,
        defaults={
            "opened_on": date(2018, 5, 15),
            "status": BargainingRound.Status.BARGAINING,
        },
    )
    bargaining_round.proposals.all().delete()
    for side, article, label, summary, text, effect, tabled, changes in PROPOSALS:
        clause = (
            agreement.clauses.filter(article=label).order_by("position").first()
            if label
            else None
        )
        if label == "ARTICLE 5":
            clause = agreement.clauses.filter(article=label, number="5.2").first()
        proposal = Proposal.objects.create(
            round=bargaining_round, side=side, article=article, clause=clause,
            topic=clause.topic if clause else "other", summary=summary, text=text,
            effect=effect, tabled_on=tabled,
        )  # fmt: skip
        ProposalEvent.objects.create(
            proposal=proposal, happened_on=tabled, status="open"
        )
        for when, status, note in changes:
            ProposalEvent.objects.create(
                proposal=proposal, happened_on=when, status=status, note=note
            )
            proposal.status = status
        proposal.save(update_fields=["status"])
    return bargaining_round


def load() -> None:
    with transaction.atomic():
        for when, rate in RATES:
            ExchangeRate.objects.update_or_create(
                currency="MXN",
                valid_on=when,
                defaults={"usd_per_unit": Decimal(rate), "source": "illustrative"},
            )
        hayden = _agreement(AGREEMENTS[0])
        section65 = _agreement(AGREEMENTS[1])
        bargaining_round = asarco_round(hayden)
        council = JointSpace.objects.filter(slug=COUNCIL).first()
        if council is not None:
            _share(hayden, council, USW_OFFICER)
            _share(bargaining_round, council, USW_OFFICER)
            _share(section65, council, MINEROS_STAFF)


def reset() -> None:
    """Remove the demo agreements, their rounds, shares and the demo rates."""
    with transaction.atomic():
        agreements = Agreement.objects.filter(
            title__in=[a["title"] for a in AGREEMENTS]
        )
        rounds = BargainingRound.objects.filter(agreement__in=agreements)
        for model, ids in (
            (Agreement, agreements.values_list("pk", flat=True)),
            (BargainingRound, rounds.values_list("pk", flat=True)),
        ):
            Share.objects.filter(
                content_type=ContentType.objects.get_for_model(model),
                object_id__in=[str(pk) for pk in ids],
            ).delete()
        rounds.delete()
        Clause.objects.filter(agreement__in=agreements).delete()
        agreements.delete()
        ExchangeRate.objects.filter(source="illustrative").delete()
