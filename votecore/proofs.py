"""Zero-knowledge proofs, made non-interactive with strong Fiat-Shamir.

Every challenge is ``hash_to_scalar(tag, {"election", "credential", "statement",
"commitments"})``: the domain tag, the election fingerprint, the public
credential of the voter (the empty string where there is no voter), the whole
statement and every commitment. Proofs are written as challenge/response pairs;
the verifier recomputes the commitments from them.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from . import group
from .encoding import hash_to_scalar
from .group import G, GroupError, Point, Scalar, decode_scalar, scalar_hex

Proof = list[list[str]]


class Context(NamedTuple):
    """What a challenge hashes besides the commitments (docs §3)."""

    tag: str
    election: str  # the election fingerprint (the setup hash for key proofs)
    credential: str  # the voter's public credential, "" for trustees
    statement: Any


class ProofError(ValueError):
    """A proof that does not verify."""


def _challenge(ctx: Context, commitments: list[Any]) -> Scalar:
    return hash_to_scalar(
        ctx.tag,
        {
            "election": ctx.election,
            "credential": ctx.credential,
            "statement": ctx.statement,
            "commitments": commitments,
        },
    )


def _pairs(proof: object, count: int) -> list[tuple[Scalar, Scalar]]:
    if not isinstance(proof, list) or len(proof) != count:
        raise ProofError(f"a proof here has {count} challenge/response pairs")
    out = []
    for pair in proof:
        if not isinstance(pair, list) or len(pair) != 2:
            raise ProofError("a proof pair is [challenge, response]")
        try:
            out.append((decode_scalar(pair[0]), decode_scalar(pair[1])))
        except GroupError as exc:
            raise ProofError(str(exc)) from exc
    return out


def _encode(pairs: list[tuple[Scalar, Scalar]]) -> Proof:
    return [[scalar_hex(c), scalar_hex(s)] for c, s in pairs]


# -- disjunctive (interval) proofs --------------------------------------------


def prove_values(
    ctx: Context,
    y: Point,
    ct: tuple[Point, Point],
    r: Scalar,
    m: int,
    values: list[int],
    nonces: list[Scalar],
) -> Proof:
    """Prove that ``ct`` encrypts one of ``values`` (the true one is ``m``).

    ``nonces`` holds ``2 * len(values) - 1`` fresh scalars (the simulated
    challenges and responses, then the real commitment nonce).
    """
    alpha, beta = ct
    i = values.index(m)
    n = len(values)
    pairs: list[tuple[Scalar, Scalar]] = [(0, 0)] * n
    commitments: list[list[str]] = []
    k = 0
    w = nonces[-1]
    for j, v in enumerate(values):
        if j == i:
            a, b = group.base(w), group.mul(y, w)
        else:
            c, s = nonces[k], nonces[k + 1]
            k += 2
            pairs[j] = (c, s)
            a = group.add(group.base(s), group.mul(alpha, c))
            b = group.add(
                group.mul(y, s), group.mul(group.sub(beta, group.small(v)), c)
            )
        commitments.append([a.hex(), b.hex()])
    c_all = _challenge(ctx, commitments)
    c_i = (c_all - sum(c for c, _ in pairs)) % group.L
    pairs[i] = (c_i, (w - r * c_i) % group.L)
    return _encode(pairs)


def verify_values(
    ctx: Context,
    y: Point,
    ct: tuple[Point, Point],
    values: list[int],
    proof: object,
    *,
    validate: bool = False,
) -> None:
    """Check a proof from :func:`prove_values`; raise :class:`ProofError`.

    With ``validate=True`` the two points of ``ct`` have only been checked for
    format: the first branch's multiplications validate them (see
    :func:`group.mul_checked`), so that no separate check is paid for.
    """
    alpha, beta = ct
    pairs = _pairs(proof, len(values))
    commitments = []
    for j, ((c, s), v) in enumerate(zip(pairs, values, strict=True)):
        if validate and j == 0:
            c_alpha = group.mul_checked(alpha, c)
            if v == 0:
                c_shifted = group.mul_checked(beta, c)
            else:
                group.decode_point(beta.hex())
                c_shifted = group.mul(group.sub(beta, group.small(v)), c)
        else:
            shifted = beta if v == 0 else group.sub(beta, group.small(v))
            c_alpha, c_shifted = group.mul(alpha, c), group.mul(shifted, c)
        a = group.add(group.base(s), c_alpha)
        b = group.add(group.mul(y, s), c_shifted)
        commitments.append([a.hex(), b.hex()])
    c_all = _challenge(ctx, commitments)
    if sum(c for c, _ in pairs) % group.L != c_all:
        raise ProofError("the challenges do not add up to the hash")


# -- equality of discrete logarithms (Chaum-Pedersen) ------------------------


def prove_dleq(
    ctx: Context,
    x: Scalar,
    h: Point,
    nonce: Scalar,
) -> Proof:
    """Prove ``log_G(x*G) == log_h(x*h)``."""
    commitments = [group.base(nonce).hex(), group.mul(h, nonce).hex()]
    c = _challenge(ctx, commitments)
    return _encode([(c, (nonce - x * c) % group.L)])


def verify_dleq(
    ctx: Context,
    big_x: Point,
    h: Point,
    d: Point,
    proof: object,
) -> None:
    """Check that ``d == x*h`` where ``big_x == x*G``."""
    ((c, s),) = _pairs(proof, 1)
    commitments = [
        group.add(group.base(s), group.mul(big_x, c)).hex(),
        group.add(group.mul(h, s), group.mul(d, c)).hex(),
    ]
    if _challenge(ctx, commitments) != c:
        raise ProofError("the decryption proof does not verify")


# -- knowledge of a discrete logarithm (Schnorr) -----------------------------


def prove_key(ctx: Context, x: Scalar, nonce: Scalar) -> Proof:
    """Prove knowledge of ``x`` with ``x*G`` in the statement (Schnorr)."""
    commitments = [group.base(nonce).hex()]
    c = _challenge(ctx, commitments)
    return _encode([(c, (nonce - x * c) % group.L)])


def verify_key(ctx: Context, big_x: Point, proof: object) -> None:
    ((c, s),) = _pairs(proof, 1)
    commitments = [group.add(group.base(s), group.mul(big_x, c)).hex()]
    if _challenge(ctx, commitments) != c:
        raise ProofError("the proof of knowledge does not verify")


__all__ = [
    "Context",
    "G",
    "Proof",
    "ProofError",
    "prove_dleq",
    "prove_key",
    "prove_values",
    "verify_dleq",
    "verify_key",
    "verify_values",
]
