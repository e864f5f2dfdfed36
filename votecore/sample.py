"""Write a complete sample election board, for tests and benchmarks.

Usage: ``python -m votecore.sample N OUT [--trustees 3 --threshold 2 --question
yesno|1of6 --revotes 0.05 --workers W --seed S]``. Voters get weights from 1 to
3, choose at random, and a share of them vote again (the last ballot counts).
One dealer is made to send a bad share so that the complaint path is exercised.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import sys
import time
from collections.abc import Callable, Iterable
from typing import Any

from . import api, credentials, tally, trustees
from . import ballot as ballots
from .board import Board
from .election import Election, make_params
from .elgamal import Ciphertext
from .encoding import fingerprint, tracker

Json = dict[str, Any]

QUESTIONS: dict[str, Json] = {
    "yesno": {
        "text": "Ratify the agreement?",
        "answers": ["Yes", "No"],
        "min": 1,
        "max": 1,
    },
    "1of6": {
        "text": "Delegate to the joint commission",
        "answers": ["Ana", "Bill", "Carmen", "Dolores", "Ed", "Fatima"],
        "min": 1,
        "max": 1,
    },
    "approval": {
        "text": "Priorities for bargaining (up to two, or blank)",
        "answers": ["Wages", "Safety", "Pensions"],
        "min": 1,
        "max": 2,
        "blank": True,
    },
}


def ceremony(
    params: Json, board: Board, bad_dealer: int | None = None
) -> tuple[Json, list[Json]]:
    """Run every trustee's steps (as each would on their own machine)."""
    n = params["trustees"]["count"]
    privates, announcements = [], []
    for i in range(1, n + 1):
        private, announcement = trustees.setup(params, i)
        privates.append(private)
        announcements.append(announcement)
        board.append("trustee", announcement)
    deals = []
    for private in privates:
        dealt = trustees.deal(params, private, announcements)
        if private["trustee"] == bad_dealer and n > 1:
            victim = 1 if bad_dealer != 1 else 2
            other = trustees.deal(params, trustees.setup(params, 1)[0], announcements)
            dealt["shares"][str(victim)] = other["shares"][str(victim)]
        deals.append(dealt)
        board.append("deal", dealt)
    complaints = [trustees.check_deals(params, p, deals) for p in privates]
    complaints = [c for c in complaints if c["against"]]
    for complaint in complaints:
        board.append("complaint", complaint)
    reveals = [r for p in privates for r in trustees.reveal(params, p, complaints)]
    for r in reveals:
        board.append("reveal", r)
    key = trustees.combine_key(params, deals, complaints, reveals)
    key["fingerprint"] = fingerprint(params, key["public_key"])
    board.append("key", key)
    privates = [trustees.finish(params, p, deals, reveals, key) for p in privates]
    return key, privates


_GEN: dict[str, Any] = {}


def _gen_init(params: Json, public_key: str) -> None:
    _GEN["election"] = Election.from_json(params, public_key)


Task = tuple[int, str, list[list[int]], int, bool, str | None]


Made = tuple[list[tuple[int, Json]], tally.Sums]


def _gen_chunk(task: list[Task]) -> Made:
    election: Election = _GEN["election"]
    out, counted = [], []
    for i, secret, choices, weight, is_counted, replaces in task:
        body, _ = ballots.create(election, secret, choices, replaces=replaces)
        out.append((i, body))
        if is_counted:
            counted.append((ballots.ciphertexts(body), weight))
    return out, tally.sums_by_weight(election, counted)


def _tracker_of(bodies: list[Json | None], index: int | None) -> str | None:
    if index is None:
        return None
    body = bodies[index]
    assert body is not None
    return tracker(body)


def random_choices(rng: random.Random, election: Election) -> list[list[int]]:
    picks = []
    for lay in election.layouts:
        while True:
            row = [rng.randint(0, 1) for _ in range(lay.answers)]
            if lay.answers > 2 and lay.minimum == lay.maximum == 1:
                row = [0] * lay.answers
                row[rng.randrange(lay.answers)] = 1
            if lay.allowed(row):
                break
        picks.append(row)
    return picks


def build(
    voters: int,
    *,
    questions: list[str] | None = None,
    trustee_count: int = 3,
    threshold: int = 2,
    revote_share: float = 0.05,
    seed: int | None = None,
    workers: int = 1,
    progress: Callable[[str], None] | None = None,
) -> tuple[Board, list[list[int]]]:
    """A complete board, and the plaintext result it must decrypt to."""
    say = progress or (lambda _text: None)
    rng = random.Random(seed)  # noqa: S311 - simulated voters, not secrets
    qs = [QUESTIONS[name] for name in (questions or ["yesno"])]
    params = make_params(
        f"sample-{rng.getrandbits(32):08x}",
        "Sample election",
        qs,
        trustees=trustee_count,
        threshold=threshold,
    )
    bb = Board()
    bb.append("election", params)
    key, privates = ceremony(
        params, bb, bad_dealer=trustee_count if trustee_count > 2 else None
    )
    election = Election.from_json(params, key["public_key"])
    say("key ceremony done")
    pairs = credentials.generate(params["id"], voters)
    weights = [rng.choice((1, 1, 1, 2, 3)) for _ in range(voters)]
    bb.append(
        "credentials",
        {"credentials": [[p, w] for (_, p), w in zip(pairs, weights, strict=True)]},
    )
    say(f"{voters} credentials made")
    casts: list[tuple[int, list[list[int]]]] = [
        (v, random_choices(rng, election)) for v in range(voters)
    ]
    casts += [
        (v, random_choices(rng, election))
        for v in range(voters)
        if rng.random() < revote_share
    ]
    rng.shuffle(casts)
    last = {v: i for i, (v, _) in enumerate(casts)}
    expected = [[0] * lay.answers for lay in election.layouts]
    for v, i in last.items():
        for q, row in enumerate(casts[i][1]):
            for a, bit in enumerate(row):
                expected[q][a] += bit * weights[v]
    # A voter's k-th ballot replaces her (k-1)-th, so it is made in round k,
    # once the ballot it names is made.
    rounds: list[list[Task]] = []
    made: dict[int, int] = {}
    for i, (v, choices) in enumerate(casts):
        k = made.get(v, 0)
        made[v] = k + 1
        if k == len(rounds):
            rounds.append([])
        rounds[k].append((i, pairs[v][0], choices, weights[v], last[v] == i, None))
    bodies: list[Json | None] = [None] * len(casts)
    previous: dict[int, int] = {}  # the cast each cast replaces
    seen: dict[int, int] = {}
    for i, (v, _) in enumerate(casts):
        if v in seen:
            previous[i] = seen[v]
        seen[v] = i
    parts: list[tally.Sums] = []
    started = time.perf_counter()

    def take(result: Made) -> None:
        for i, body in result[0]:
            bodies[i] = body
        parts.append(result[1])
        done = sum(body is not None for body in bodies)
        say(f"ballots: {done} of {len(casts)} ({time.perf_counter() - started:.0f} s)")

    def run(generate: Callable[[list[list[Task]]], Iterable[Made]]) -> None:
        for level in rounds:
            level = [
                (i, s, c, w, n, _tracker_of(bodies, previous.get(i)))
                for i, s, c, w, n, _ in level
            ]
            for result in generate(
                [level[j : j + 500] for j in range(0, len(level), 500)]
            ):
                take(result)

    if workers <= 1:
        _gen_init(params, key["public_key"])
        run(lambda chunks: map(_gen_chunk, chunks))
    else:
        ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        with ctx.Pool(workers, _gen_init, (params, key["public_key"])) as pool:
            run(lambda chunks: pool.imap(_gen_chunk, chunks))
    for body in bodies:
        assert body is not None
        bb.append("ballot", body)
    bb.append("close", {"ballots": len(casts)})
    counted_weight = sum(weights[v] for v in last)
    tally_json = tally.tally_payload(
        election, tally.merge(parts), len(last), counted_weight
    )
    bb.append("tally", tally_json)
    cts: list[list[Ciphertext]] = tally.decode_tally(election, tally_json)
    chosen = sorted(rng.sample(range(trustee_count), threshold))
    shares = [trustees.decrypt_share(election, privates[i], key, cts) for i in chosen]
    for share in shares:
        bb.append("decryption", share)
    bb.append("result", tally.result_payload(election, key, tally_json, shares))
    say("tally decrypted")
    return bb, expected


def credential_events() -> tuple[list[tuple[str, Json]], dict[str, int]]:
    """A finished election in which a stolen code is replaced and two workers
    missing from the roll vote provisionally (one accepted, one rejected).

    Returns the events (type, payload) and where the notable ones are. Three
    voters on the roll, weights 2, 1, 1: A votes Yes, a thief votes No with A's
    code, the authority replaces A's code and A votes Yes again; B votes No; C
    abstains; provisional P votes Yes and is accepted, provisional Q votes No
    and is rejected. The result is Yes 3 (A's new code, 2; P, 1), No 1 (B).
    """
    from . import authority

    params = make_params("sample-replaced", "Sample election", [QUESTIONS["yesno"]])
    bb = Board()
    bb.append("election", params)
    key, privates = ceremony(params, bb)
    election = Election.from_json(params, key["public_key"])
    eid, fp = params["id"], key["fingerprint"]
    (a, a_pub), (b, b_pub), (_c, c_pub) = credentials.generate(eid, 3)
    (p, p_pub), (q, q_pub), (a2, a2_pub) = credentials.generate(eid, 3)
    bb.append("credentials", {"credentials": [[a_pub, 2], [b_pub, 1], [c_pub, 1]]})
    code = credentials.new_secret()
    bb.append("authority", {"public_key": authority.authority_key(eid, code)})
    yes, no = [[1, 0]], [[0, 1]]
    at: dict[str, int] = {}

    def vote(secret: str, choices: list[list[int]], replaces: Json | None) -> Json:
        body, _ = ballots.create(
            election, secret, choices, replaces=tracker(replaces) if replaces else None
        )
        bb.append("ballot", body)
        return body

    first = vote(a, yes, None)
    at["stolen"] = len(bb)
    vote(a, no, first)
    at["replaced"] = len(bb)
    bb.append(
        "credential_replaced",
        authority.sign_replacement(eid, fp, code, a_pub, a2_pub, "stolen"),
    )
    at["new"] = len(bb)
    vote(a2, yes, None)
    vote(b, no, None)
    for name, public in (("p", p_pub), ("q", q_pub)):
        at[f"provisional {name}"] = len(bb)
        bb.append("provisional", {"credential": public})
    vote(p, yes, None)
    vote(q, no, None)
    for name, public, accepted in (("p", p_pub, True), ("q", q_pub, False)):
        at[f"decided {name}"] = len(bb)
        decision = {"administrator": "role-1", "observer": "role-2"}
        bb.append(
            "provisional_decided",
            {"credential": public, "accepted": accepted, **decision},
        )
    events = [json.loads(line) for line in bb.to_bytes().splitlines()]
    bodies = [e["payload"] for e in events if e["type"] == "ballot"]
    at["close"] = len(bb)
    bb.append("close", {"ballots": len(bodies)})
    counting = {a2_pub: 2, b_pub: 1, c_pub: 1, p_pub: 1}
    tally_json = api.tally_ballots(election, bodies, counting)
    bb.append("tally", tally_json)
    cts = tally.decode_tally(election, tally_json)
    share = trustees.decrypt_share(election, privates[0], key, cts)
    bb.append("decryption", share)
    bb.append("result", tally.result_payload(election, key, tally_json, [share]))
    events = [json.loads(line) for line in bb.to_bytes().splitlines()]
    return [(e["type"], e["payload"]) for e in events], at


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m votecore.sample", description=__doc__
    )
    parser.add_argument("voters", type=int)
    parser.add_argument("out")
    parser.add_argument("--trustees", type=int, default=3)
    parser.add_argument("--threshold", type=int, default=2)
    parser.add_argument("--question", action="append", choices=sorted(QUESTIONS))
    parser.add_argument("--revotes", type=float, default=0.05)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    bb, _ = build(
        args.voters,
        questions=args.question,
        trustee_count=args.trustees,
        threshold=args.threshold,
        revote_share=args.revotes,
        seed=args.seed,
        workers=args.workers,
        progress=lambda text: print(text, file=sys.stderr),
    )
    bb.write(args.out)
    print(f"wrote {len(bb)} events to {args.out}, head {bb.head}")
    return 0


if __name__ == "__main__":
    from votecore.sample import main as _main

    sys.exit(_main())
