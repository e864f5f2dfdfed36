import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from alianza.elections.actions import deliver

from .helpers import name_parties, new_election, ready_to_vote


def test_codes_go_by_e_mail_in_the_voters_language_and_the_server_saw_them(
    world, mailoutbox
):
    election = new_election(world, voters=3)
    election.voters.update(email="minero@example.org")
    election.voters.filter(name="Trabajador 1").update(
        language="en", email="worker@example.org"
    )
    parties = ready_to_vote(world, election)
    assert not election.server_saw_codes
    authority, secrets = parties["authority"], parties["secrets"]
    assert (
        deliver(authority, election, secrets, "email", "https://alianza.example.org/")
        == 3
    )
    english = next(m for m in mailoutbox if m.to == ["worker@example.org"])
    assert "Your secret voting code" in english.body
    assert secrets[election.voters.get(name="Trabajador 1").pk] in english.body
    assert not election.voters.filter(credential_sent_by="").exists()
    election.refresh_from_db()
    assert election.server_saw_codes


def test_the_server_makes_no_letters_they_are_printed_in_the_authority_s_browser(
    world,
):
    election = new_election(world, voters=2)
    parties = ready_to_vote(world, election)
    with pytest.raises(ValueError):
        deliver(
            parties["authority"], election, parties["secrets"], "letters", "https://x/"
        )
    election.refresh_from_db()
    assert not election.server_saw_codes


def test_a_code_that_does_not_match_and_anyone_but_the_authority_are_refused(world):
    election = new_election(world, voters=2)
    parties = ready_to_vote(world, election)
    secrets = dict(parties["secrets"])
    first = next(iter(secrets))
    with pytest.raises(PermissionDenied):
        deliver(world["mineros_staff"], election, secrets, "email", "https://x/")
    secrets[first] = secrets[first][::-1]
    with pytest.raises(ValidationError, match="does not match"):
        deliver(parties["authority"], election, secrets, "email", "https://x/")


def test_codes_go_by_text_message_to_a_phone(world):
    from alianza.lib import sms

    election = new_election(world, voters=2)
    election.voters.filter(name="Trabajador 0").update(phone="+52 645 111 2222")
    parties = ready_to_vote(world, election)
    sent = deliver(
        parties["authority"], election, parties["secrets"], "sms", "https://a.example/"
    )
    assert sent == 1
    message = sms.outbox[-1]
    code = parties["secrets"][election.voters.get(name="Trabajador 0").pk]
    assert message.to == "+52 645 111 2222" and code in message.body


def test_the_authority_s_page_has_what_her_browser_needs_for_letters_and_sms(
    client, world
):
    import json

    from django.urls import reverse

    election = new_election(world, voters=2)
    election.voters.filter(name="Trabajador 1").update(
        phone="+52 645 111 2222", language="en"
    )
    parties = name_parties(world, election)
    client.force_login(parties["authority"])
    html = client.get(reverse("elections:authority", args=[election.uid])).content
    page = html.decode()

    def script(name: str):
        start = page.index(f'id="{name}"')
        start = page.index(">", start) + 1
        return json.loads(page[start : page.index("</script>", start)])

    texts = script("delivery-texts")
    assert set(texts["languages"]) == {"en", "es", "fr"}
    assert texts["booth"].endswith(reverse("elections:booth", args=[election.uid]))
    english = texts["languages"]["en"]
    assert "{code}" in english["sms"] and "Your secret voting code" in english["sms"]
    assert english["letter"][3] == "{code}" and "{name}" in english["letter"][1]
    assert "{name}" in english["window"]
    roll = {v["name"]: v for v in script("voters")}
    assert roll["Trabajador 1"]["phone"] == "+52 645 111 2222"
    assert roll["Trabajador 1"]["language"] == "en"
