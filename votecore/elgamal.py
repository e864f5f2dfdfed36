"""Exponential ElGamal over the Ed25519 subgroup.

A ciphertext of ``m`` under the public key ``y`` with randomness ``r`` is
``(alpha, beta) = (r*G, m*G + r*y)``. Ciphertexts add component-wise, which adds
the plaintexts; multiplying both components by a weight ``w`` multiplies the
plaintext by ``w``.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import group
from .group import IDENTITY, Point, Scalar

Ciphertext = tuple[Point, Point]
ZERO: Ciphertext = (IDENTITY, IDENTITY)


def encrypt(y: Point, m: int, r: Scalar) -> Ciphertext:
    return group.base(r), group.add(group.small(m), group.mul(y, r))


def add(a: Ciphertext, b: Ciphertext) -> Ciphertext:
    return group.add(a[0], b[0]), group.add(a[1], b[1])


def scale(a: Ciphertext, w: int) -> Ciphertext:
    if w == 1:
        return a
    return group.mul(a[0], w), group.mul(a[1], w)


def total(cts: Iterable[Ciphertext]) -> Ciphertext:
    acc = ZERO
    for ct in cts:
        acc = ct if acc == ZERO else add(acc, ct)
    return acc


def encode(ct: Ciphertext) -> list[str]:
    return [ct[0].hex(), ct[1].hex()]


def decode(data: object, *, allow_identity: bool = False) -> Ciphertext:
    if not isinstance(data, list) or len(data) != 2:
        raise group.GroupError("a ciphertext is a list of two points")
    return (
        group.decode_point(data[0], allow_identity=allow_identity),
        group.decode_point(data[1], allow_identity=allow_identity),
    )


def decode_format(data: object) -> Ciphertext:
    """A ciphertext whose points are checked for format only (see proofs)."""
    if not isinstance(data, list) or len(data) != 2:
        raise group.GroupError("a ciphertext is a list of two points")
    return group.decode_point_format(data[0]), group.decode_point_format(data[1])
