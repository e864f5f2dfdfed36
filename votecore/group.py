"""The prime-order subgroup of Ed25519, through libsodium (PyNaCl).

Points are 32-byte compressed Ed25519 encodings (as libsodium and RFC 8032 write
them); scalars are 32-byte little-endian integers below the group order ``L``.
Every point received from outside passes :func:`decode_point`, which accepts only
canonical encodings of non-identity points of the prime-order subgroup
(``crypto_core_ed25519_is_valid_point``); every scalar passes
:func:`decode_scalar`, which accepts only canonical values below ``L``.

libsodium refuses a zero scalar and an identity result in its scalar
multiplications; the wrappers here give the identity instead, so that the
algebra of the protocol holds for every input.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from nacl import bindings as _na

L = 2**252 + 27742317777372353535851937790883648493
"""Order of the prime-order subgroup (and of the base point ``G``)."""

Point = bytes
Scalar = int

IDENTITY: Point = bytes([1]) + bytes(31)
G: Point = _na.crypto_scalarmult_ed25519_base_noclamp((1).to_bytes(32, "little"))

_HEX64 = re.compile(r"[0-9a-f]{64}")

# Counters of group operations, read by the benchmark.
OPS = {"mul": 0, "base": 0, "add": 0, "check": 0}


class GroupError(ValueError):
    """A point or scalar that the protocol refuses."""


def reset_ops() -> dict[str, int]:
    """Return the operation counters and set them to zero."""
    before = dict(OPS)
    for key in OPS:
        OPS[key] = 0
    return before


# -- scalars ---------------------------------------------------------------


def scalar_bytes(s: Scalar) -> bytes:
    return (s % L).to_bytes(32, "little")


def scalar_hex(s: Scalar) -> str:
    return scalar_bytes(s).hex()


def decode_scalar(text: object) -> Scalar:
    """A scalar from its 64-character lowercase hex encoding, refusing ``>= L``."""
    if not isinstance(text, str) or not _HEX64.fullmatch(text):
        raise GroupError("a scalar must be 64 lowercase hexadecimal characters")
    value = int.from_bytes(bytes.fromhex(text), "little")
    if value >= L:
        raise GroupError("a scalar must be below the group order")
    return value


def reduce_wide(data: bytes) -> Scalar:
    """Reduce 64 bytes (little-endian) modulo ``L``."""
    if len(data) != 64:
        raise GroupError("wide reduction needs 64 bytes")
    return int.from_bytes(data, "little") % L


def random_scalar() -> Scalar:
    """A uniform non-zero scalar (64 random bytes reduced modulo ``L``)."""
    while True:
        s = reduce_wide(secrets.token_bytes(64))
        if s:
            return s


def derive_scalar(seed: bytes, label: str) -> Scalar:
    """A deterministic scalar for test vectors: SHA-512(seed || 0 || label) mod L."""
    s = reduce_wide(hashlib.sha512(seed + b"\x00" + label.encode()).digest())
    return s or 1


# -- points ----------------------------------------------------------------


def is_valid_point(p: bytes) -> bool:
    """Canonical, on the curve, in the prime-order subgroup, not the identity."""
    OPS["check"] += 1
    return len(p) == 32 and bool(_na.crypto_core_ed25519_is_valid_point(p))


def decode_point(text: object, *, allow_identity: bool = False) -> Point:
    """A point from its 64-character lowercase hex encoding, validated."""
    if not isinstance(text, str) or not _HEX64.fullmatch(text):
        raise GroupError("a point must be 64 lowercase hexadecimal characters")
    raw = bytes.fromhex(text)
    if allow_identity and raw == IDENTITY:
        return raw
    if not is_valid_point(raw):
        raise GroupError("not a valid point of the prime-order subgroup")
    return raw


def decode_point_format(text: object) -> Point:
    """A point's 32 bytes, checking only the hex format.

    The caller must validate it, for example with :func:`mul_checked`.
    """
    if not isinstance(text, str) or not _HEX64.fullmatch(text):
        raise GroupError("a point must be 64 lowercase hexadecimal characters")
    return bytes.fromhex(text)


def mul_checked(p: bytes, s: Scalar) -> Point:
    """``s * p`` for a point not yet validated: validation and multiplication in one.

    libsodium's ``crypto_scalarmult_ed25519_noclamp`` refuses, exactly as
    ``crypto_core_ed25519_is_valid_point`` does, a point that is not canonical,
    not on the curve, of small order (the identity included) or outside the
    prime-order subgroup; with a non-zero scalar below ``L`` its result is never
    the identity, so any refusal means an invalid point.
    """
    s %= L
    if s == 0:
        if not is_valid_point(p):
            raise GroupError("not a valid point of the prime-order subgroup")
        return IDENTITY
    OPS["mul"] += 1
    try:
        return _na.crypto_scalarmult_ed25519_noclamp(s.to_bytes(32, "little"), p)
    except RuntimeError as exc:
        raise GroupError("not a valid point of the prime-order subgroup") from exc


def mul(p: Point, s: Scalar) -> Point:
    """``s * p`` for a point ``p`` already known to be valid (or the identity)."""
    s %= L
    if s == 0 or p == IDENTITY:
        return IDENTITY
    OPS["mul"] += 1
    return _na.crypto_scalarmult_ed25519_noclamp(s.to_bytes(32, "little"), p)


def base(s: Scalar) -> Point:
    """``s * G``."""
    s %= L
    if s == 0:
        return IDENTITY
    OPS["base"] += 1
    return _na.crypto_scalarmult_ed25519_base_noclamp(s.to_bytes(32, "little"))


def add(p: Point, q: Point) -> Point:
    OPS["add"] += 1
    return _na.crypto_core_ed25519_add(p, q)


def sub(p: Point, q: Point) -> Point:
    OPS["add"] += 1
    return _na.crypto_core_ed25519_sub(p, q)


def neg(p: Point) -> Point:
    return sub(IDENTITY, p)


_SMALL: dict[int, Point] = {0: IDENTITY}


def small(m: int) -> Point:
    """``m * G`` for a small non-negative integer, cached."""
    p = _SMALL.get(m)
    if p is None:
        p = base(m)
        if len(_SMALL) < 4096:
            _SMALL[m] = p
    return p
