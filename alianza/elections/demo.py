"""Votes of the demo world: a completed revision of a collective agreement at
Sección 271 (Lázaro Cárdenas), an open vote of support for a representation
certificate at Teksid's Frontera foundry, an organizing target, an open election of
Sección 65's local committee (Cananea), on whose roll the demo member Ramón
Valenzuela has a secret voting code he has not used yet, so that anyone can vote in
the booth; and a secret ballot of the Joint Commission, proposed by the Steelworkers
and waiting for Los Mineros' agreement, which the two unions' international-affairs
staff run together. Illustrative: the rolls, slates, places and the commission's
question are invented. Each party's steps are run as their own programs would; the
trustees' secret states of the open votes are kept in DATA_DIR/demo-trustees/ so that
a demo trustee can take the decryption step with the trustee's program or on her
trustee's page (which opens the same file), and Ramón's
code in DATA_DIR/demo-voter-code.json (``voter_code()``; ``alianza demo`` prints it)."""

import json
import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from alianza.documents.models import Document
from alianza.employers.models import Worksite
from alianza.multilingual.models import Translation
from alianza.orgs.models import Organisation, Person, Unit
from votecore import api as vc
from votecore import authority, credentials

from . import actions, selectors
from .models import BoardEvent, CheckIn, Election, Incident, Role, Step, Voter
from .trustee import next_step

MX = ZoneInfo("America/Mexico_City")
SONORA = ZoneInfo("America/Hermosillo")  # Cananea: Sonora keeps no summer time
#: The demo login who votes in the booth (alianza/core/demo/people.py).
# His phone (illustrative, Cananea's area code) gets the receipt by text message too.
VOTER = {
    "name": "Ramón Valenzuela",
    "email": "r.valenzuela@mineros.example",
    "phone": "+526451112222",
}
FIRST = ["María", "José", "Juan", "Guadalupe", "Luis", "Rosa", "Jesús", "Ana", "Pedro",
         "Carmen", "Miguel", "Elena", "Arturo", "Verónica", "Javier", "Patricia"]  # fmt: skip
LAST = ["Hernández", "García", "Martínez", "López", "González", "Rodríguez", "Pérez",
        "Sánchez", "Ramírez", "Cruz", "Flores", "Gómez", "Morales", "Vázquez"]  # fmt: skip
TRUSTEES = ["Sergio Beltrán Reyes", "Ernesto Salinas Ortiz", "Guadalupe Rentería Soto"]
# The consultations' credential authority is outside Los Mineros, as the labour law
# needs: a director of the alliance partner, USW's District 12 (illustrative).
AUTHORITY = "Elena Villarreal"
#: Sección 271's polling table: its administrator and an observer decide the
#: provisional ballots (alianza/core/demo/people.py).
POLLING_TABLE = {
    "administrator": "Óscar Mendoza Pineda",
    "observer": "Lucía Zamora Vega",
}

VOTES: list[dict[str, Any]] = [
    {
        "title": "Revisión del contrato colectivo 2026 — Departamento de Aceración",
        "kind": Election.Kind.CONTRACT_REVISION,
        "unit": "Sección 271",
        "worksite": "Lázaro Cárdenas steel plant",
        "question": "¿Aprueba usted la revisión del contrato colectivo de trabajo 2026?",
        "voters": 150,
        "turnout": 0.9,
        "yes": 0.8,
        "opens_at": datetime(2026, 10, 14, 6, tzinfo=MX),
        "days": 2,
        "finish": True,
        "place": "Casa sindical de la Sección 271, Lázaro Cárdenas, Michoacán",
        # Illustrative: the agreement's number at the labour registry.
        "registry_number": "CCT-MICH-2020-01187",
        # A stolen code replaced during the vote, and a provisional ballot accepted.
        "polling_station": True,
    },
    {
        "title": "Apoyo a la constancia de representatividad en Teksid (Frontera)",
        "kind": Election.Kind.REPRESENTATION,
        "unit": "Sección 271",
        "worksite": "Frontera foundry",
        "question": "¿Apoya usted que el Sindicato Nacional Minero solicite la constancia de representatividad?",
        "voters": 200,
        "turnout": 0.25,
        "yes": 0.85,
        "opens_at": datetime(2026, 11, 25, 6, tzinfo=MX),
        "days": 30,
        "finish": False,
        "place": "Frente a la puerta 2 de la fundición, Frontera, Coahuila",
    },
    {
        "title": "Elección del Comité Ejecutivo Local de la Sección 65",
        "kind": Election.Kind.OFFICERS,
        "unit": "Sección 65",
        "worksite": "Cananea copper mine",
        "question": "¿Qué planilla elige para el Comité Ejecutivo Local?",
        "answers": ["Planilla Verde", "Planilla Blanca"],
        "voters": 40,
        "turnout": 0.3,
        "yes": 0.6,
        # Open from the day before the demo is loaded, for two weeks.
        "opens_at": None,
        "days": 14,
        "finish": False,
        "place": "Casa sindical de la Sección 65, Cananea, Sonora",
        "zone": SONORA,
        "with_the_voter": True,
    },
]


#: The Joint Commission's ballot outside a meeting: a recommendation to both boards.
JOINT = {
    "body": "Joint Commission",
    "title": "Joint Commission: recommend a cross-border safety campaign at Grupo México",
    "question": "Does the Joint Commission recommend to both executive boards a joint "
    "health and safety campaign at Grupo México's mines and smelters, in memory of "
    "the 65 miners of Pasta de Conchos?",
    "proposed_by": "j.walker@usw.example",
}


def _joint_ballot() -> None:
    """Proposed by USW's international-affairs staff; Los Mineros has still to agree,
    and each union to name its trustee (a demo walk of shared ground)."""
    from alianza.accounts.models import User
    from alianza.bodies.models import Body

    body = Body.objects.filter(name=JOINT["body"], space__isnull=False).first()
    proposer = User.objects.filter(email=JOINT["proposed_by"]).first()
    if body is None or proposer is None:
        return
    if Election.objects.filter(space=body.space, title=JOINT["title"]).exists():
        return
    opens_at = timezone.localtime(timezone.now() + timedelta(days=14)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    actions.propose_joint_ballot(
        proposer, body, title=JOINT["title"], question=JOINT["question"],
        language=body.language, opens_at=opens_at,
        closes_at=opens_at + timedelta(days=2), trustee_count=2, threshold=2,
    )  # fmt: skip


def _roll(election: Election, data: dict[str, Any], rng: random.Random) -> None:
    first = 65000 if data.get("with_the_voter") else 271000
    Voter.objects.bulk_create(
        Voter(
            election=election,
            name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}",
            worker_number=f"{first + n}",
            language="es",
        )
        for n in range(data["voters"])
    )
    if data.get("with_the_voter"):
        Voter.objects.create(
            election=election, name=VOTER["name"], worker_number=f"{first + 999}",
            email=VOTER["email"], phone=VOTER["phone"], language="es",
        )  # fmt: skip


def _agreement(mineros: Organisation, data: dict[str, Any]) -> Document | None:
    """The text voters had ten days before: a short printed proposal (illustrative)."""
    from django.core.files.base import ContentFile

    from alianza.lib.pdf import PdfDocument

    uploader = Person.objects.filter(
        memberships__organisation=mineros, memberships__role="staff", user__isnull=False
    ).first()
    if uploader is None or uploader.user is None:
        return None
    pdf = PdfDocument(
        "Propuesta de revisión del contrato colectivo 2026", subtitle=data["title"]
    )
    for clause in (
        "Cláusula 1. Salario: aumento de 8% al tabulador a partir del 1 de noviembre de 2026.",
        "Cláusula 2. Seguridad e higiene: la comisión mixta inspecciona cada área cada mes.",
        "Cláusula 3. Vigencia: dos años a partir de su depósito.",
    ):
        pdf.paragraph(clause)
    document = Document(
        organisation=mineros, title="Propuesta de revisión del contrato colectivo 2026 (Sección 271)",
        description="La propuesta que la Sección 271 somete a votación: aumento salarial, inspecciones mensuales de la comisión mixta de seguridad e higiene y vigencia de dos años.",
        original_name="propuesta-revision-2026.pdf", uploaded_by=uploader.user, language="es",
    )  # fmt: skip
    data_bytes = pdf.render()
    document.size = len(data_bytes)
    document.file.save(
        "propuesta-revision-2026.pdf", ContentFile(data_bytes), save=True
    )
    content_type = ContentType.objects.get_for_model(Document)
    for field, language, text in DOCUMENT_TRANSLATIONS:
        Translation.objects.update_or_create(
            content_type=content_type, object_id=str(document.pk), field=field,
            language=language, defaults={"text": text},
        )  # fmt: skip
    return document


# The proposal's title and description in English and French.
DOCUMENT_TRANSLATIONS = [
    ("title", "en", "Proposed revision of the 2026 collective agreement (Section 271)"),
    ("title", "fr", "Projet de révision de la convention collective 2026 (Section 271)"),
    ("description", "en", "The proposal Section 271 puts to the vote: a wage increase, monthly inspections by the joint health and safety committee, and a two-year term."),
    ("description", "fr", "Le projet que la Section 271 soumet au vote : une augmentation salariale, des inspections mensuelles par le comité mixte de santé et de sécurité, et une durée de deux ans."),
]  # fmt: skip


def _trustees_dir() -> str:
    path = settings.DATA_DIR / "demo-trustees"
    path.mkdir(parents=True, exist_ok=True)
    return str(path)


def load() -> None:
    _joint_ballot()
    mineros = Organisation.objects.filter(slug="los-mineros").first()
    if mineros is None:
        return
    people = {p.name: p for p in Person.objects.filter(name__in=[*TRUSTEES, AUTHORITY])}
    if len(people) < 4:
        return
    rng = random.Random(271)  # noqa: S311 - invented demo voters, not secrets
    for data in VOTES:
        if Election.objects.filter(title=data["title"]).exists():
            continue
        # Not before the vote's announced start: a fixed date still ahead opens
        # from the day before the demo is loaded.
        yesterday = timezone.now() - timedelta(days=1)
        opens_at = min(data["opens_at"] or yesterday, yesterday)
        document = (
            _agreement(mineros, data)
            if data["kind"] in actions.CONTRACT_KINDS
            else None
        )
        election = Election.objects.create(
            contract_document=document,
            organisation=mineros, kind=data["kind"], title=data["title"],
            question=data["question"], answers=data.get("answers", ["Sí", "No"]),
            language="es", place=data["place"],
            registry_number=data.get("registry_number", ""),
            time_zone=str(data.get("zone", MX)),
            unit=Unit.objects.filter(organisation=mineros, name=data["unit"]).first(),
            worksite=Worksite.objects.filter(name=data["worksite"]).first(),
            covered_workers=data["voters"], notice_on=(opens_at - timedelta(days=12)).date(),
            roll_published_on=(opens_at - timedelta(days=5)).date(),
            # Ballots are cast now: the demo's own dates are set once it has run.
            opens_at=opens_at, closes_at=timezone.now() + timedelta(days=1),
            trustee_count=3, threshold=2,
        )  # fmt: skip
        Step.objects.create(election=election, status="draft")
        for index, name in enumerate(TRUSTEES, start=1):
            Role.objects.create(election=election, person=people[name], kind="trustee",
                                trustee_index=index)  # fmt: skip
        Role.objects.create(election=election, person=people[AUTHORITY],
                            kind="credential_authority")  # fmt: skip
        if data.get("polling_station"):
            table = Person.objects.filter(name__in=POLLING_TABLE.values())
            by_name = {p.name: p for p in table}
            for kind, name in POLLING_TABLE.items():
                if name in by_name:
                    Role.objects.create(
                        election=election, person=by_name[name], kind=kind
                    )
        _roll(election, data, rng)
        _run(election, {**data, "opens_at": opens_at}, rng)


def _run(election: Election, data: dict, rng: random.Random) -> None:
    """Each party's steps, as their programs would take them."""
    actions.start_ceremony(election)
    privates: dict[int, dict] = {}
    _trustees(election, privates)
    election.refresh_from_db()
    voters = list(election.voters.order_by("pk"))
    pairs = vc.make_credentials(election.election_id, len(voters))
    actions.store_credentials(
        election, {v.pk: public for v, (_s, public) in zip(voters, pairs, strict=True)}
    )
    authority_code = credentials.new_secret()
    if data.get("polling_station"):
        key = authority.authority_key(election.election_id, authority_code)
        actions.store_authority_key(election, key)
    actions.start_voting(election)
    election.refresh_from_db()
    context = election.crypto()
    for voter, (secret, _public) in zip(voters, pairs, strict=True):
        if voter.email == VOTER["email"]:
            _keep_voter_code(election, secret)  # his to cast in the booth
            continue
        if rng.random() < data["turnout"]:
            choice = [[1, 0]] if rng.random() < data["yes"] else [[0, 1]]
            body, _randomness = vc.cast(context, secret, choice)
            actions.cast(election, body)
    if data.get("polling_station"):
        _polling_station(election, voters[0], authority_code)
    if data["finish"]:
        actions.stop_voting(election)
        _trustees(election, privates)
        election.refresh_from_db()
        actions.announce(election)
    else:
        folder = _trustees_dir()
        for index, private in privates.items():
            path = f"{folder}/trustee-{election.uid}-{index}.json"
            with open(path, "w") as out:
                json.dump(private, out)
    closes_at = data["opens_at"] + timedelta(days=data["days"])
    Election.objects.filter(pk=election.pk).update(closes_at=closes_at)
    BoardEvent.objects.filter(election=election).update(at=data["opens_at"])
    Step.objects.filter(election=election).update(at=data["opens_at"])
    # The table's check-ins and incidents in the first hour of the vote.
    first_hour = data["opens_at"] + timedelta(minutes=65)
    CheckIn.objects.filter(election=election).update(at=first_hour)
    Incident.objects.filter(election=election).update(at=first_hour)
    # The vote was closed (and its result published) at its announced close.
    Step.objects.filter(
        election=election,
        status__in=[
            Election.Status.CLOSED,
            Election.Status.TALLIED,
            Election.Status.PUBLISHED,
        ],
    ).update(at=closes_at)


def _polling_station(election: Election, voter: Voter, authority_code: str) -> None:
    """Illustrative: the first worker's code was seen by someone else, so the
    credential authority replaced it and she voted again; a worker hired after the
    employer's list was drawn voted provisionally and was accepted."""
    context = election.crypto()
    voter.refresh_from_db()  # her credential, published since
    fingerprint = context.fingerprint
    new_code, new_public = vc.make_credentials(election.election_id, 1)[0]
    actions.store_replacement(
        election,
        authority.sign_replacement(
            election.election_id, fingerprint, authority_code,
            voter.credential, new_public, "stolen",
        ),
    )  # fmt: skip
    actions.cast(election, vc.cast(context, new_code, [[1, 0]])[0])
    deciders = list(election.roles.filter(kind__in=list(POLLING_TABLE)))
    if len(deciders) < len(POLLING_TABLE):
        return  # no polling table in this world: no provisional ballot to decide
    code, public = vc.make_credentials(election.election_id, 1)[0]
    worker = actions.record_provisional(
        election, name="Rosa Gómez Vázquez", curp="GOVR850312MMNMZS08",
        reason="Contratada en septiembre; falta en la lista de la empresa (ilustrativo)",
        credential=public,
    )  # fmt: skip
    actions.cast(election, vc.cast(context, code, [[1, 0]])[0])
    for role in deciders:
        actions.answer_provisional(worker, role, True)
    _console(election, {role.kind: role.person for role in deciders})


def _console(election: Election, table: dict[str, Any]) -> None:
    """Illustrative: at the gate the administrator checked in two workers, one
    voting with the help of her daughter, whom she chose; the observer wrote
    down an incident."""
    lines = election.voters.filter(excluded="").order_by("pk")[1:3]
    administrator, observer = table["administrator"], table["observer"]
    for n, line in enumerate(lines):
        assisted = n == 1
        actions.record_check_in(
            election, line, by=administrator,
            assistant_name="María Elena Torres (ilustrativo)" if assisted else "",
            assistant_statement=(
                "Pido que mi hija me acompañe y me ayude a votar; no veo bien."
                if assisted else ""
            ),
        )  # fmt: skip
    actions.write_incident(
        election,
        "Un supervisor de la empresa se acercó a la fila de votantes; se le pidió "
        "retirarse y lo hizo a las 7:05 (ilustrativo).",
        by=observer,
    )


def _voter_code_path() -> Path:
    return Path(settings.DATA_DIR) / "demo-voter-code.json"


def _keep_voter_code(election: Election, secret: str) -> None:
    path = _voter_code_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps({"election": str(election.uid), "code": secret, **VOTER})
    )


def voter_code() -> dict[str, str] | None:
    """The demo member's unused voting code, with his name and the booth's path:
    None when the demo has no open vote with his code."""
    try:
        kept = json.loads(_voter_code_path().read_text())
    except (OSError, ValueError):
        return None
    election = Election.objects.filter(uid=kept.get("election")).first()
    if election is None or not election.is_open:
        return None
    return {
        **kept,
        "title": election.title,
        "booth": reverse("elections:booth", args=[election.uid]),
        "notice": reverse("elections:notice", args=[election.uid]),
    }


def _trustees(election: Election, privates: dict[int, dict]) -> None:
    moved = True
    while moved:
        moved = False
        for index in range(1, election.trustee_count + 1):
            election.refresh_from_db()
            step, message, private = next_step(
                index, privates.get(index), selectors.ceremony_state(election)
            )
            privates[index] = private or privates.get(index, {})
            if step:
                actions.receive(election, index, step, message)
                moved = True


def reset() -> None:
    _voter_code_path().unlink(missing_ok=True)
    elections = Election.objects.filter(
        title__in=[v["title"] for v in VOTES] + [JOINT["title"]]
    )
    documents = [e.contract_document for e in elections if e.contract_document]
    elections.delete()
    for document in documents:
        Translation.objects.filter(
            content_type=ContentType.objects.get_for_model(Document),
            object_id=str(document.pk),
        ).delete()
        document.file.delete(save=False)
        document.delete()
