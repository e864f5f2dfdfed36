"""Trustees: threshold key generation (t of n) and threshold decryption.

Each step is a function of JSON-able dicts that a trustee runs on their own
machine; only the returned public dicts travel (through the server, onto the
board). The private dict never leaves the trustee.

Key generation is Pedersen's distributed key generation with Feldman
commitments (docs/voting-protocol.md §8): trustee ``i`` picks a random polynomial
``f_i`` of degree ``t - 1``, publishes ``C_ik = a_ik * G`` with a proof of
knowledge of ``a_i0``, and sends ``s_ij = f_i(j)`` to trustee ``j`` in a sealed
box. A trustee that receives a share that does not match the commitments
complains; the dealer must then publish that share, or is disqualified.
"""

from __future__ import annotations

from typing import Any

from nacl import bindings as _na
from nacl.public import PrivateKey, PublicKey, SealedBox

from . import group, proofs
from .election import Election, check_params
from .elgamal import Ciphertext
from .encoding import (
    TAG_DECRYPTION,
    TAG_KEY,
    has_keys,
    is_hex,
    setup_hash,
    sha256_hex,
)
from .group import GroupError, L, Point, Scalar, decode_point, decode_scalar, scalar_hex

Json = dict[str, Any]

# A sealed share: an ephemeral X25519 key (32 bytes), the MAC (16) and the
# share's 64 hexadecimal characters (64).
SEALED_SHARE_BYTES = 32 + 16 + 64
_P = 2**255 - 19


class TrusteeError(ValueError):
    """A ceremony message or a decryption share that must be refused."""


def _n_t(params: Json) -> tuple[int, int]:
    return params["trustees"]["count"], params["trustees"]["threshold"]


# -- key generation ----------------------------------------------------------


def setup(params: Json, index: int) -> tuple[Json, Json]:
    """Step 1 for trustee ``index`` (1-based): return (private, announcement)."""
    check_params(params)
    n, t = _n_t(params)
    if not 1 <= index <= n:
        raise TrusteeError("trustee index out of range")
    box = PrivateKey.generate()
    coefficients = [group.random_scalar() for _ in range(t)]
    private = {
        "trustee": index,
        "box_secret": bytes(box).hex(),
        "coefficients": [scalar_hex(a) for a in coefficients],
        "share": None,
    }
    return private, {"trustee": index, "box_key": bytes(box.public_key).hex()}


def _poly(coefficients: list[Scalar], j: int) -> Scalar:
    acc = 0
    for a in reversed(coefficients):
        acc = (acc * j + a) % L
    return acc


def deal(params: Json, private: Json, announcements: list[Json]) -> Json:
    """Step 2: commitments, proof of knowledge, and a sealed share for each trustee."""
    n, _ = _n_t(params)
    coefficients = [decode_scalar(a) for a in private["coefficients"]]
    commitments = [group.base(a).hex() for a in coefficients]
    i = private["trustee"]
    statement = {"trustee": i, "commitment": commitments[0]}
    ctx = proofs.Context(TAG_KEY, setup_hash(params), "", statement)
    proof = proofs.prove_key(ctx, coefficients[0], group.random_scalar())
    boxes = {int(a["trustee"]): a["box_key"] for a in announcements}
    if sorted(boxes) != list(range(1, n + 1)):
        raise TrusteeError("one announcement from every trustee is needed")
    shares = {}
    for j in range(1, n + 1):
        box = SealedBox(PublicKey(bytes.fromhex(boxes[j])))
        shares[str(j)] = box.encrypt(scalar_hex(_poly(coefficients, j)).encode()).hex()
    return {"trustee": i, "commitments": commitments, "proof": proof, "shares": shares}


def key_fingerprint(trustee: int, commitment: str) -> str:
    """A trustee's public key (her deal's first commitment) in 16 characters, four
    groups of four, short enough to read aloud: the trustee's page shows it to
    her when she makes her key, the election's page shows it from her deal."""
    digest = sha256_hex("trustee-key", {"trustee": trustee, "commitment": commitment})
    return " ".join(digest[k : k + 4].upper() for k in range(0, 16, 4))


def check_deal(params: Json, dealt: Any) -> list[Point]:
    """The commitments of a deal if its shape and proof are right; else raise."""
    n, t = _n_t(params)
    if not has_keys(dealt, "trustee", "commitments", "proof", "shares"):
        raise TrusteeError("a deal is {trustee, commitments, proof, shares}")
    i = dealt["trustee"]
    if not isinstance(i, int) or not 1 <= i <= n:
        raise TrusteeError("deal from an unknown trustee")
    enc = dealt["commitments"]
    if not isinstance(enc, list) or len(enc) != t:
        raise TrusteeError(f"trustee {i}: a deal commits to {t} coefficients")
    try:
        commitments = [decode_point(c) for c in enc]
        statement = {"trustee": i, "commitment": enc[0]}
        ctx = proofs.Context(TAG_KEY, setup_hash(params), "", statement)
        proofs.verify_key(ctx, commitments[0], dealt["proof"])
    except (GroupError, proofs.ProofError) as exc:
        raise TrusteeError(f"trustee {i}: {exc}") from exc
    return commitments


def share_matches(commitments: list[Point], j: int, share: Scalar) -> bool:
    """``share * G == sum_k j**k * C_k`` (Feldman's check)."""
    expected = group.IDENTITY
    for k, c in enumerate(commitments):
        term = group.mul(c, pow(j, k, L))
        expected = term if expected == group.IDENTITY else group.add(expected, term)
    return group.base(share) == expected


def _open_share(private: Json, dealt: Json) -> Scalar | None:
    box = SealedBox(PrivateKey(bytes.fromhex(private["box_secret"])))
    try:
        sealed = bytes.fromhex(dealt["shares"][str(private["trustee"])])
        return decode_scalar(box.decrypt(sealed).decode())
    except Exception:  # any failure to open is a complaint
        return None


def check_deals(params: Json, private: Json, deals: list[Json]) -> Json:
    """Step 3: open the shares sent to this trustee; complain about bad ones."""
    j = private["trustee"]
    against = []
    for dealt in deals:
        try:
            commitments = check_deal(params, dealt)
        except TrusteeError:
            continue  # every verifier disqualifies it; nothing to complain about
        share = _open_share(private, dealt)
        if share is None or not share_matches(commitments, j, share):
            against.append(dealt["trustee"])
    return {"trustee": j, "against": sorted(against)}


def reveal(params: Json, private: Json, complaints: list[Json]) -> list[Json]:
    """Step 4: publish the shares that other trustees complained about."""
    coefficients = [decode_scalar(a) for a in private["coefficients"]]
    i = private["trustee"]
    return [
        {
            "trustee": i,
            "to": c["trustee"],
            "share": scalar_hex(_poly(coefficients, c["trustee"])),
        }
        for c in complaints
        if i in c["against"]
    ]


def qualified(
    params: Json, deals: list[Json], complaints: list[Json], reveals: list[Json]
) -> dict[int, list[Point]]:
    """The dealers that stay in, with their commitments."""
    good: dict[int, list[Point]] = {}
    for dealt in deals:
        try:
            commitments = check_deal(params, dealt)
        except TrusteeError:
            continue
        if dealt["trustee"] not in good:
            good[dealt["trustee"]] = commitments
    revealed = {(r["trustee"], r["to"]): r["share"] for r in reveals}
    for complaint in complaints:
        j = complaint["trustee"]
        for i in complaint["against"]:
            if i not in good:
                continue
            share = revealed.get((i, j))
            try:
                ok = share is not None and share_matches(
                    good[i], j, decode_scalar(share)
                )
            except GroupError:
                ok = False
            if not ok:
                del good[i]
    return good


def _is_index(value: object, n: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= n


def check_box_key(text: object) -> None:
    """An X25519 key a share can be sealed to: 32 bytes in lowercase hex, a
    canonical u-coordinate (``u < 2**255 - 19``) that is not of low order."""
    if not is_hex(text, 32):
        raise TrusteeError("a box key is 64 lowercase hexadecimal characters")
    assert isinstance(text, str)
    raw = bytes.fromhex(text)
    if int.from_bytes(raw, "little") >= _P:
        raise TrusteeError("a box key is a canonical X25519 u-coordinate")
    try:
        # libsodium refuses exactly the low-order points (an all-zero result).
        _na.crypto_scalarmult(b"\x09" * 32, raw)
    except RuntimeError as exc:
        raise TrusteeError("a box key is not of low order") from exc


class Ceremony:
    """The key ceremony's public messages, in board order, each checked against
    the rules of docs/voting-protocol.md §8.1 as it arrives.

    A method raises :class:`TrusteeError` for a message that breaks a rule: the
    board holding it is invalid (and the server refuses it). A deal that is well
    formed but whose commitments or proof are wrong is kept: its dealer is
    disqualified, as is a dealer whose revealed share is wrong.
    """

    def __init__(self, params: Json) -> None:
        self.params = params
        self.n, self.t = _n_t(params)
        self.announced: dict[int, str] = {}
        self.deals: list[Json] = []
        self.valid: set[int] = set()  # dealers whose commitments and proof verify
        self.complaints: list[Json] = []
        self.reveals: list[Json] = []

    def _author(self, payload: Json, what: str) -> int:
        i = payload["trustee"]
        if not _is_index(i, self.n):
            raise TrusteeError(f"{what} from an unknown trustee")
        if i not in self.announced:
            raise TrusteeError(f"{what} from trustee {i}, who never announced")
        return int(i)

    def announce(self, payload: Any) -> None:
        if not has_keys(payload, "trustee", "box_key"):
            raise TrusteeError("an announcement is {trustee, box_key}")
        i = payload["trustee"]
        if not _is_index(i, self.n):
            raise TrusteeError("an announcement from an unknown trustee")
        if i in self.announced:
            raise TrusteeError(f"trustee {i} announced twice")
        check_box_key(payload["box_key"])
        self.announced[i] = payload["box_key"]

    def deal(self, payload: Any) -> None:
        if not has_keys(payload, "trustee", "commitments", "proof", "shares"):
            raise TrusteeError("a deal is {trustee, commitments, proof, shares}")
        missing = sorted(set(range(1, self.n + 1)) - set(self.announced))
        if missing:
            raise TrusteeError(f"a deal before trustee {missing[0]} announced")
        i = self._author(payload, "a deal")
        if any(d["trustee"] == i for d in self.deals):
            raise TrusteeError(f"trustee {i} dealt twice")
        commitments, proof, shares = (
            payload["commitments"],
            payload["proof"],
            payload["shares"],
        )
        if not isinstance(commitments, list) or len(commitments) != self.t:
            raise TrusteeError(f"trustee {i}: a deal commits to {self.t} coefficients")
        if not all(is_hex(c, 32) for c in commitments):
            raise TrusteeError(f"trustee {i}: a commitment is 64 hex characters")
        if not (
            isinstance(proof, list)
            and len(proof) == 1
            and isinstance(proof[0], list)
            and len(proof[0]) == 2
            and all(is_hex(x, 32) for x in proof[0])
        ):
            raise TrusteeError(f"trustee {i}: the proof is [[challenge, response]]")
        if not isinstance(shares, dict) or set(shares) != {
            str(j) for j in range(1, self.n + 1)
        }:
            raise TrusteeError(f"trustee {i}: one sealed share for each trustee")
        if not all(is_hex(v, SEALED_SHARE_BYTES) for v in shares.values()):
            raise TrusteeError(
                f"trustee {i}: a sealed share is {SEALED_SHARE_BYTES} bytes in hex"
            )
        self.deals.append(payload)
        try:
            check_deal(self.params, payload)
        except TrusteeError:
            return  # well formed but wrong: the dealer is disqualified
        self.valid.add(i)

    def complain(self, payload: Any) -> None:
        if not has_keys(payload, "trustee", "against"):
            raise TrusteeError("a complaint is {trustee, against}")
        j = self._author(payload, "a complaint")
        if any(c["trustee"] == j for c in self.complaints):
            raise TrusteeError(f"trustee {j} complained twice")
        against = payload["against"]
        if (
            not isinstance(against, list)
            or not against
            or not all(_is_index(i, self.n) for i in against)
            or against != sorted(set(against))
        ):
            raise TrusteeError(
                "a complaint lists one or more trustees, in increasing order, once each"
            )
        for i in against:
            if i not in self.valid:
                raise TrusteeError(
                    f"a complaint against trustee {i}, who has no valid deal"
                )
        self.complaints.append(payload)

    def reveal(self, payload: Any) -> None:
        if not has_keys(payload, "trustee", "to", "share"):
            raise TrusteeError("a reveal is {trustee, to, share}")
        i = self._author(payload, "a reveal")
        j = payload["to"]
        if not any(c["trustee"] == j and i in c["against"] for c in self.complaints):
            raise TrusteeError(
                f"trustee {i} reveals a share that {j} did not complain about"
            )
        if any(r["trustee"] == i and r["to"] == j for r in self.reveals):
            raise TrusteeError(f"trustee {i} revealed the share for {j} twice")
        if not is_hex(payload["share"], 32):
            raise TrusteeError("a revealed share is 64 lowercase hex characters")
        self.reveals.append(payload)

    def key(self) -> Json:
        """The ``key`` payload that follows from the messages (without the
        fingerprint); raise when fewer than ``t`` dealers qualify."""
        return combine_key(self.params, self.deals, self.complaints, self.reveals)


def combine_key(
    params: Json, deals: list[Json], complaints: list[Json], reveals: list[Json]
) -> Json:
    """The election key, the qualified dealers and every trustee's verification key."""
    n, t = _n_t(params)
    good = qualified(params, deals, complaints, reveals)
    if len(good) < t:
        raise TrusteeError(f"only {len(good)} qualified trustees, {t} needed")
    summed = [group.IDENTITY] * t
    for commitments in good.values():
        summed = [group.add(a, b) for a, b in zip(summed, commitments, strict=True)]
    keys = {}
    for j in range(1, n + 1):
        acc = group.IDENTITY
        for k, c in enumerate(summed):
            acc = group.add(acc, group.mul(c, pow(j, k, L)))
        keys[str(j)] = acc.hex()
    return {
        "public_key": summed[0].hex(),
        "qualified": sorted(good),
        "verification_keys": keys,
    }


def finish(
    params: Json, private: Json, deals: list[Json], reveals: list[Json], key: Json
) -> Json:
    """Step 5: the trustee's secret share of the election key (kept private)."""
    j = private["trustee"]
    by_dealer = {d["trustee"]: d for d in deals}
    revealed = {r["trustee"]: r["share"] for r in reveals if r["to"] == j}
    x = 0
    for i in key["qualified"]:
        share = revealed.get(i)
        value = decode_scalar(share) if share else _open_share(private, by_dealer[i])
        if value is None:
            raise TrusteeError(f"no share from trustee {i}")
        x = (x + value) % L
    if group.base(x).hex() != key["verification_keys"][str(j)]:
        raise TrusteeError("the share does not match the verification key")
    return {**private, "share": scalar_hex(x)}


# -- decryption --------------------------------------------------------------


def decryption_statement(j: int, big_x: str, alpha: str, factor: str) -> Json:
    return {"trustee": j, "verification_key": big_x, "alpha": alpha, "factor": factor}


def decrypt_share(
    election: Election, private: Json, key: Json, cts: list[list[Ciphertext]]
) -> Json:
    """A trustee's decryption factors ``x_j * alpha`` of the tally, with proofs."""
    j = private["trustee"]
    x = decode_scalar(private["share"])
    big_x = key["verification_keys"][str(j)]
    factors, prfs = [], []
    for row in cts:
        frow, prow = [], []
        for alpha, _ in row:
            d = group.mul(alpha, x).hex()
            st = decryption_statement(j, big_x, alpha.hex(), d)
            prow.append(
                proofs.prove_dleq(
                    proofs.Context(TAG_DECRYPTION, election.fingerprint, "", st),
                    x,
                    alpha,
                    group.random_scalar(),
                )
            )
            frow.append(d)
        factors.append(frow)
        prfs.append(prow)
    return {"trustee": j, "factors": factors, "proofs": prfs}


def verify_share(
    election: Election, key: Json, cts: list[list[Ciphertext]], share: Any
) -> list[list[Point]]:
    """Check a decryption share; return its factors."""
    if not has_keys(share, "trustee", "factors", "proofs"):
        raise TrusteeError("a decryption share is {trustee, factors, proofs}")
    j = share["trustee"]
    big_x_hex = key["verification_keys"].get(str(j)) if isinstance(j, int) else None
    if big_x_hex is None:
        raise TrusteeError("decryption share from an unknown trustee")
    big_x = decode_point(big_x_hex)
    factors, prfs = share["factors"], share["proofs"]
    if (
        not isinstance(factors, list)
        or not isinstance(prfs, list)
        or [len(r) for r in factors if isinstance(r, list)] != [len(r) for r in cts]
        or [len(r) for r in prfs if isinstance(r, list)] != [len(r) for r in cts]
    ):
        raise TrusteeError(f"trustee {j}: one factor and proof per tally ciphertext")
    out = []
    try:
        for row, frow, prow in zip(cts, factors, prfs, strict=True):
            points = []
            for (alpha, _), f, prf in zip(row, frow, prow, strict=True):
                d = decode_point(f, allow_identity=True)
                st = decryption_statement(j, big_x_hex, alpha.hex(), f)
                ctx = proofs.Context(TAG_DECRYPTION, election.fingerprint, "", st)
                proofs.verify_dleq(ctx, big_x, alpha, d, prf)
                points.append(d)
            out.append(points)
    except (GroupError, proofs.ProofError) as exc:
        raise TrusteeError(f"trustee {j}: {exc}") from exc
    return out


def lagrange(indices: list[int]) -> dict[int, Scalar]:
    """Lagrange coefficients at zero for the trustees ``indices``."""
    out = {}
    for j in indices:
        num, den = 1, 1
        for m in indices:
            if m != j:
                num = num * m % L
                den = den * (m - j) % L
        out[j] = num * pow(den, -1, L) % L
    return out
