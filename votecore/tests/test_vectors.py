import hashlib
import json

import pytest
from nacl.signing import VerifyKey

from votecore import ballot, vectors, verify
from votecore.election import Election
from votecore.encoding import EncodingError, canonical
from votecore.group import L

DIR = vectors.PUBLISHED


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


def test_vector_randomness_is_derived_from_the_stated_seed() -> None:
    encodings = json.loads((DIR / "encodings.json").read_text(encoding="utf-8"))
    data = json.loads((DIR / "ballot.json").read_text(encoding="utf-8"))
    seed = encodings["seed"].encode()

    def derive(label: str) -> str:
        digest = hashlib.sha512(seed + b"\x00" + label.encode()).digest()
        return (int.from_bytes(digest, "little") % L).to_bytes(32, "little").hex()

    assert [derive(x["label"]) for x in encodings["derived_scalars"]] == [
        x["scalar"] for x in encodings["derived_scalars"]
    ]
    assert [derive(f"ballot/{i}") for i in range(len(data["randomness"]))] == data[
        "randomness"
    ]


def test_canonical_strings_and_lone_surrogates() -> None:
    data = json.loads((DIR / "hashes.json").read_text(encoding="utf-8"))
    for case in data["strings"]:
        assert canonical(case["value"]).hex() == case["canonical_utf8_hex"]
    for text in json.loads(data["lone_surrogate_json"]):
        with pytest.raises(EncodingError, match="surrogate"):
            canonical({"text": text})


def test_sample_boards_get_the_outcome_published_with_them() -> None:
    folder = DIR / "boards"
    manifest = json.loads((folder / "boards.json").read_text(encoding="utf-8"))
    outcomes = set()
    for entry in manifest["boards"]:
        report = verify.verify_bytes((folder / entry["board"]).read_bytes())
        outcomes.add(entry["outcome"])
        if entry["outcome"] == "verifies":
            assert report.ok and report.head == entry["head"], entry
            assert report.counts == entry["counts"]
        elif entry["outcome"] == "valid so far":
            assert report.valid_so_far and report.missing == entry["next"], entry
            assert report.head == entry["head"]
        else:
            assert report.failure is not None, entry
            assert report.failure.seq == entry["event"], (entry, report.failure)
    assert outcomes == {"verifies", "valid so far", "fails"}


def test_replacement_vector_is_plain_ed25519_by_the_authority_key() -> None:
    from votecore import authority

    data = json.loads((DIR / "replacement.json").read_text(encoding="utf-8"))
    key = VerifyKey(bytes.fromhex(data["authority_key"]))
    message = bytes.fromhex(data["signed_message_hex"])
    signature = bytes.fromhex(data["payload"]["signature"])
    assert key.verify(message, signature) == message
    authority.check_replacement(
        data["fingerprint"], data["authority_key"], data["payload"]
    )
    assert (
        authority.authority_key(data["election_id"], data["authority_code"])
        == (data["authority_key"])
    )
