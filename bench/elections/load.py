"""Casting under load: many simulated voters send ballots at once to a running
Alianza (gunicorn) on PostgreSQL, which checks every proof before the board.

    .venv/bin/python -m bench.elections.load [--voters 6000] [--revotes 0.05]
        [--clients 24] [--workers 2] [--threads 4] [--database alianza_bench]

Prints ballots per second sustained, latency percentiles, errors, and checks that
every ballot is on the board exactly once and that the tally counts the last
ballot of each voter, verified with votecore's verifier. Targets (issue 6): at
least 100 ballots/s on a 2-core machine, p99 under 1 s, no error.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from votecore.encoding import tracker

ROOT = Path(__file__).resolve().parents[2]


def _django(database: str) -> None:
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alianza.settings")
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
    import django

    django.setup()


def _fresh_database(database: str) -> None:
    import psycopg

    with psycopg.connect(
        "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
    ) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        db.execute(f'CREATE DATABASE "{database}"')


def _prepare(voters: int) -> tuple[str, list[str], dict[int, dict]]:
    """An open election with ``voters`` on the roll; returns its uid and the codes."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from alianza.elections import actions, selectors
    from alianza.elections.models import Election, Role, Voter
    from alianza.elections.trustee import next_step
    from alianza.orgs.models import Organisation, Person
    from votecore import api as vc

    org = Organisation.objects.create(
        slug="bench", name="Bench union", countries=["MX"]
    )
    from datetime import timedelta

    from django.utils import timezone

    election = Election.objects.create(
        organisation=org, kind="strike", title="Load", question="¿Huelga?",
        answers=["Sí", "No"], opens_at=timezone.now(), closes_at=timezone.now() + timedelta(days=1),
        trustee_count=3, threshold=2,
    )  # fmt: skip
    for n in range(1, 4):
        person = Person.objects.create(name=f"Trustee {n}", country="MX")
        Role.objects.create(
            election=election, person=person, kind="trustee", trustee_index=n
        )
    authority = Person.objects.create(name="Credential authority", country="MX")
    Role.objects.create(
        election=election, person=authority, kind="credential_authority"
    )
    Voter.objects.bulk_create(
        Voter(election=election, name=f"Voter {n}", worker_number=str(n))
        for n in range(voters)
    )
    actions.start_ceremony(election)
    privates: dict[int, dict] = {}
    for _round in range(4):
        for n in range(1, 4):
            election.refresh_from_db()
            step, message, private = next_step(
                n, privates.get(n), selectors.ceremony_state(election)
            )
            privates[n] = private or privates.get(n, {})
            if step:
                actions.receive(election, n, step, message)
    election.refresh_from_db()
    pairs = vc.make_credentials(election.election_id, voters)
    roll = list(election.voters.order_by("pk"))
    actions.store_credentials(
        election, {v.pk: p for v, (_s, p) in zip(roll, pairs, strict=True)}
    )
    actions.start_voting(election)
    return str(election.uid), [s for s, _p in pairs], privates


_CTX: dict = {}


def _init(params: dict, key: dict) -> None:
    from votecore import api as vc

    _CTX["election"] = vc.election_from(params, key)


def _make(task: tuple[str, int, str | None]) -> bytes:
    from votecore import api as vc

    secret, choice, replaces = task
    body, _ = vc.cast(
        _CTX["election"], secret, [[1, 0]] if choice else [[0, 1]], replaces
    )
    return json.dumps(body).encode()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int) -> None:
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def _send(
    port: int, path: str, queue: list[bytes], lock: threading.Lock, out: list
) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while True:
        with lock:
            if not queue:
                break
            body = queue.pop()
        start = time.perf_counter()
        try:
            conn.request("POST", path, body, {"Content-Type": "application/json"})
            response = conn.getresponse()
            answer = response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            status, answer = 0, b""
        out.append((time.perf_counter() - start, status, answer))
    conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Cast ballots under load.")
    parser.add_argument("--voters", type=int, default=6000)
    parser.add_argument("--revotes", type=float, default=0.05)
    parser.add_argument("--clients", type=int, default=24)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--database", default="alianza_bench")
    args = parser.parse_args(argv)
    say = lambda text: print(text, flush=True)  # noqa: E731

    say(f"preparing a {args.voters}-voter election on PostgreSQL ({args.database})…")
    _fresh_database(args.database)
    _django(args.database)
    uid, codes, privates = _prepare(args.voters)
    from alianza.elections.models import Election

    election = Election.objects.get(uid=uid)
    rng = random.Random(7)  # simulated voters
    tasks = [(code, rng.random() < 0.6) for code in codes]
    revoters = rng.sample(range(len(codes)), int(len(codes) * args.revotes))
    tasks += [(codes[n], rng.random() < 0.5) for n in revoters]
    t0 = time.perf_counter()
    with multiprocessing.Pool(
        os.cpu_count(), _init, (election.params, election.key)
    ) as pool:
        firsts = pool.map(_make, [(c, v, None) for c, v in tasks[: len(codes)]], 64)
        # A re-vote names the tracker of the ballot it replaces.
        previous = {
            code: tracker(json.loads(b)) for code, b in zip(codes, firsts, strict=True)
        }
        again = [(c, v, previous[c]) for c, v in tasks[len(codes) :]]
        bodies = firsts + pool.map(_make, again, chunksize=64)
    say(
        f"{len(bodies)} ballots made by the voters' side in {time.perf_counter() - t0:.1f} s"
    )
    # The last ballot of a voter who votes again must be sent after the first.
    first, again_bodies = bodies[: len(codes)], bodies[len(codes) :]
    expected = {}
    for code, choice in tasks:
        expected[code] = choice

    port = _free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "alianza.settings"}
    server = subprocess.Popen(  # noqa: S603
        [str(ROOT / ".venv/bin/gunicorn"), "--bind", f"127.0.0.1:{port}",
         "--workers", str(args.workers), "--threads", str(args.threads),
         "--worker-class", "gthread", "--log-level", "warning", "alianza.wsgi:application"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        _wait(port)
        path = f"/api/v1/elections/{uid}/ballots"
        results: list = []
        lock = threading.Lock()
        started = time.perf_counter()
        for batch in (first, again_bodies):
            queue = list(reversed(batch))
            clients = [
                threading.Thread(target=_send, args=(port, path, queue, lock, results))
                for _ in range(args.clients)
            ]
            for c in clients:
                c.start()
            for c in clients:
                c.join()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait()

    latencies = sorted(r[0] for r in results)
    errors = [r for r in results if r[1] != 201]
    trackers = [json.loads(r[2])["tracker"] for r in results if r[1] == 201]
    q = statistics.quantiles(latencies, n=100)
    say("")
    say(f"ballots sent        {len(results)} by {args.clients} concurrent clients")
    say(
        f"server              gunicorn, {args.workers} workers × {args.threads} threads, PostgreSQL"
    )
    say(
        f"sustained rate      {len(results) / elapsed:.0f} ballots/s over {elapsed:.1f} s (target ≥ 100)"
    )
    say(
        f"latency             p50 {q[49] * 1000:.0f} ms · p95 {q[94] * 1000:.0f} ms · p99 {q[98] * 1000:.0f} ms (target p99 < 1000 ms)"
    )
    say(f"errors              {len(errors)}")

    on_board = election.board.filter(type="ballot")
    once = on_board.count() == len(trackers) == len(set(trackers))
    stored = set(on_board.values_list("tracker", flat=True))
    say(
        f"on the board        {on_board.count()} ballots; each accepted ballot exactly once: {once and stored == set(trackers)}"
    )
    from alianza.elections import actions, selectors

    actions.stop_voting(election)
    from alianza.elections.trustee import next_step

    for n in (1, 2):  # any two of the three trustees decrypt
        election.refresh_from_db()
        step, message, _private = next_step(
            n, privates[n], selectors.ceremony_state(election)
        )
        actions.receive(election, n, step, message)
    election.refresh_from_db()
    tally = json.loads(election.board.get(type="tally").line)["payload"]
    say(
        f"tally               counts the last ballot of {tally['counted']} voters (expected {len(codes)})"
    )
    from votecore import api as vc

    t0 = time.perf_counter()
    report = vc.verify_board(actions.board_bytes(election), workers=os.cpu_count() or 1)
    say(
        f"verifier            {'accepts' if report.ok else 'REFUSES'} the board ({time.perf_counter() - t0:.1f} s)"
    )
    ok = not errors and once and tally["counted"] == len(codes) and report.ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
