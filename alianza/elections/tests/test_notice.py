"""The notice the law asks before a vote, the vote's public page with the agreement's
text, and what the credential letters and messages tell the voter."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from alianza.accounts.models import User
from alianza.elections import actions
from alianza.elections.delivery import texts_for_the_authority
from alianza.elections.models import Election
from alianza.lib import sms

from .helpers import new_election, ready_to_vote
from .test_pages import _published, _with_document


def english(*users) -> None:
    User.objects.filter(pk__in=[u.pk for u in users]).update(language="en")
    for user in users:
        user.refresh_from_db()


def _officers(world, days_ahead=0, **extra) -> Election:
    """Los Mineros' election of officers at Sección 65 (Mexico)."""
    now = timezone.now()
    return actions.create_election(
        world["mineros_staff"], world.mineros, kind="officers",
        title="Comité Ejecutivo Local", question="¿Qué planilla elige?",
        answers=["Planilla Azul", "Planilla Blanca"], unit=world.section65,
        opens_at=now + timedelta(days=days_ahead, minutes=1),
        closes_at=now + timedelta(days=days_ahead + 1), language="es", **extra,
    )  # fmt: skip


def test_a_legitimation_needs_its_text_ten_days_ahead_like_an_approval(world):
    english(world["mineros_staff"])
    with pytest.raises(ValidationError, match="text of the agreement"):
        new_election(world, kind="legitimation", covered=10)
    late = _with_document(world)
    late["notice_on"] = timezone.localdate() - timedelta(days=5)
    with pytest.raises(ValidationError, match="390 Ter"):
        new_election(world, kind="legitimation", covered=10, **late)
    assert new_election(world, kind="legitimation", covered=10, **_with_document(world))


def test_an_election_of_officers_in_mexico_needs_its_call_and_its_roll_in_time(world):
    english(world["mineros_staff"])
    today = timezone.localdate()
    with pytest.raises(ValidationError) as no_call:
        _officers(world)
    assert "notice_on" in no_call.value.message_dict
    with pytest.raises(ValidationError) as late_roll:
        _officers(world, notice_on=today - timedelta(days=10), roll_published_on=today)
    assert "371" in late_roll.value.message_dict["roll_published_on"][0]
    election = _officers(
        world,
        notice_on=today - timedelta(days=10),
        roll_published_on=today - timedelta(days=3),
    )
    assert election.country == "MX"


def test_an_election_of_officers_in_the_united_states_needs_fifteen_days(world):
    english(world["usw_staff"])
    now = timezone.now()
    details = dict(
        kind="officers", title="Local 915 officers", question="Who?",
        answers=["A", "B"], unit=world.local, opens_at=now + timedelta(minutes=1),
        closes_at=now + timedelta(days=1), language="en",
    )  # fmt: skip
    with pytest.raises(ValidationError, match="15 days"):
        actions.create_election(
            world["usw_staff"], world.usw,
            notice_on=timezone.localdate() - timedelta(days=10), **details,
        )  # fmt: skip
    assert actions.create_election(
        world["usw_staff"], world.usw,
        notice_on=timezone.localdate() - timedelta(days=15), **details,
    )  # fmt: skip


def test_a_vote_cannot_open_before_its_announced_start(world, client):
    english(world["mineros_staff"])
    later = new_election(world, voters=2)
    start = timezone.now() + timedelta(hours=2)
    Election.objects.filter(pk=later.pk).update(
        opens_at=start, time_zone="America/Hermosillo"
    )
    with pytest.raises(ValidationError) as early:
        ready_to_vote(world, later)
    words = str(early.value)
    assert "cannot open before its announced start" in words
    assert "Mexico (Hermosillo) Time" in words  # the zone is named
    later.refresh_from_db()
    assert later.is_ready_to_open

    # The same refusal through the page and through the API.
    client.force_login(world["mineros_staff"])
    page = client.post(
        reverse("elections:step", args=[later.uid]), {"do": "open"}, follow=True
    )
    assert "cannot open before its announced start" in page.content.decode()
    token = _token(world["mineros_staff"])
    answer = client.post(
        f"/api/v1/elections/{later.uid}/steps", {"step": "open"},
        content_type="application/json", headers={"authorization": f"Bearer {token}"},
    )  # fmt: skip
    assert answer.status_code == 422
    assert "announced start" in answer.content.decode()
    later.refresh_from_db()
    assert later.is_ready_to_open

    Election.objects.filter(pk=later.pk).update(opens_at=timezone.now())
    opened = client.post(
        f"/api/v1/elections/{later.uid}/steps", {"step": "open"},
        content_type="application/json", headers={"authorization": f"Bearer {token}"},
    )  # fmt: skip
    assert opened.status_code == 200 and opened.json()["status"] == "open"


def _token(user) -> str:
    from alianza.accounts.actions import create_token

    return create_token(user, "steps")[1]


def test_a_vote_whose_notice_has_not_run_is_not_opened(world):
    """Announced twelve days ahead with the text given today, then brought forward:
    the opening is refused, and the reader is told from when it may open."""
    english(world["mineros_staff"])
    today = timezone.localdate()
    document = _with_document(world)["contract_document"]
    now = timezone.now()
    election = actions.create_election(
        world["mineros_staff"], world.mineros, kind="contract_approval",
        title="Contrato", question="¿Aprueba?", covered_workers=2,
        contract_document=document, notice_on=today,
        opens_at=now + timedelta(days=12), closes_at=now + timedelta(days=13),
        language="es",
    )  # fmt: skip
    from alianza.elections.models import Voter

    for n in range(2):
        Voter.objects.create(election=election, name=f"T{n}", worker_number=f"{n}")
    Election.objects.filter(pk=election.pk).update(opens_at=now - timedelta(minutes=1))
    election.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        ready_to_vote(world, election)
    message = " ".join(refused.value.messages)
    assert "390 Ter" in message and "the vote may open from" in message


def test_the_public_page_of_a_vote_links_the_agreement_for_everyone(client, world):
    election = new_election(world, kind="contract_revision", voters=2, covered=2,
                            place="Casa sindical, Av. Juárez 12", **_with_document(world))  # fmt: skip
    url = reverse("elections:notice", args=[election.uid])
    page = client.get(url, headers={"accept-language": "en"})  # nobody signed in
    body = page.content.decode()
    assert page.status_code == 200
    text = reverse("elections:agreement", args=[election.uid])
    assert f'href="{text}"' in body and "Read the text of the agreement" in body
    assert "Mexico (Mexico City) Time" in body  # the clock named
    assert "Casa sindical, Av. Juárez 12" in body
    assert reverse("elections:booth", args=[election.uid]) in body
    download = client.get(text)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 contrato"

    # Before the day voters are notified the text is not out yet.
    Election.objects.filter(pk=election.pk).update(
        notice_on=timezone.localdate() + timedelta(days=1)
    )
    assert client.get(text).status_code == 404
    assert f'href="{text}"' not in client.get(url).content.decode()
    # A vote with no agreement has no text to give.
    strike = new_election(world, voters=1)
    assert (
        client.get(reverse("elections:agreement", args=[strike.uid])).status_code == 404
    )


def test_the_letters_and_messages_say_when_where_and_how_to_get_the_text(
    world, settings
):
    settings.SMS_BACKEND = "alianza.lib.sms.LocmemBackend"
    election = new_election(world, kind="contract_revision", voters=2, covered=2,
                            place="Casa sindical, Av. Juárez 12", **_with_document(world))  # fmt: skip
    parties = ready_to_vote(world, election)
    voters = list(election.voters.order_by("pk"))
    voters[0].email, voters[0].language = "gloria@example.org", "en"
    voters[1].phone, voters[1].language = "+525512345678", "en"
    for voter in voters:
        voter.save()
    server = "https://alianza.example"
    notice = server + reverse("elections:notice", args=[election.uid])
    election.refresh_from_db()
    actions.deliver(parties["authority"], election, parties["secrets"], "email", server)
    (email,) = mail.outbox
    opens = election.opens_at.astimezone(election.zone)
    assert f"{opens:%Y}" in email.body and "Mexico (Mexico City) Time" in email.body
    assert "Casa sindical, Av. Juárez 12" in email.body
    assert notice in email.body and "text of the agreement" in email.body
    sms.outbox.clear()
    actions.deliver(parties["authority"], election, parties["secrets"], "sms", server)
    (text,) = sms.outbox
    assert parties["secrets"][voters[1].pk] in text.body
    assert "Mexico (Mexico City) Time" in text.body and notice in text.body
    with translation.override("en"):
        texts = texts_for_the_authority(election, server)
    letter = " ".join(texts["languages"]["en"]["letter"])
    assert notice in letter and "{code}" in letter and "{name}" in letter
    assert "Casa sindical, Av. Juárez 12" in texts["languages"]["es"]["sms"]


def test_the_record_of_results_prints_the_real_close_each_column_in_its_language(
    client, world
):
    election, _trackers = _published(world)
    closed = election.actual_close
    assert closed is not None and closed < election.closes_at  # closed early
    pdf = client.get(
        reverse("elections:certificate", args=[election.uid]),
        headers={"accept-language": "fr"},  # the reader's language changes nothing
    )
    text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf.content)).pages)
    flat = " ".join(text.split())
    assert "Record of the results of the vote" in flat
    assert "Certificate" not in flat and "Constancia" not in flat
    assert "Mexico (Mexico City) Time" in flat  # the English column's zone
    assert "hora de México (Ciudad de México)" in flat  # the Spanish column's
    local = closed.astimezone(election.zone)
    assert f"{local.hour}:{local:%M}" in flat or f"{local:%H:%M}" in flat
    with translation.override("es"):
        yes = translation.gettext("Yes")
    assert "Yes: 3" in flat and f"{yes}: 3" in flat  # each column's own answers
    assert "Oui" not in flat


def test_the_record_of_results_counts_only_the_lines_that_vote(client, world):
    """Lines the law excludes (art. 931) are not voters on the roll; the record
    says how many there were."""
    election, _trackers = _published(world)
    on_the_roll = election.voters.count()
    election.voters.create(name="Confianza", excluded="confidence")
    pdf = client.get(
        reverse("elections:certificate", args=[election.uid]),
        headers={"accept-language": "en"},
    )
    text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf.content)).pages)
    flat = " ".join(text.split())
    assert f"Workers on the roll: {on_the_roll} " in flat
    assert "excluded by law (LFT art. 931): 1" in flat


def test_the_public_board_names_its_events_in_words(client, world):
    election, _trackers = _published(world)
    body = client.get(
        reverse("elections:board", args=[election.uid]),
        headers={"accept-language": "en"},
    ).content.decode()
    for words in ("The election key", "A ballot", "The voters&#x27; public credentials",
                  "A trustee&#x27;s decryption share", "The result"):  # fmt: skip
        assert words in body
    assert "<td>ballot</td>" not in body


def test_the_times_of_a_new_vote_are_entered_on_its_own_clock(client, world):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    english(world["mineros_staff"])
    client.force_login(world["mineros_staff"])
    client.post(
        reverse("elections:election_new") + "?organisation=los-mineros",
        {"kind": "strike", "title": "Huelga en Cananea", "question": "¿Huelga?",
         "language": "es", "choose_max": "1", "time_zone": "America/Hermosillo",
         "place": "Casa sindical de Cananea", "opens_at": "2030-01-10T08:00",
         "closes_at": "2030-01-10T18:00", "trustee_count": "3", "threshold": "2"},
    )  # fmt: skip
    election = Election.objects.get(title="Huelga en Cananea")
    hermosillo = ZoneInfo("America/Hermosillo")
    assert election.opens_at == datetime(2030, 1, 10, 8, tzinfo=hermosillo)
    assert election.place == "Casa sindical de Cananea"
    assert "Mexico (Hermosillo) Time" in election.opens_in_words
