"""A trustee's program, run on the trustee's own machine: it keeps the trustee's
secrets in a local file and sends Alianza only public messages.

    python -m alianza.elections.trustee --server https://alianza.example.org \\
        --election UID --token TOKEN --state ~/trustee-UID.json

Run it again after each step of the others: it does the next thing to do, or says
what it is waiting for. It needs votecore only (no Django)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.request
from pathlib import Path
from typing import Any

from votecore import api as vc
from votecore import trustees
from votecore.tally import decode_tally

Json = dict[str, Any]


def next_step(
    index: int, private: Json | None, state: Json
) -> tuple[str, Any, Json | None]:
    """What trustee ``index`` does next: (step, public message, new private state).
    The step is "" when there is nothing to do yet; the message then says why."""
    params = state["params"]
    announced = {a["trustee"] for a in state["announcements"]}
    n = params["trustees"]["count"]
    if private is None:
        private, announcement = trustees.setup(params, index)
        return "announce", announcement, private
    if index not in announced:
        return "announce", {"trustee": index, "box_key": _box_key(private)}, private
    if len(announced) < n:
        return "", "waiting for the other trustees to announce themselves", private
    dealt = {d["trustee"] for d in state["deals"]}
    if index not in dealt:
        return "deal", trustees.deal(params, private, state["announcements"]), private
    if len(dealt) < n:
        return "", "waiting for the other trustees' deals", private
    if index not in state["checked"]:
        return "check", trustees.check_deals(params, private, state["deals"]), private
    if state["key"] is None:
        accused = [c for c in state["complaints"] if index in c["against"]]
        mine = [r for r in state["reveals"] if r["trustee"] == index]
        if accused and not mine:
            return "reveal", trustees.reveal(params, private, accused), private
        return "", "waiting for the other trustees' checks", private
    if private.get("share") is None:
        private = trustees.finish(
            params, private, state["deals"], state["reveals"], state["key"]
        )
    if state["tally"] is None:
        return "", "the key is made; waiting for the vote to close", private
    if index in state["decrypted"] or state["status"] != "closed":
        return "", "the result is decrypted; nothing more to do", private
    election = vc.election_from(params, state["key"])
    cts = decode_tally(election, state["tally"])
    return (
        "decrypt",
        trustees.decrypt_share(election, private, state["key"], cts),
        private,
    )


def _box_key(private: Json) -> str:
    from nacl.public import PrivateKey

    return bytes(PrivateKey(bytes.fromhex(private["box_secret"])).public_key).hex()


def _call(url: str, token: str, body: Json | None = None) -> Json:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(  # noqa: S310 (the server the trustee names)
        url,
        data=data,
        method="GET" if body is None else "POST",
        headers={
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
        },
    )
    with urllib.request.urlopen(request) as response:  # noqa: S310
        return json.loads(response.read())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", required=True)
    parser.add_argument("--election", required=True)
    parser.add_argument("--token", default=os.environ.get("ALIANZA_TOKEN", ""))
    parser.add_argument("--state", required=True, type=Path)
    args = parser.parse_args(argv)
    url = f"{args.server.rstrip('/')}/api/v1/elections/{args.election}/ceremony"
    state = _call(url, args.token)
    saved = json.loads(args.state.read_text()) if args.state.exists() else None
    index = state["you"]
    step, message, private = next_step(index, saved, state)
    if private is not None:
        # Written before anything is sent: the secrets must never be lost.
        args.state.write_text(json.dumps(private))
        args.state.chmod(0o600)
    if not step:
        print(message)
        return 0
    _call(url, args.token, {"step": step, "payload": message})
    print(f"done: {step}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
