"""The credential authority's own key, and the replacement of a lost or stolen
code during the vote (docs/voting-protocol.md §5.1).

The authority keeps a secret code of its own (20 base-58 characters, like a
voter's); its scalar is ``hash_to_scalar("authority", {"election": id,
"secret": code})`` and its public key, published once in an ``authority``
event, is that scalar times ``G``. A ``credential_replaced`` event revokes a
voter's public credential and lists a new one with the same weight; the
authority signs it (Ed25519 with the raw scalar, as ballots are signed) so that
nobody else, the server operator included, can revoke a code.

Usage (the authority's program, on its own machine)::

    python -m votecore.authority key ELECTION_ID
    python -m votecore.authority replace ELECTION_ID FINGERPRINT OLD REASON

``key`` draws the authority's code and prints it with the public key to give the
server; ``replace`` asks for the authority's code, draws the worker's new code,
prints it (for the worker only) and the signed event to give the server.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from . import credentials, group
from .credentials import CredentialError
from .encoding import (
    TAG_AUTHORITY,
    TAG_REPLACEMENT,
    has_keys,
    hash_to_scalar,
    is_hex,
    signed_message,
)
from .group import GroupError, Scalar

#: Why a code is replaced: the worker lost it, or someone else has it.
REASONS = ("lost", "stolen")
REPLACEMENT_KEYS = ("old", "new", "reason", "signature")


class AuthorityError(ValueError):
    """An authority key or a replacement that does not follow the protocol."""


def authority_scalar(election_id: str, code: str) -> Scalar:
    credentials.secret_scalar(election_id, code)  # the same form as a voter's code
    return hash_to_scalar(TAG_AUTHORITY, {"election": election_id, "secret": code})


def authority_key(election_id: str, code: str) -> str:
    """The public key the ``authority`` event publishes."""
    return group.base(authority_scalar(election_id, code)).hex()


def authority_payload(public_key: str) -> dict[str, Any]:
    return {"public_key": public_key}


def _message(fingerprint: str, old: str, new: str, reason: str) -> bytes:
    body = {"election": fingerprint, "old": old, "new": new, "reason": reason}
    return signed_message(body, TAG_REPLACEMENT)


def replacement_message(fingerprint: str, old: str, new: str, reason: str) -> bytes:
    """The message the authority signs (docs/voting-protocol.md §5.1)."""
    return _message(fingerprint, old, new, reason)


def sign_replacement(
    election_id: str,
    fingerprint: str,
    code: str,
    old: str,
    new: str,
    reason: str,
    nonce: Scalar | None = None,
) -> dict[str, Any]:
    """The ``credential_replaced`` payload, signed with the authority's code
    (``nonce`` only for test vectors)."""
    if reason not in REASONS:
        raise AuthorityError(f"the reason is one of {', '.join(REASONS)}")
    x = authority_scalar(election_id, code)
    public = group.base(x)
    signature = credentials.sign(
        x,
        public,
        _message(fingerprint, old, new, reason),
        nonce if nonce is not None else group.random_scalar(),
    )
    return {"old": old, "new": new, "reason": reason, "signature": signature}


def check_authority(payload: Any) -> str:
    """The authority's public key from an ``authority`` payload."""
    if not has_keys(payload, "public_key") or not is_hex(payload["public_key"], 32):
        raise AuthorityError("the payload is {public_key}, 64 hexadecimal characters")
    try:
        group.decode_point(payload["public_key"])
    except GroupError as exc:
        raise AuthorityError(f"the authority key: {exc}") from exc
    return str(payload["public_key"])


def check_replacement(fingerprint: str, authority: str, payload: Any) -> None:
    """The form of a ``credential_replaced`` payload and its signature by the
    authority (whether ``old`` and ``new`` fit the credential list is the
    board's question)."""
    if not has_keys(payload, *REPLACEMENT_KEYS):
        raise AuthorityError("the payload is {old, new, reason, signature}")
    if payload["reason"] not in REASONS:
        raise AuthorityError(f"the reason is one of {', '.join(REASONS)}")
    for name in ("old", "new"):
        if not is_hex(payload[name], 32):
            raise AuthorityError(f"{name} is 64 hexadecimal characters")
    try:
        group.decode_point(payload["new"])
    except GroupError as exc:
        raise AuthorityError(f"the new credential: {exc}") from exc
    message = _message(fingerprint, payload["old"], payload["new"], payload["reason"])
    try:
        credentials.verify(bytes.fromhex(authority), message, payload["signature"])
    except CredentialError as exc:
        raise AuthorityError(
            "the replacement is not signed by the credential authority"
        ) from exc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m votecore.authority",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    steps = parser.add_subparsers(dest="step", required=True)
    key = steps.add_parser("key", help="draw the authority's code and public key")
    key.add_argument("election_id")
    rep = steps.add_parser("replace", help="sign a worker's new credential")
    rep.add_argument("election_id")
    rep.add_argument("fingerprint")
    rep.add_argument("old", help="the public credential to revoke")
    rep.add_argument("reason", choices=REASONS)
    args = parser.parse_args(argv)
    if args.step == "key":
        code = credentials.new_secret()
        print(f"authority code (keep it, secret, until the vote ends): {code}")
        print(
            f"public key (give it to the server): {authority_key(args.election_id, code)}"
        )
        return 0
    code = getpass.getpass("authority code: ").strip()
    new_code, new_public = credentials.generate(args.election_id, 1)[0]
    try:
        payload = sign_replacement(
            args.election_id, args.fingerprint, code, args.old, new_public, args.reason
        )
    except (AuthorityError, CredentialError) as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return 1
    print(f"the worker's new code (give it to her alone): {new_code}")
    print("the event to give the server:")
    print(json.dumps(payload, sort_keys=True))
    return 0


if __name__ == "__main__":
    from votecore.authority import main as _main

    sys.exit(_main())
