"""Every voter gets a receipt on the channel the roll has for her (e-mail, text
message, both, or none) when her ballot is recorded: the tracker's first groups
and the board's link, in her language, never her choice."""

from django.urls import reverse

from alianza.elections import actions
from alianza.elections.selectors import ballot_with_tracker
from alianza.lib import sms
from votecore import api as vc

from .helpers import new_election, ready_to_vote

YES = [[1, 0]]


def _cast_for_each(election, parties, capture) -> list[str]:
    trackers = []
    for secret in parties["secrets"].values():
        with capture(execute=True):
            ballot = vc.cast(election.crypto(), secret, YES)[0]
            trackers.append(actions.cast(election, ballot))
    return trackers


def test_every_voter_gets_a_receipt_on_the_channel_she_has(
    world, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://alianza.example.org/"
    sms.outbox.clear()
    election = new_election(world, voters=4)
    mail_only, sms_only, both, neither = election.voters.order_by("pk")
    mail_only.email, mail_only.language = "gloria@example.org", "en"
    sms_only.phone, sms_only.language = "+526621234567", "en"
    both.email, both.phone, both.language = "rosa@example.org", "+525512345678", "es"
    for voter in (mail_only, sms_only, both):
        voter.save()
    parties = ready_to_vote(world, election)
    trackers = _cast_for_each(election, parties, django_capture_on_commit_callbacks)
    board = reverse("elections:board", args=[election.uid])

    def groups(tracker):
        return " ".join(tracker[i : i + 4] for i in range(0, 16, 4))

    assert [m.to for m in mailoutbox] == [["gloria@example.org"], ["rosa@example.org"]]
    english, spanish = mailoutbox
    assert english.subject == "Your ballot is on the board: Votación"
    assert groups(trackers[0]) in english.body
    link = f"https://alianza.example.org{board}?tracker={trackers[0][:16]}"
    assert link in english.body
    assert spanish.subject == "Su boleta está en el tablero público: Votación"
    assert groups(trackers[2]) in spanish.body
    assert [m.to for m in sms.outbox] == ["+526621234567", "+525512345678"]
    text = sms.outbox[0].body
    assert groups(trackers[1]) in text and f"{board}?tracker={trackers[1][:16]}" in text
    assert len(text) < 320  # two text messages at most
    # the receipt's link finds the ballot on the board
    assert ballot_with_tracker(election, trackers[1][:16]).tracker == trackers[1]
    # nothing tells how she voted (every one chose the first answer)
    assert election.answers[0] == "A favor"
    for message in [english.body, spanish.body] + [t.body for t in sms.outbox]:
        assert "favor" not in message.lower() and "Yes" not in message


def test_a_voter_without_e_mail_or_phone_gets_no_message(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    sms.outbox.clear()
    election = new_election(world, voters=1)
    parties = ready_to_vote(world, election)
    _cast_for_each(election, parties, django_capture_on_commit_callbacks)
    assert mailoutbox == [] and sms.outbox == []
