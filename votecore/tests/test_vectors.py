import json
from pathlib import Path

from nacl.signing import VerifyKey

from votecore import ballot, vectors
from votecore.election import Election

DIR = Path(__file__).parent / "vectors"


def test_vector_files_are_what_the_code_produces() -> None:
    for name, data in vectors.generate().items():
        assert (DIR / name).read_text(encoding="utf-8") == vectors.render(data), name


def test_ballot_vector_verifies_and_audits() -> None:
    data = json.loads((DIR / "ballot.json").read_text(encoding="utf-8"))
    election = Election.from_json(data["params"], data["public_key"])
    assert election.fingerprint == data["fingerprint"]
    ballot.verify(election, data["ballot"])
    assert ballot.verify_audit(election, data["audit"]) == data["choices"]


def test_signature_vector_is_plain_ed25519() -> None:
    data = json.loads((DIR / "signature.json").read_text(encoding="utf-8"))
    key = VerifyKey(bytes.fromhex(data["public"]))
    message = bytes.fromhex(data["message_hex"])
    assert key.verify(message, bytes.fromhex(data["signature"])) == message
