"""Canonical JSON and the hashes of the protocol (docs/voting-protocol.md §2-3).

Canonical JSON: UTF-8, object keys sorted, no insignificant whitespace,
``","`` and ``":"`` as separators, non-ASCII characters written as themselves,
integers only (``|n| < 2**53``), no floating-point numbers. It is what
``JSON.stringify`` gives for an object whose keys were inserted in sorted order.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .group import L, Scalar

PREFIX = "alianza-votecore/v1/"
MAX_INT = 2**53 - 1

# Domain tags, one per hash; the full tag is PREFIX + name.
TAG_CHOICE = "choice"
TAG_OVERALL = "overall"
TAG_DECRYPTION = "decryption"
TAG_KEY = "key"
TAG_BALLOT = "ballot"
TAG_CREDENTIAL = "credential"
TAG_FINGERPRINT = "fingerprint"
TAG_TRACKER = "tracker"
TAG_EVENT = "event"
TAG_SETUP = "setup"
TAG_AUTHORITY = "authority"
TAG_REPLACEMENT = "credential_replaced"

JSON = Any

# What a ballot's signature and tracker cover: the ballot without its signature.
BODY_KEYS = ("election", "credential", "replaces", "answers")


class EncodingError(ValueError):
    """Data that is not in canonical form."""


def _check(value: JSON) -> None:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise EncodingError("a string with an unpaired surrogate") from exc
        return
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, int):
        if abs(value) > MAX_INT:
            raise EncodingError("integer out of the safe range")
        return
    if isinstance(value, list):
        for item in value:
            _check(item)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str) or not key.isascii():
                raise EncodingError("object keys must be ASCII strings")
            _check(item)
        return
    raise EncodingError(f"no canonical encoding for {type(value).__name__}")


def canonical(value: JSON, *, check: bool = True) -> bytes:
    """The canonical JSON encoding of ``value``.

    ``check=False`` skips the type and range check, for values the library
    built itself or has already validated (hash inputs).
    """
    if check:
        _check(value)
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def has_keys(value: object, *keys: str) -> bool:
    """``value`` is an object with exactly these keys."""
    return isinstance(value, dict) and set(value) == set(keys)


def is_hex(value: object, size: int) -> bool:
    """``value`` is ``size`` bytes written as lowercase hexadecimal."""
    return (
        isinstance(value, str)
        and len(value) == 2 * size
        and all(ch in "0123456789abcdef" for ch in value)
    )


def _tagged(tag: str, value: JSON) -> bytes:
    return (PREFIX + tag).encode() + b"\x00" + canonical(value, check=False)


def sha256_hex(tag: str, value: JSON) -> str:
    """SHA-256 (hex) of ``PREFIX || tag || 0x00 || canonical(value)``."""
    return hashlib.sha256(_tagged(tag, value)).hexdigest()


def hash_to_scalar(tag: str, value: JSON) -> Scalar:
    """SHA-512 of ``PREFIX || tag || 0x00 || canonical(value)``, little-endian, mod L."""
    digest = hashlib.sha512(_tagged(tag, value)).digest()
    return int.from_bytes(digest, "little") % L


def signed_message(value: JSON, tag: str = TAG_BALLOT) -> bytes:
    """The message a signature covers: a ballot's, or (``tag``) the credential
    authority's on a replacement."""
    return _tagged(tag, value)


def fingerprint(election: JSON, public_key: str) -> str:
    """The election fingerprint: binds the parameters and the election public key."""
    return sha256_hex(TAG_FINGERPRINT, {"election": election, "public_key": public_key})


def tracker(ballot: JSON) -> str:
    """A ballot's tracker: the hash of its content without the signature.

    The booth shows it before the voter chooses to cast (and sign) or to audit.
    A ballot's ``replaces`` is its predecessor's tracker, so the tracker of a
    credential's last ballot commits to all of its ballots.
    """
    return sha256_hex(TAG_TRACKER, {k: ballot[k] for k in BODY_KEYS})


def setup_hash(params: JSON) -> str:
    """Binds the key ceremony's proofs to the election parameters."""
    return sha256_hex(TAG_SETUP, params)
