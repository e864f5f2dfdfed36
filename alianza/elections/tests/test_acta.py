"""The consultation's acta: on a Letter page, with what the labour registry
expects (employer, workplace, registry number, place, announced and actual
times, every figure of the count, provisional ballots, incidents, the trustees
who decrypted, the observers and the signature lines)."""

import re
from io import BytesIO

from django.urls import reverse
from pypdf import PdfReader

from alianza.elections import actions
from alianza.elections.certificate import certificate_pdf
from alianza.elections.models import Election
from alianza.employers.models import Worksite
from votecore import api as vc
from votecore import credentials

from .helpers import new_election, people, ready_to_vote, run_trustees

YES, NO = [[1, 0]], [[0, 1]]


def _published_with_a_table(world):
    """Five workers on the roll of Buenavista del Cobre: three vote (two yes, one
    no), two stay away; a provisional voter is accepted (yes), another rejected
    (no); two are checked in, one assisted; an incident is written."""
    election = new_election(
        world, voters=5,
        worksite=Worksite.objects.get(name="Buenavista del Cobre"),
        registry_number="CCT-SON-2019-0417", place="Comedor de la planta, Cananea",
        time_zone="America/Hermosillo",
    )  # fmt: skip
    admin, observer = people(world, 2, "official")
    staff = world["mineros_staff"]
    actions.assign_role(staff, election, admin, "administrator")
    actions.assign_role(staff, election, observer, "observer")
    parties = ready_to_vote(world, election)
    context = election.crypto()
    lines = list(election.voters.order_by("pk"))
    for line, choice in zip(lines[:3], (YES, YES, NO), strict=True):
        actions.cast(election, vc.cast(context, parties["secrets"][line.pk], choice)[0])
    actions.check_in(admin.user, election, lines[0])
    actions.check_in(
        admin.user, election, lines[1], assistant_name="Juana Pérez",
        assistant_statement="Pido que mi hija me ayude a votar.",
    )  # fmt: skip
    actions.record_incident(observer.user, election, "Se fue la luz diez minutos.")
    for name, curp, choice, accepted in (
        ("Rosa Gómez", "GOMA800101MSRNRR05", YES, True),
        ("Ana Ruiz", "ROMA750312MSRDRN02", NO, False),
    ):
        code, public = credentials.generate(election.election_id, 1)[0]
        worker = actions.issue_provisional(
            admin.user, election, name=name, curp=curp,
            reason="Falta en la lista del patrón", credential=public,
        )  # fmt: skip
        actions.cast(election, vc.cast(context, code, choice)[0])
        actions.decide_provisional(admin.user, worker, accepted)
        actions.decide_provisional(observer.user, worker, accepted)
    actions.close_election(staff, election)
    election.refresh_from_db()
    run_trustees(election, parties["trustees"], parties["privates"])
    election.refresh_from_db()
    actions.publish_result(staff, election)
    election.refresh_from_db()
    return election, admin, observer, parties


def _text(pdf: bytes) -> str:
    pages = PdfReader(BytesIO(pdf)).pages
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pages))


def test_the_acta_has_every_figure_on_a_letter_page(client, world):
    election, admin, observer, parties = _published_with_a_table(world)
    # Two yes and one no on the roll, and Rosa's accepted yes; Ana's no is not counted.
    assert election.result["counts"][0] == [3, 1]
    pdf = client.get(reverse("elections:certificate", args=[election.uid])).content
    reader = PdfReader(BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    text = _text(pdf)
    assert "Acta de resultados de la consulta" in text
    assert "Record of the results of the vote" in text
    for expected in (
        "Employer: Grupo México",
        "Workplace: Buenavista del Cobre, Cananea, Sonora",
        "Registry number: CCT-SON-2019-0417",
        "Place: Comedor de la planta, Cananea",
        f"Announced opening: {election.opens_in_words}",
        f"Announced closing: {election.closes_in_words}",
        "Workers on the roll: 5",
        "Ballots cast: 5",
        "Valid ballots: 4",
        "Blank ballots: 0",
        "Null ballots: 1",
        "Provisional ballots accepted: 1",
        "Provisional ballots rejected: 1",
        "Abstentions: 2",
        "checked in at the polling table: 2; of them assisted: 1",
        "Se fue la luz diez minutos.",
        f"written by {observer.name}",
        f"Observers: {observer.name}",
        "Signature",
    ):
        assert expected in text, expected
    assert "Actual opening: not yet" not in text
    assert "Actual closing: not yet" not in text
    assert "Hermosillo" in text  # the times' zone is named
    decrypted = election.ceremony.filter(step="decrypt").values_list(
        "trustee", flat=True
    )
    names = [p.person.name for p in parties["trustees"]]
    assert len(decrypted) >= election.threshold
    for index in decrypted:
        assert f"{index}. {names[index - 1]}" in text
    # A signature line for the administrator and the observer.
    assert text.count(admin.name) >= 1 and text.count(observer.name) >= 3


def test_an_acta_before_the_vote_opens_says_so(world):
    election = new_election(world, voters=2)
    Election.objects.filter(pk=election.pk).update(status="draft")
    text = _text(certificate_pdf(election))
    assert "Actual opening: not yet" in text and "Registry number: not known" in text
    assert "Incidents: none recorded." in text


def test_the_acta_says_who_made_the_codes_and_whether_the_server_saw_them(world):
    """The registry reads whether the credential authority stood outside the unions
    holding the vote, and whether Alianza's server ever held the codes."""
    from django.utils import timezone

    election = new_election(world, voters=2)
    text = _text(certificate_pdf(election))
    assert "Credential authority: none was named." in text
    assert "Alianza's server never saw them" in text
    actions.assign_role(
        world["mineros_staff"], election, world["usw_officer"].person,
        "credential_authority",
    )  # fmt: skip
    Election.objects.filter(pk=election.pk).update(
        codes_seen_by_server_at=timezone.now()
    )
    election.refresh_from_db()
    text = _text(certificate_pdf(election))
    assert "Credential authority: outside the unions holding the vote." in text
    assert "sent by Alianza's server, which therefore saw them" in text


def test_the_actas_languages_follow_the_votes_country_and_language(world):
    """Mexico: Spanish first, the vote's language beside it (French when the union
    chose French), else English. Elsewhere: the vote's language, then English (or
    Spanish beside an English vote)."""
    from alianza.elections.certificate import acta_languages

    election = new_election(world, voters=2)
    assert election.country == "MX"
    assert acta_languages(election) == ("es", "en")
    Election.objects.filter(pk=election.pk).update(language="fr")
    election.refresh_from_db()
    assert acta_languages(election) == ("es", "fr")
    text = _text(certificate_pdf(election))
    assert "Acta de resultados de la consulta" in text
    assert "Procès-verbal des résultats du scrutin" in text
    assert "Record of the results of the vote" not in text
    abroad = Election.objects.create(
        organisation=world.usw, kind="strike", title="Hayden", question="Strike?",
        language="en", answers=["Yes", "No"],
        opens_at=election.opens_at, closes_at=election.closes_at,
    )  # fmt: skip
    assert abroad.country != "MX"
    assert acta_languages(abroad) == ("en", "es")
    abroad.language = "fr"
    assert acta_languages(abroad) == ("fr", "en")
