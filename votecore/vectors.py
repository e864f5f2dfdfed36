"""Test vectors with fixed randomness, for a second implementation (the booth).

``python -m votecore.vectors [DIR]`` writes them as JSON files into ``DIR``
(by default ``docs/voting-protocol-vectors/``, where they are published with
the specification and where a test checks that they are still what this code
produces). Every random scalar is
``derive_scalar(seed, label)``: SHA-512(seed || 0x00 || label) mod L.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import authority, ballot, credentials, elgamal, group, proofs, sample
from .board import EVENT_TYPES as EVENTS
from .board import Board
from .election import Election, make_params
from .encoding import (
    BODY_KEYS,
    TAG_CHOICE,
    canonical,
    hash_to_scalar,
    signed_message,
    tracker,
)
from .group import L, Scalar, derive_scalar

SEED = b"alianza-votecore test vectors"
# Published with the specification, beside docs/voting-protocol.md.
PUBLISHED = Path(__file__).resolve().parents[1] / "docs" / "voting-protocol-vectors"
P = 2**255 - 19


STRINGS = [
    '"\\/\b\f\n\r\t',
    "\u0000\u001f\u007f\u0080\u00a0",
    "\u2028\u2029",
    "😀 Pasta de Conchos, Río Sonora — «sí» ¿ñ?",
    "</script><!--",
    "\ufeff\ufffe\uffff",
]


def _counter(label: str) -> Iterator[Scalar]:
    i = 0
    while True:
        yield derive_scalar(SEED, f"{label}/{i}")
        i += 1


def encodings() -> dict[str, Any]:
    scalars = [derive_scalar(SEED, f"scalar/{i}") for i in range(4)]
    return {
        "description": "scalars are 32-byte little-endian below L; points are compressed Ed25519",
        "seed": SEED.decode(),
        "derivation": "derive_scalar(label) = int_le(SHA-512(utf8(seed) || 0x00 || utf8(label))) mod L",
        "L": str(L),
        "derived_scalars": [
            {
                "label": f"scalar/{i}",
                "scalar": group.scalar_hex(s),
                "times_G": group.base(s).hex(),
            }
            for i, s in enumerate(scalars)
        ],
        "small_multiples": [{"m": m, "point": group.small(m).hex()} for m in range(6)],
        "sum": {
            "a": group.base(scalars[0]).hex(),
            "b": group.base(scalars[1]).hex(),
            "a_plus_b": group.add(group.base(scalars[0]), group.base(scalars[1])).hex(),
        },
        "invalid_points": {
            "identity": group.IDENTITY.hex(),
            "order_2": (P - 1).to_bytes(32, "little").hex(),
            "non_canonical_y": (P + 1).to_bytes(32, "little").hex(),
            "mixed_order": group.add(
                group.base(scalars[0]), (P - 1).to_bytes(32, "little")
            ).hex(),
            "not_on_curve": (2).to_bytes(32, "little").hex(),
        },
        "invalid_scalars": {
            "L": L.to_bytes(32, "little").hex(),
            "L_plus_1": (L + 1).to_bytes(32, "little").hex(),
            "all_ff": "ff" * 32,
        },
    }


def hashes() -> dict[str, Any]:
    value = {
        "election": "00" * 32,
        "credential": "",
        "statement": {"question": 0, "text": "¿Sí o no?", "values": [0, 1]},
        "commitments": [group.G.hex()],
    }
    return {
        "description": "hash_to_scalar(tag, v) = SHA-512('alianza-votecore/v1/' + tag + 0x00 + canonical(v)) mod L",
        "cases": [
            {
                "tag": tag,
                "value": value,
                "canonical_utf8_hex": canonical(value).hex(),
                "scalar": group.scalar_hex(hash_to_scalar(tag, value)),
            }
            for tag in (TAG_CHOICE, "overall", "decryption")
        ],
        # Where encoders disagree unless told: escapes, DEL, the line and
        # paragraph separators, characters beyond U+FFFF, a script end tag.
        "strings": [
            {"value": text, "canonical_utf8_hex": canonical(text).hex()}
            for text in STRINGS
        ],
        "lone_surrogate_json": '["\\ud800", "\\udc00x"]',
        "lone_surrogate": "a string with an unpaired surrogate has no canonical encoding: refused",
    }


def election_fixture() -> tuple[Election, Scalar]:
    params = make_params(
        "vectors-2026",
        "Test vectors",
        [
            {"text": "Ratify?", "answers": ["Yes", "No"], "min": 1, "max": 1},
            {
                "text": "Pick up to two",
                "answers": ["A", "B", "C"],
                "min": 1,
                "max": 2,
                "blank": True,
            },
        ],
    )
    x = derive_scalar(SEED, "election secret key")
    return Election(params, group.base(x)), x


def ballots() -> dict[str, Any]:
    election, x = election_fixture()
    secret = "3Kx9QmWzP7vTsD2aHjRc"  # noqa: S105 - a published test credential
    choices = [[1, 0], [0, 1, 1]]
    stream = _counter("ballot")
    used: list[str] = []

    def rng() -> Scalar:
        s = next(stream)
        used.append(group.scalar_hex(s))
        return s

    # The vector's ballot is a re-vote: it replaces the credential's first.
    first_stream = _counter("first ballot")
    first, _ = ballot.create(
        election, secret, [[0, 1], [1, 0, 0]], lambda: next(first_stream)
    )
    replaces = tracker(first)
    body, randomness = ballot.create(election, secret, choices, rng, replaces=replaces)
    unsigned = {k: body[k] for k in BODY_KEYS}
    return {
        "seed": SEED.decode(),
        "randomness_labels": "randomness[i] = derive_scalar('ballot/' + str(i)), see encodings.json",
        "description": "a re-vote: 'ballot' replaces 'first_ballot' (its 'replaces' is the first ballot's tracker). rng returns randomness[0], randomness[1], ... in order: per question, per explicit answer: r, then the proof nonces (c, s of the false branch, then w), then the overall proof nonces; last the signature nonce",
        "params": election.params,
        "election_secret_key": group.scalar_hex(x),
        "public_key": election.public_key.hex(),
        "fingerprint": election.fingerprint,
        "secret_credential": secret,
        "credential_scalar": group.scalar_hex(
            credentials.secret_scalar(election.params["id"], secret)
        ),
        "public_credential": body["credential"],
        "first_ballot": first,
        "replaces": replaces,
        "choices": choices,
        "randomness": used,
        "ballot": body,
        "signed_message_hex": signed_message(unsigned).hex(),
        "tracker": tracker(body),
        "audit": ballot.audit_record(body, randomness, choices),
    }


def signature() -> dict[str, Any]:
    x = derive_scalar(SEED, "signature key")
    nonce = derive_scalar(SEED, "signature nonce")
    public = group.base(x)
    message = b"alianza-votecore/v1/ballot\x00{}"
    return {
        "description": "Ed25519 (RFC 8032 verification) with a raw scalar key: R = r*G, k = SHA-512(R||A||M) mod L, S = r + k*x",
        "secret_scalar": group.scalar_hex(x),
        "nonce": group.scalar_hex(nonce),
        "public": public.hex(),
        "message_hex": message.hex(),
        "signature": credentials.sign(x, public, message, nonce),
    }


def replacement() -> dict[str, Any]:
    """The credential authority's key and a signed replacement (§5.1)."""
    election, _ = election_fixture()
    eid = election.params["id"]
    code = "7HvQp2LmXa9RtKc4WzNd"  # noqa: S105 - a published test authority code
    old = credentials.public_credential(eid, "3Kx9QmWzP7vTsD2aHjRc")
    new = credentials.public_credential(eid, "Bq8sTn4VwYe6JhPk2Mfx")
    nonce = derive_scalar(SEED, "replacement nonce")
    payload = authority.sign_replacement(
        eid, election.fingerprint, code, old, new, "stolen", nonce
    )
    return {
        "description": "the authority's scalar a = hash_to_scalar('authority', {election, secret}), its key A = a*G, and a credential_replaced payload signed with a (Ed25519 with a raw scalar, the nonce given)",
        "election_id": eid,
        "fingerprint": election.fingerprint,
        "authority_code": code,
        "authority_scalar": group.scalar_hex(authority.authority_scalar(eid, code)),
        "authority_key": authority.authority_key(eid, code),
        "nonce": group.scalar_hex(nonce),
        "signed_message_hex": authority.replacement_message(
            election.fingerprint, old, new, "stolen"
        ).hex(),
        "payload": payload,
    }


def decryption() -> dict[str, Any]:
    election, x = election_fixture()
    r = derive_scalar(SEED, "decryption r")
    ct = elgamal.encrypt(election.public_key, 3, r)
    factor = group.mul(ct[0], x)
    statement = {
        "trustee": 1,
        "verification_key": election.public_key.hex(),
        "alpha": ct[0].hex(),
        "factor": factor.hex(),
    }
    proof = proofs.prove_dleq(
        proofs.Context("decryption", election.fingerprint, "", statement),
        x,
        ct[0],
        derive_scalar(SEED, "decryption nonce"),
    )
    return {
        "description": "a one-trustee decryption factor of Enc(3) with its Chaum-Pedersen proof",
        "fingerprint": election.fingerprint,
        "ciphertext": elgamal.encode(ct),
        "statement": statement,
        "proof": proof,
        "plaintext": 3,
    }


def generate() -> dict[str, dict[str, Any]]:
    return {
        "encodings.json": encodings(),
        "hashes.json": hashes(),
        "ballot.json": ballots(),
        "signature.json": signature(),
        "replacement.json": replacement(),
        "decryption.json": decryption(),
    }


# -- whole boards ------------------------------------------------------------
# Boards use fresh credentials and keys, so they are made once (``--boards``)
# and kept; a test checks that the verifier still gives each its outcome.


def _rechain(events: list[dict[str, Any]]) -> bytes:
    out = Board()
    for event in events:
        out.append(event["type"], event["payload"])
    return out.to_bytes()


def boards() -> tuple[dict[str, bytes], list[dict[str, Any]]]:
    """Sample boards, finished, running and tampered, with what a verifier
    must say of each."""
    made, _ = sample.build(4, trustee_count=3, threshold=2, revote_share=0.5, seed=2026)
    events = [json.loads(line) for line in made.to_bytes().splitlines()]
    seqs = {kind: [e["seq"] for e in events if e["type"] == kind] for kind in EVENTS}
    by_credential: dict[str, list[int]] = {}
    for seq in seqs["ballot"]:
        by_credential.setdefault(events[seq]["payload"]["credential"], []).append(seq)
    first, second = next(s[:2] for s in by_credential.values() if len(s) > 1)
    running = events[: seqs["ballot"][-1] + 1]
    swapped = list(running)
    swapped[first], swapped[second] = running[second], running[first]
    forged_at = seqs["ballot"][1]
    forged = json.loads(json.dumps(running[forged_at]))
    forged["payload"]["signature"] = "00" * 32 + forged["payload"]["signature"][64:]
    (reveal,) = seqs["reveal"]
    unasked = json.loads(json.dumps(events[reveal]))
    unasked["payload"]["to"] = unasked["payload"]["trustee"]
    files = {
        "complete.jsonl": made.to_bytes(),
        "running.jsonl": _rechain(running),
        "re-vote-reordered.jsonl": _rechain(swapped),
        "running-forged-signature.jsonl": _rechain(
            running[:forged_at] + [forged] + running[forged_at + 1 :]
        ),
        "re-vote-replayed.jsonl": _rechain(running + [events[first]]),
        "reveal-without-complaint.jsonl": _rechain(
            events[:reveal] + [unasked] + events[reveal + 1 :]
        ),
    }
    manifest = [
        {"board": "complete.jsonl", "outcome": "verifies", "head": events[-1]["hash"],
         "counts": events[-1]["payload"]["counts"]},
        {"board": "running.jsonl", "outcome": "valid so far", "next": "close",
         "head": running[-1]["hash"]},
        {"board": "re-vote-reordered.jsonl", "outcome": "fails", "event": first,
         "why": "a re-voter's two ballots swapped: the chain is broken"},
        {"board": "running-forged-signature.jsonl", "outcome": "fails",
         "event": forged_at, "why": "a running election's board with a forged signature"},
        {"board": "re-vote-replayed.jsonl", "outcome": "fails", "event": len(running),
         "why": "a replaced ballot posted again after the re-vote"},
        {"board": "reveal-without-complaint.jsonl", "outcome": "fails", "event": reveal,
         "why": "a share revealed that nobody complained about"},
    ]  # fmt: skip
    return files, manifest


def credential_boards() -> tuple[dict[str, bytes], list[dict[str, Any]]]:
    """A code replaced mid-vote and provisional ballots (``sample.credential_events``),
    and the same board tampered with."""
    events, at = sample.credential_events()

    def board_of(items: list[tuple[str, Any]]) -> bytes:
        return _rechain([{"type": k, "payload": p} for k, p in items])

    eid = events[0][1]["id"]
    fp = next(payload["fingerprint"] for kind, payload in events if kind == "key")
    replaced = events[at["replaced"]][1]
    forged = authority.sign_replacement(
        eid, fp, credentials.new_secret(),
        replaced["old"], replaced["new"], replaced["reason"],
    )  # fmt: skip
    alone = dict(events[at["decided p"]][1])
    alone["observer"] = alone["administrator"]
    undecided = events[: at["decided p"]] + [events[at["decided q"]]]
    files = {
        "replaced-and-provisional.jsonl": board_of(events),
        "replacement-forged.jsonl": board_of(
            events[: at["replaced"]]
            + [("credential_replaced", forged)]
            + events[at["replaced"] + 1 :]
        ),
        "provisional-decided-by-one.jsonl": board_of(
            events[: at["decided p"]]
            + [("provisional_decided", alone)]
            + events[at["decided p"] + 1 :]
        ),
        "provisional-undecided-at-close.jsonl": board_of(
            undecided + events[at["close"] :]
        ),
    }
    manifest = [
        {"board": "replaced-and-provisional.jsonl", "outcome": "verifies",
         "head": json.loads(board_of(events).splitlines()[-1])["hash"],
         "counts": events[-1][1]["counts"],
         "why": "a stolen code replaced mid-vote (its thief's ballot not counted, "
                "the new code's counted with the old one's weight); a provisional "
                "ballot accepted by the administrator and an observer (counted) "
                "and one rejected (not counted)"},
        {"board": "replacement-forged.jsonl", "outcome": "fails",
         "event": at["replaced"],
         "why": "a replacement not signed by the credential authority"},
        {"board": "provisional-decided-by-one.jsonl", "outcome": "fails",
         "event": at["decided p"],
         "why": "a provisional ballot accepted by one person only"},
        {"board": "provisional-undecided-at-close.jsonl", "outcome": "fails",
         "event": at["close"] - 1,
         "why": "the vote closed with a provisional ballot undecided"},
    ]  # fmt: skip
    return files, manifest


def write_boards(out: Path, made: Any = None) -> None:
    """Write the sample boards (``made``: a function giving some of them) and
    add them to the manifest; a board written before under another name stays."""
    folder = out / "boards"
    folder.mkdir(parents=True, exist_ok=True)
    files, manifest = (made or _all_boards)()
    path = folder / "boards.json"
    if path.exists():
        kept = json.loads(path.read_text(encoding="utf-8"))["boards"]
        manifest = [e for e in kept if e["board"] not in files] + manifest
    for name, data in files.items():
        (folder / name).write_bytes(data)
    path.write_text(render({"boards": manifest}), encoding="utf-8")


def _all_boards() -> tuple[dict[str, bytes], list[dict[str, Any]]]:
    files, manifest = boards()
    more, listed = credential_boards()
    return files | more, manifest + listed


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    make_boards = "--boards" in args
    args = [a for a in args if a != "--boards"]
    out = Path(args[0]) if args else PUBLISHED
    if make_boards:
        write_boards(out)
        print(f"wrote sample boards to {out / 'boards'}")
        return 0
    out.mkdir(parents=True, exist_ok=True)
    for name, data in generate().items():
        (out / name).write_text(render(data), encoding="utf-8")
    print(f"wrote {len(generate())} files to {out}")
    return 0


if __name__ == "__main__":
    from votecore.vectors import main as _main

    sys.exit(_main())
