"""The trustee's page: for the election's trustees only, in the trustee's language,
with the steps of the ceremony; its script posts to the API endpoint the
trustee's program uses (a signed-in session with its CSRF token)."""

import json

from django.urls import reverse

from alianza.accounts.models import User
from alianza.elections import actions, selectors
from alianza.elections.trustee import next_step
from votecore import trustees as vt

from .helpers import name_parties, new_election


def with_two_factors(user) -> None:
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )


def test_the_trustee_page_shows_her_place_and_the_steps(client, world):
    election = new_election(world, voters=1)
    parties = name_parties(world, election)
    second = parties["trustees"][1]
    User.objects.filter(pk=second.pk).update(language="en")
    with_two_factors(second)
    url = reverse("elections:trustee", args=[election.uid])
    client.force_login(second)
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Trustee 2 of 3" in html
    assert 'data-index="2"' in html
    assert f'data-ceremony-url="/api/v1/elections/{election.uid}/ceremony"' in html
    assert "alianza/booth/trustee.js" in html
    assert "Make my key" in html and "Save my secret file" in html
    # The election's page leads her there.
    home = client.get(reverse("elections:election", args=[election.uid]))
    assert url in home.content.decode()


def test_the_trustee_page_in_french(client, world):
    election = new_election(world, voters=1)
    parties = name_parties(world, election)
    first = parties["trustees"][0]
    User.objects.filter(pk=first.pk).update(language="fr")
    with_two_factors(first)
    client.force_login(first)
    page = client.get(reverse("elections:trustee", args=[election.uid]))
    assert page.status_code == 200
    assert '<html lang="fr"' in page.content.decode()


def test_a_trustee_without_two_factor_authentication_is_asked_to_set_it_up(
    client, world
):
    election = new_election(world, voters=1)
    parties = name_parties(world, election)
    trustee = parties["trustees"][0]  # a member: the union does not ask her for it
    User.objects.filter(pk=trustee.pk).update(language="en")
    client.force_login(trustee)
    url = reverse("elections:trustee", args=[election.uid])
    page = client.get(url, follow=True)
    assert page.redirect_chain[0] == (reverse("mfa_activate_totp"), 302)
    assert "A trustee signs in with two-factor authentication" in page.content.decode()
    with_two_factors(trustee)
    assert client.get(url).status_code == 200


def test_only_the_election_s_trustees_see_the_page(client, world):
    election = new_election(world, voters=1)
    parties = name_parties(world, election)
    url = reverse("elections:trustee", args=[election.uid])
    client.force_login(world["mineros_staff"])  # its administrator, not a trustee
    assert client.get(url).status_code == 403
    client.force_login(parties["authority"])
    assert client.get(url).status_code == 403
    for outsider in ("usw_staff", "outsider"):
        client.force_login(world[outsider])
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_the_page_s_session_posts_a_trustee_s_message(world):
    """The page's requests: GET and POST .../ceremony with the session cookie and
    the CSRF token, as its script sends them (no API token)."""
    from django.test import Client

    election = new_election(world, voters=1)
    parties = name_parties(world, election)
    actions.begin_ceremony(world["mineros_staff"], election)
    election.refresh_from_db()
    trustee = parties["trustees"][0]
    with_two_factors(trustee)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(trustee)
    browser.get(reverse("elections:trustee", args=[election.uid]))
    url = f"/api/v1/elections/{election.uid}/ceremony"
    state = browser.get(url).json()
    assert state["you"] == 1 and state["announcements"] == []
    step, message, _private = next_step(1, None, state)
    body = json.dumps({"step": step, "payload": message})
    refused = browser.post(url, body, content_type="application/json")
    assert refused.status_code == 403  # no CSRF token
    token = browser.cookies["csrftoken"].value
    sent = browser.post(
        url, body, content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert sent.status_code == 200, sent.content
    assert [a["trustee"] for a in sent.json()["announcements"]] == [1]
    assert selectors.ceremony_state(election)["announcements"] == [message]
    # Another trustee cannot speak for her.
    other = Client()
    other.force_login(parties["trustees"][1])
    forged = other.post(url, body, content_type="application/json")
    assert forged.status_code == 403


def test_the_election_page_shows_who_has_done_each_step_and_who_is_awaited(
    client, world
):
    election = new_election(world, voters=1)
    parties = name_parties(world, election)
    actions.begin_ceremony(world["mineros_staff"], election)
    election.refresh_from_db()
    User.objects.filter(pk=world["member"].pk).update(language="en")
    url = reverse("elections:election", args=[election.uid])
    client.force_login(world["member"])
    users = parties["trustees"]
    privates: dict = {}

    def take(user, tamper=None):
        index = selectors.trustee_index(user, election)
        state = selectors.ceremony_state(election)
        step, message, privates[index] = next_step(index, privates.get(index), state)
        actions.trustee_message(
            user, election, step, tamper(message) if tamper else message
        )

    take(users[0])
    progress = selectors.ceremony_progress(election)
    assert [row["awaited"] for row in progress] == [False, True, True]
    html = client.get(url).content.decode()
    assert html.count("data-awaited") == 2
    for user in users[1:]:
        take(user)

    def bad_share_for_three(message):
        message["shares"]["3"] = message["shares"]["1"]
        return message

    take(users[0])
    take(users[1], bad_share_for_three)
    take(users[2])
    for user in users:
        take(user)
    progress = selectors.ceremony_progress(election)
    # Everyone checked; only trustee 2 is awaited: she must answer the complaint.
    assert [row["awaited"] for row in progress] == [False, True, False]
    assert progress[2]["complained_against"] == [2] and progress[1]["accused"]
    deal = selectors.ceremony_messages(election, "deal")[0].payload
    html = client.get(url).content.decode()
    assert progress[0]["fingerprint"] in html
    assert progress[0]["fingerprint"] == vt.key_fingerprint(1, deal["commitments"][0])
    assert (
        "complaint against" in html
        and "must publish the share complained about" in html
    )
    take(users[1])
    election.refresh_from_db()
    assert election.key is not None
    assert not any(row["awaited"] for row in selectors.ceremony_progress(election))


def test_the_awaited_trustees_are_reminded_in_their_language(client, world, settings):
    from django.core import mail

    from alianza.lib import sms
    from alianza.orgs.models import ContactChannel

    settings.SMS_BACKEND = "alianza.lib.sms.LocmemBackend"
    sms.outbox.clear()
    election = new_election(world, voters=1)
    parties = name_parties(world, election)
    users = parties["trustees"]
    url = reverse("elections:remind_trustees", args=[election.uid])
    client.force_login(world["mineros_staff"])
    client.post(url)
    assert mail.outbox == []  # a draft awaits no trustee
    actions.begin_ceremony(world["mineros_staff"], election)
    election.refresh_from_db()
    User.objects.filter(pk=users[1].pk).update(language="es")
    ContactChannel.objects.create(
        person=users[1].person, kind="phone", value="+525512345678"
    )
    state = selectors.ceremony_state(election)
    _step, message, _private = next_step(1, None, state)
    actions.trustee_message(users[0], election, "announce", message)
    response = client.post(url)
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users[1:])
    link = f"/elections/{election.uid}/trustee/"
    assert all(link in m.body for m in mail.outbox)
    spanish = next(m for m in mail.outbox if m.to == [users[1].email])
    english = next(m for m in mail.outbox if m.to == [users[2].email])
    assert "trustee 3" in english.body
    assert [t.to for t in sms.outbox] == ["+525512345678"]
    assert sms.outbox[0].body == spanish.body
    # Only the election's managers remind; a trustee may not.
    other = reverse("elections:remind_trustees", args=[election.uid])
    client.force_login(users[0])
    assert client.post(other).status_code == 403


def test_the_credential_authority_s_page_says_what_she_must_never_keep(client, world):
    election = new_election(world, voters=1)
    parties = name_parties(world, election)
    User.objects.filter(pk=parties["authority"].pk).update(language="en")
    client.force_login(parties["authority"])
    page = client.get(reverse("elections:authority", args=[election.uid]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "What you must never keep" in html
    assert "delete the file and destroy any printout" in html
