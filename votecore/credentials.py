"""Voting credentials: secret codes made by the credential authority.

A secret credential is a 20-character code over the base-58 alphabet (about 117
bits). Its scalar is ``x = hash_to_scalar("credential", {"election": id,
"secret": code})`` and the public credential is ``x*G``. Ballots are signed with
``x`` by an Ed25519 signature (a Schnorr signature, RFC 8032 verification
equation, cofactorless) over ``signed_message(ballot without its signature)``.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from nacl import bindings as _na
from nacl.exceptions import CryptoError

from . import group
from .encoding import TAG_CREDENTIAL, hash_to_scalar
from .group import L, Point, Scalar

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
CODE_LENGTH = 20


class CredentialError(ValueError):
    """A secret credential that is malformed, or a signature that fails."""


def new_secret() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def secret_scalar(election_id: str, secret: str) -> Scalar:
    if len(secret) != CODE_LENGTH or any(ch not in ALPHABET for ch in secret):
        raise CredentialError("a secret credential is 20 base-58 characters")
    x = hash_to_scalar(TAG_CREDENTIAL, {"election": election_id, "secret": secret})
    if x == 0:  # pragma: no cover - probability 2**-252
        raise CredentialError("degenerate credential")
    return x


def public_credential(election_id: str, secret: str) -> str:
    return group.base(secret_scalar(election_id, secret)).hex()


def generate(election_id: str, count: int) -> list[tuple[str, str]]:
    """The credential authority's step: ``count`` pairs (secret, public)."""
    out = []
    for _ in range(count):
        code = new_secret()
        out.append((code, public_credential(election_id, code)))
    return out


def sign(x: Scalar, public: Point, message: bytes, nonce: Scalar) -> str:
    """An Ed25519 signature with the raw scalar ``x`` (hex, 64 bytes)."""
    big_r = group.base(nonce)
    k = int.from_bytes(hashlib.sha512(big_r + public + message).digest(), "little") % L
    s = (nonce + k * x) % L
    return (big_r + s.to_bytes(32, "little")).hex()


def verify(public: Point, message: bytes, signature: Any) -> None:
    """Check a signature; the public credential must already be validated."""
    if not isinstance(signature, str) or len(signature) != 128:
        raise CredentialError("a signature is 128 hexadecimal characters")
    try:
        raw = bytes.fromhex(signature)
    except ValueError as exc:
        raise CredentialError("a signature is hexadecimal") from exc
    if raw.hex() != signature:
        raise CredentialError("a signature is lowercase hexadecimal")
    try:
        _na.crypto_sign_open(raw + message, public)
    except (CryptoError, ValueError, TypeError) as exc:
        raise CredentialError("the ballot signature does not verify") from exc
