from io import BytesIO

from django.urls import reverse
from pypdf import PdfReader

from alianza.elections import actions
from votecore import api as vc

from .helpers import new_election, ready_to_vote, run_trustees


def _published(world):
    election = new_election(world, kind="contract_revision", voters=4, covered=4,
                            **_with_document(world))  # fmt: skip
    parties = ready_to_vote(world, election)
    context = election.crypto()
    trackers = []
    for secret, choice in zip(
        parties["secrets"].values(), [[[1, 0]]] * 3 + [[[0, 1]]], strict=True
    ):
        trackers.append(actions.cast(election, vc.cast(context, secret, choice)[0]))
    actions.close_election(world["mineros_staff"], election)
    run_trustees(election, parties["trustees"], parties["privates"])
    election.refresh_from_db()
    actions.publish_result(world["mineros_staff"], election)
    return election, trackers


def _with_document(world):
    from datetime import timedelta

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from alianza.documents.actions import upload_document

    document = upload_document(
        world["mineros_staff"], world.mineros, title="Contrato colectivo", language="es",
        file=SimpleUploadedFile("contrato.pdf", b"%PDF-1.4 contrato", "application/pdf"),
    )  # fmt: skip
    return {
        "contract_document": document,
        "notice_on": timezone.localdate() - timedelta(days=11),
    }


def test_the_public_board_finds_a_tracker_and_the_certificate_states_the_rule(
    client, world
):
    election, trackers = _published(world)
    board = reverse("elections:board", args=[election.uid])
    page = client.get(
        board, {"tracker": trackers[0]}, headers={"accept-language": "en"}
    )
    assert page.status_code == 200
    body = page.content.decode()
    assert "Your ballot is on the board" in body and "it is the one that counts" in body
    assert f"--head {election.head_hash}" in body  # the head, for observers to note
    assert "Approved: 3 of the 4 covered workers voted yes; 3 were needed." in body
    missing = client.get(
        board, {"tracker": "0" * 64}, headers={"accept-language": "en"}
    )
    assert "No ballot with this tracker" in missing.content.decode()
    download = client.get(reverse("elections:board_download", args=[election.uid]))
    assert vc.verify_board(download.content).ok
    pdf = client.get(reverse("elections:certificate", args=[election.uid]))
    text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf.content)).pages)
    text = " ".join(text.split())  # wherever the lines wrap
    assert "Approved: 3 of the 4 covered workers voted yes" in text
    assert election.board.order_by("-seq").first().hash[:16] in text.replace("\n", "")


def test_participation_lists_who_voted_never_how(client, world):
    election, _trackers = _published(world)
    # The election's setting lets its managers see who voted.
    type(election).objects.filter(pk=election.pk).update(
        participation_visible_to="managers"
    )
    client.force_login(world["mineros_staff"])
    csv = client.get(
        reverse("elections:participation", args=[election.uid])
    ).content.decode("utf-8-sig")
    assert csv.splitlines()[0] == "name,worker_number,curp,voted,excluded"
    assert csv.count(",yes") == 4 and "Sí" not in csv


def test_a_contract_vote_needs_its_text_ten_days_ahead(world):
    from datetime import timedelta

    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="text of the agreement"):
        new_election(world, kind="contract_approval", covered=10)
    late = _with_document(world)
    late["notice_on"] = late["notice_on"] + timedelta(days=3)
    with pytest.raises(ValidationError, match="10 days"):
        new_election(world, kind="contract_approval", covered=10, **late)


def test_the_election_page_for_members_and_not_for_the_other_union(client, world):
    election = new_election(world, voters=2)
    url = reverse("elections:election", args=[election.uid])
    client.force_login(world["member"])
    assert client.get(url).status_code == 200
    client.force_login(world["usw_staff"])
    assert client.get(url).status_code == 404
    client.force_login(world["outsider"])
    assert client.get(url).status_code == 404


def test_a_correction_to_the_roll_from_its_page_is_recorded(client, world):
    from alianza.audit.models import AuditEntry

    election = new_election(world, voters=1)
    voter = election.voters.get()
    client.force_login(world["mineros_staff"])
    url = reverse("elections:voter_correct", args=[election.uid, voter.pk])
    client.post(
        url, {"name": "Gloria Hernández", "curp": "HEGG560427MVZRRL04", "weight": "1"}
    )
    voter.refresh_from_db()
    assert voter.name == "Gloria Hernández" and voter.curp == "HEGG560427MVZRRL04"
    entry = AuditEntry.objects.get(action="elections.voter_corrected")
    assert set(entry.data["after"]) == {"name", "curp"}  # only what changed
    client.post(url, {"name": "Gloria", "curp": "NOT-A-CURP"})
    voter.refresh_from_db()
    assert voter.name == "Gloria Hernández"  # refused whole: nothing half-saved


def test_the_public_board_shows_the_timeline(client, world):
    election, _trackers = _published(world)
    page = client.get(
        reverse("elections:board", args=[election.uid]),
        headers={"accept-language": "en"},
    )
    body = page.content.decode()
    assert "Timeline" in body and "Published" in body and "Trustees&#x27; keys" in body


def test_the_board_says_when_a_tracker_was_replaced_by_a_re_vote(client, world):
    election = new_election(world, voters=1)
    parties = ready_to_vote(world, election)
    context = election.crypto()
    secret = next(iter(parties["secrets"].values()))
    first = actions.cast(election, vc.cast(context, secret, [[1, 0]])[0])
    board = reverse("elections:board", args=[election.uid])
    page = client.get(board, {"tracker": first}, headers={"accept-language": "en"})
    assert "it is the one that counts" in page.content.decode()
    last = actions.cast(election, vc.cast(context, secret, [[0, 1]], first)[0])
    page = client.get(board, {"tracker": first}, headers={"accept-language": "en"})
    assert "a later ballot was cast with your code at" in page.content.decode()
    page = client.get(board, {"tracker": last}, headers={"accept-language": "en"})
    assert "it is the one that counts" in page.content.decode()
