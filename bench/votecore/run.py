"""Benchmark of votecore: ballots and a whole election.

    .venv/bin/python -m bench.votecore [--voters 100000] [--workers 2]
        [--board PATH] [--ballots 300]

Prints, in one run: the cost of the group operations; per-ballot creation and
verification time (one core, best of five rounds, like the group operations'
best of three) for a yes/no question and for a 1-of-6 question,
each beside the group operations it needs; then the time to generate and to
verify a whole election board of ``--voters`` voters with ``--workers``
parallel workers. ``--board PATH`` keeps the generated board (and reuses it if
it exists).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

import nacl
from nacl import bindings

from votecore import ballot, credentials, group, sample, verify
from votecore.election import Election, make_params

TARGET_BALLOT_MS = 2.0
TARGET_ELECTION_S = 120.0


def per_call(fn: Callable[[], object], n: int) -> float:
    """Seconds per call, best of three rounds."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for _ in range(n):
            fn()
        best = min(best, (time.perf_counter() - started) / n)
    return best


def primitives() -> dict[str, float]:
    s = group.random_scalar()
    sb = group.scalar_bytes(s)
    p = group.base(s)
    q = group.base(group.random_scalar())
    signer = bindings.crypto_sign_seed_keypair(os.urandom(32))
    signed = bindings.crypto_sign(b"x" * 200, signer[1])
    return {
        "mul": per_call(
            lambda: bindings.crypto_scalarmult_ed25519_noclamp(sb, p), 2000
        ),
        "base": per_call(
            lambda: bindings.crypto_scalarmult_ed25519_base_noclamp(sb), 2000
        ),
        "check": per_call(lambda: bindings.crypto_core_ed25519_is_valid_point(p), 2000),
        "add": per_call(lambda: bindings.crypto_core_ed25519_add(p, q), 2000),
        "sig": per_call(lambda: bindings.crypto_sign_open(signed, signer[0]), 2000),
    }


def describe_ops(
    ops: dict[str, float], cost: dict[str, float], *, signature: bool
) -> str:
    """The operations counted, and their cost in variable-base multiplications."""
    equivalent = (
        sum(ops.get(k, 0) * cost[k] for k in ("mul", "base", "check", "add"))
        / cost["mul"]
    )
    extra = ""
    if signature:
        extra = " + 1 Ed25519 verify"
        equivalent += cost["sig"] / cost["mul"]
    return (
        f"{ops.get('mul', 0):g} mul + {ops.get('base', 0):g} base + {ops.get('check', 0):g} check "
        f"+ {ops.get('add', 0):g} add{extra} "
        f"= {equivalent:.1f} variable-base multiplications"
    )


def ballot_bench(name: str, count: int, cost: dict[str, float]) -> float:
    election = Election(
        make_params("bench", "Benchmark", [sample.QUESTIONS[name]]),
        group.base(group.random_scalar()),
    )
    secret, public = credentials.generate("bench", 1)[0]
    cred = bytes.fromhex(public)
    rng = random.Random(1)
    picks = [sample.random_choices(rng, election) for _ in range(count)]
    rounds = 5
    size = max(1, count // rounds)
    group.reset_ops()
    made: list[dict[str, object]] = []
    create = float("inf")
    for i in range(rounds):
        started = time.perf_counter()
        made += [
            ballot.create(election, secret, p)[0]
            for p in picks[i * size : (i + 1) * size]
        ]
        create = min(create, (time.perf_counter() - started) / size)
    create_ops = {k: v / len(made) for k, v in group.reset_ops().items()}
    check = float("inf")
    for i in range(rounds):
        started = time.perf_counter()
        for body in made[i * size : (i + 1) * size]:
            ballot.verify(election, body, cred)
        check = min(check, (time.perf_counter() - started) / size)
    check_ops = {k: v / len(made) for k, v in group.reset_ops().items()}
    print(
        f"{name} ballot, create: {create * 1e3:.2f} ms  [{describe_ops(create_ops, cost, signature=False)}]"
    )
    print(
        f"{name} ballot, verify: {check * 1e3:.2f} ms  [{describe_ops(check_ops, cost, signature=True)}]"
    )
    return check


def election_bench(voters: int, workers: int, path: Path | None) -> float:
    if path is not None and path.exists():
        data = path.read_bytes()
        print(f"board: reusing {path} ({len(data) / 1e6:.1f} MB)")
    else:
        started = time.perf_counter()
        last = [0.0]

        def progress(text: str) -> None:
            now = time.perf_counter()
            if (
                now - last[0] > 10
                or "done" in text
                or "made" in text
                or "decrypted" in text
            ):
                print(f"  [{now - started:6.1f} s] {text}", flush=True)
                last[0] = now

        board, _ = sample.build(
            voters,
            trustee_count=3,
            threshold=2,
            revote_share=0.05,
            workers=workers,
            progress=progress,
        )
        data = board.to_bytes()
        print(
            f"board: {voters} voters, {len(board)} events, {len(data) / 1e6:.1f} MB, "
            f"generated in {time.perf_counter() - started:.1f} s with {workers} workers"
        )
        if path is not None:
            path.write_bytes(data)
    started = time.perf_counter()
    cpu_main = time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    report = verify.verify_bytes(data, workers)
    elapsed = time.perf_counter() - started
    cpu_main = time.process_time() - cpu_main
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_workers = (after.ru_utime + after.ru_stime) - (
        children.ru_utime + children.ru_stime
    )
    for line in report.lines:
        print(f"  {line}")
    if report.failure is not None:
        print(f"  FAILED at {report.failure}")
        raise SystemExit(1)
    ops = report.ops
    print(
        f"whole election verified in {elapsed:.1f} s with {workers} workers  "
        f"[{ops.get('mul', 0)} mul + {ops.get('base', 0)} base + {ops.get('check', 0)} check "
        f"+ {ops.get('add', 0)} add, plus one Ed25519 verify per ballot]"
    )
    print(
        f"  CPU time: {cpu_workers:.1f} s in the workers, {cpu_main:.1f} s in the main process; "
        f"on {workers} otherwise idle cores that is about "
        f"{cpu_main + cpu_workers / max(1, workers):.0f} s of wall time"
    )
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.votecore", description=__doc__
    )
    parser.add_argument("--voters", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--ballots", type=int, default=300, help="ballots per per-ballot figure"
    )
    parser.add_argument(
        "--board", type=Path, help="keep (or reuse) the generated board here"
    )
    args = parser.parse_args(argv)
    print(
        f"votecore benchmark: Python {platform.python_version()}, PyNaCl {nacl.__version__}, "
        f"{os.cpu_count()} CPUs, {platform.machine()}, "
        f"load average {os.getloadavg()[0]:.2f} (other work on the machine slows every figure)"
    )
    cost = primitives()
    print(
        "group operations (one core): "
        f"variable-base multiplication {cost['mul'] * 1e6:.1f} us, "
        f"base multiplication {cost['base'] * 1e6:.1f} us, "
        f"validity check {cost['check'] * 1e6:.1f} us, addition {cost['add'] * 1e6:.1f} us, "
        f"Ed25519 verify {cost['sig'] * 1e6:.1f} us"
    )
    yes_no = ballot_bench("yesno", args.ballots, cost)
    ballot_bench("1of6", max(50, args.ballots // 3), cost)
    whole = election_bench(args.voters, args.workers, args.board)
    print(
        f"targets: yes/no ballot verified in {yes_no * 1e3:.2f} ms (target <= {TARGET_BALLOT_MS} ms: "
        f"{'met' if yes_no * 1e3 <= TARGET_BALLOT_MS else 'NOT met'}); "
        f"{args.voters}-voter election verified in {whole:.1f} s (target <= {TARGET_ELECTION_S:.0f} s "
        f"for 100000: {'met' if whole <= TARGET_ELECTION_S else 'NOT met'})"
    )
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from bench.votecore.run import main as _main

    sys.exit(_main())
