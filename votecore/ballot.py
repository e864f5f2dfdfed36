"""Ballots: encryption with proofs, signature, verification, cast-or-audit.

A ballot is the JSON object::

    {"election": FINGERPRINT, "credential": PUBLIC_CREDENTIAL,
     "replaces": TRACKER or null,
     "answers": [{"choices": [CIPHERTEXT, ...], "proofs": [PROOF, ...],
                  "overall": PROOF or null}, ...],
     "signature": SIGNATURE}

``replaces`` is the tracker of the credential's previous ballot (``null`` for
its first): the signature binds each ballot to its place in the credential's
chain, so that the operator cannot reorder a re-voter's ballots (docs
/voting-protocol.md §6).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import credentials, elgamal, group, proofs
from .election import Election, Layout
from .encoding import (
    BODY_KEYS,
    TAG_CHOICE,
    TAG_OVERALL,
    has_keys,
    is_hex,
    signed_message,
    tracker,
)
from .group import GroupError, Point, Scalar

Rng = Callable[[], Scalar]


class BallotError(ValueError):
    """A ballot that must be refused."""


class BallotReplayed(BallotError):
    """The very ballot is already on the board (sent twice, or replayed)."""


class BallotOutOfOrder(BallotError):
    """The ballot does not replace its credential's last ballot on the board (its
    code cast another ballot meanwhile, or an older one is replayed)."""


def choice_statement(y: str, q: int, a: int, ct: list[str]) -> dict[str, Any]:
    return {
        "public_key": y,
        "question": q,
        "answer": a,
        "ciphertext": ct,
        "values": [0, 1],
    }


def overall_statement(
    y: str, q: int, ct: list[str], values: list[int]
) -> dict[str, Any]:
    return {"public_key": y, "question": q, "ciphertext": ct, "values": values}


def choice_context(
    election: Election, cred_hex: str, q: int, a: int, enc: list[str]
) -> proofs.Context:
    """The challenge context of answer ``a`` of question ``q`` (docs §6.2)."""
    y_hex = election.public_key.hex()
    statement = choice_statement(y_hex, q, a, enc)
    return proofs.Context(TAG_CHOICE, election.fingerprint, cred_hex, statement)


def overall_context(
    election: Election,
    cred_hex: str,
    q: int,
    ct_sum: elgamal.Ciphertext,
    values: list[int],
) -> proofs.Context:
    """The challenge context of question ``q``'s overall proof."""
    y_hex = election.public_key.hex()
    statement = overall_statement(y_hex, q, elgamal.encode(ct_sum), values)
    return proofs.Context(TAG_OVERALL, election.fingerprint, cred_hex, statement)


def _nonces(rng: Rng, count: int) -> list[Scalar]:
    return [rng() for _ in range(count)]


def create(
    election: Election,
    secret: str,
    choices: list[list[int]],
    rng: Rng = group.random_scalar,
    *,
    replaces: str | None = None,
) -> tuple[dict[str, Any], list[list[Scalar]]]:
    """Encrypt, prove and sign; return the ballot and its randomness (for an audit).

    ``choices`` holds, per question, one 0/1 entry per answer (all answers,
    including an implied last one). ``replaces`` is the tracker of the
    credential's last ballot on the board, ``None`` for its first ballot.
    """
    if len(choices) != len(election.layouts):
        raise BallotError("one list of choices per question")
    _check_replaces(replaces)
    x = credentials.secret_scalar(election.params["id"], secret)
    cred = group.base(x)
    cred_hex = cred.hex()
    y = election.public_key
    answers, randomness = [], []
    for q, (lay, picks) in enumerate(zip(election.layouts, choices, strict=True)):
        if not lay.allowed(picks):
            raise BallotError(f"question {q}: these choices are not allowed")
        cts, prfs, rs = [], [], []
        for a in range(lay.explicit):
            r = rng()
            ct = elgamal.encrypt(y, picks[a], r)
            enc = elgamal.encode(ct)
            prfs.append(
                proofs.prove_values(
                    choice_context(election, cred_hex, q, a, enc),
                    y,
                    ct,
                    r,
                    picks[a],
                    [0, 1],
                    _nonces(rng, 3),
                )
            )
            cts.append(ct)
            rs.append(r)
        overall = None
        if lay.overall is not None:
            ct_sum = elgamal.total(cts)
            overall = proofs.prove_values(
                overall_context(election, cred_hex, q, ct_sum, lay.overall),
                y,
                ct_sum,
                sum(rs) % group.L,
                sum(picks[: lay.explicit]),
                lay.overall,
                _nonces(rng, 2 * len(lay.overall) - 1),
            )
        answers.append(
            {
                "choices": [elgamal.encode(ct) for ct in cts],
                "proofs": prfs,
                "overall": overall,
            }
        )
        randomness.append(rs)
    body = {
        "election": election.fingerprint,
        "credential": cred_hex,
        "replaces": replaces,
        "answers": answers,
    }
    body["signature"] = credentials.sign(x, cred, signed_message(body), rng())
    return body, randomness


def _check_shape(ballot: Any, signed: bool) -> None:
    keys = BODY_KEYS + (("signature",) if signed else ())
    if not has_keys(ballot, *keys):
        raise BallotError(f"a ballot has exactly the keys {', '.join(keys)}")
    _check_replaces(ballot["replaces"])


def _check_replaces(replaces: object) -> None:
    if replaces is not None and not is_hex(replaces, 32):
        raise BallotError("replaces is a tracker (64 lowercase hex characters) or null")


def verify(
    election: Election,
    ballot: Any,
    credential: Point | None = None,
    *,
    signed: bool = True,
) -> None:
    """Check a ballot's proofs and signature against the election.

    ``credential``, when given, is the already validated point of
    ``ballot["credential"]`` (the verifier validates the published list once).
    ``signed=False`` checks an audited ballot, which carries no signature.
    Raise :class:`BallotError` naming what is wrong.
    """
    _check_shape(ballot, signed)
    if ballot["election"] != election.fingerprint:
        raise BallotError("the ballot is for another election")
    cred_hex = ballot["credential"]
    try:
        cred = credential if credential is not None else group.decode_point(cred_hex)
    except GroupError as exc:
        raise BallotError(f"credential: {exc}") from exc
    if cred.hex() != cred_hex:
        raise BallotError("credential mismatch")
    answers = ballot["answers"]
    if not isinstance(answers, list) or len(answers) != len(election.layouts):
        raise BallotError("one answer per question")
    y = election.public_key
    for q, (lay, ans) in enumerate(zip(election.layouts, answers, strict=True)):
        _verify_answer(election, cred_hex, y, q, lay, ans)
    if not signed:
        return
    body = {k: ballot[k] for k in BODY_KEYS}
    try:
        credentials.verify(cred, signed_message(body), ballot["signature"])
    except credentials.CredentialError as exc:
        raise BallotError(str(exc)) from exc


def _verify_answer(
    election: Election,
    cred_hex: str,
    y: Point,
    q: int,
    lay: Layout,
    ans: Any,
) -> None:
    if not has_keys(ans, "choices", "proofs", "overall"):
        raise BallotError(f"question {q}: an answer is {{choices, proofs, overall}}")
    enc_cts, prfs = ans["choices"], ans["proofs"]
    if not isinstance(enc_cts, list) or len(enc_cts) != lay.explicit:
        raise BallotError(f"question {q}: expected {lay.explicit} ciphertexts")
    if not isinstance(prfs, list) or len(prfs) != lay.explicit:
        raise BallotError(f"question {q}: expected {lay.explicit} proofs")
    cts = []
    try:
        for a, (enc, prf) in enumerate(zip(enc_cts, prfs, strict=True)):
            ct = elgamal.decode_format(enc)
            proofs.verify_values(
                choice_context(election, cred_hex, q, a, enc),
                y,
                ct,
                [0, 1],
                prf,
                validate=True,
            )
            cts.append(ct)
        if lay.overall is None:
            if ans["overall"] is not None:
                raise BallotError(f"question {q}: no overall proof expected")
            return
        ct_sum = elgamal.total(cts)
        proofs.verify_values(
            overall_context(election, cred_hex, q, ct_sum, lay.overall),
            y,
            ct_sum,
            lay.overall,
            ans["overall"],
        )
    except (GroupError, proofs.ProofError) as exc:
        raise BallotError(f"question {q}: {exc}") from exc


def ciphertexts(ballot: dict[str, Any]) -> list[list[elgamal.Ciphertext]]:
    """The explicit ciphertexts of a ballot that has been verified."""
    return [
        [elgamal.decode_format(ct) for ct in ans["choices"]]
        for ans in ballot["answers"]
    ]


# -- cast-or-audit -----------------------------------------------------------


def audit_record(
    ballot: dict[str, Any], randomness: list[list[Scalar]], choices: list[list[int]]
) -> dict[str, Any]:
    """What the booth reveals when the voter audits (and so spoils) a ballot.

    The ballot is shown without its signature: an audited ballot can never be
    cast, by the booth or by anyone who sees the record.
    """
    unsigned = {k: ballot[k] for k in BODY_KEYS}
    return {
        "ballot": unsigned,
        "tracker": tracker(unsigned),
        "choices": choices,
        "randomness": [[group.scalar_hex(r) for r in rs] for rs in randomness],
    }


def verify_audit(election: Election, record: Any) -> list[list[int]]:
    """Check an audited ballot: valid, and each ciphertext opens to the choices.

    Return the choices it encrypts.
    """
    if not has_keys(record, "ballot", "tracker", "choices", "randomness"):
        raise BallotError("an audit record is {ballot, tracker, choices, randomness}")
    ballot = record["ballot"]
    verify(election, ballot, signed=False)
    if record["tracker"] != tracker(ballot):
        raise BallotError("the tracker is not the hash of the ballot")
    choices, randomness = record["choices"], record["randomness"]
    y = election.public_key
    if not isinstance(choices, list) or len(choices) != len(election.layouts):
        raise BallotError("one list of choices per question")
    if not isinstance(randomness, list) or len(randomness) != len(election.layouts):
        raise BallotError("one list of randomness per question")
    for q, lay in enumerate(election.layouts):
        picks, rs = choices[q], randomness[q]
        if not isinstance(picks, list) or not lay.allowed(picks):
            raise BallotError(f"question {q}: the revealed choices are not allowed")
        if not isinstance(rs, list) or len(rs) != lay.explicit:
            raise BallotError(f"question {q}: wrong number of random values")
        for a in range(lay.explicit):
            try:
                r = group.decode_scalar(rs[a])
            except GroupError as exc:
                raise BallotError(f"question {q}: {exc}") from exc
            expected = elgamal.encode(elgamal.encrypt(y, picks[a], r))
            if expected != ballot["answers"][q]["choices"][a]:
                raise BallotError(
                    f"question {q}, answer {a}: does not open as revealed"
                )
    return [list(p) for p in choices]
