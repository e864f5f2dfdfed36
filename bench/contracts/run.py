"""Benchmark of the contracts library: import throughput, then full-text search
(p50/p95), the search page's whole work (the direct matches, then the same topic's
clauses in the other languages), beside a plain substring scan of the same corpus.

    # SQLite (the app's settings: WAL; a fresh file in /tmp/alianza-bench-contracts/,
    # or in BENCH_SQLITE_DIR):
    .venv/bin/python bench/contracts/run.py --agreements 500
    # PostgreSQL (a database of its own; created when missing, emptied first):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/alianza_contracts_bench \\
        .venv/bin/python bench/contracts/run.py --agreements 500

Each agreement goes through the app's own path (``add_agreement`` with its text:
splitting, classification, stemming and indexing, audit entry). Half the corpus is Los
Mineros' and a tenth of that is shared into a joint space. Searches run as two readers,
scoped like the pages: USW staff (their union's agreements and the shared ones, half
the corpus) and a council delegate who reads only the shared ones (one in twenty). Each
search is the whole ``search.search()``: the scoped match, the count (up to the cap)
and the first 50 hits with their highlighted passages; the substring scan is the same
scope with ``text__icontains`` for each word, counted, and its first 50 rows.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

QUERIES = [
    "drug alcohol testing", "family medical emergency", "grievance arbitration",
    "civil rights committee", "attendance policy", "seniority layoff recall",
    "contracted out", "overtime", "pension insurance", "apprenticeship",
    "pruebas de drogas", "emergencia médica familiar", "comisión mixta",
    "subcontratación", "tiempo extra", "jubilación", "antigüedad escalafón",
    "acoso hostigamiento", "Cananea", "vacaciones prima",
]  # fmt: skip


def _prepare_database(keep: bool) -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        # The app's SQLite settings (WAL, busy timeout), on a file of the benchmark's own.
        default = "/tmp/alianza-bench-contracts"  # noqa: S108
        folder = Path(os.environ.get("BENCH_SQLITE_DIR", default))
        folder.mkdir(exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            if not keep:
                (folder / f"alianza.sqlite3{suffix}").unlink(missing_ok=True)
        os.environ["ALIANZA_DATA_DIR"] = str(folder)
        return "SQLite"
    if keep:
        return "PostgreSQL"
    import psycopg

    name = url.rsplit("/", 1)[-1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return "PostgreSQL"


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--agreements", type=int, default=5000)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each query")
    parser.add_argument(
        "--substring-repeat",
        type=int,
        default=1,
        help="runs of each query in the substring scan (seconds each at full size)",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="search the corpus of the previous run again (no import)",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="go on with an interrupted import (the corpus is the same for a seed)",
    )
    parser.add_argument(
        "--import-only", action="store_true", help="import, then stop (no searches)"
    )
    parser.add_argument(
        "--no-substring", action="store_true", help="skip the substring scan"
    )
    args = parser.parse_args()
    engine = _prepare_database(args.reuse or args.resume)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alianza.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from corpus import agreements

    from alianza.accounts.models import User
    from alianza.contracts.actions import add_agreement
    from alianza.contracts.models import Agreement, Clause
    from alianza.employers.models import Employer
    from alianza.orgs.models import Membership, Organisation, Person
    from alianza.spaces.models import JointSpace, Participant, Share

    if args.reuse:
        clauses = Clause.objects.count()
        print(f"engine: {engine}; the corpus of the previous run, {clauses} clauses")
        _searches(_readers(), clauses, args, engine)
        return
    if args.resume:
        usw = Organisation.objects.get(slug="usw")
        mineros = Organisation.objects.get(slug="los-mineros")
        space = JointSpace.objects.get(slug="council")
        employer = Employer.objects.get(slug="asarco")
        loader = User.objects.get(email="bench@example.test")
    else:
        usw = Organisation.objects.create(slug="usw", name="USW", short_name="USW")
        mineros = Organisation.objects.create(
            slug="los-mineros", name="Los Mineros", short_name="Los Mineros"
        )
        space = JointSpace.objects.create(
            slug="council", name="Council", kind="council"
        )
        for org in (usw, mineros):
            Participant.objects.create(space=space, organisation=org)
        employer = Employer.objects.create(slug="asarco", name="ASARCO", country="US")
        loader = User.objects.create_superuser("bench@example.test", "x")
        reader = User.objects.create_user("staff@usw.test", "x")
        person = Person.objects.create(user=reader, name="Staff", country="US")
        Membership.objects.create(person=person, organisation=usw, role="staff")
    done = Agreement.objects.count()

    print(
        f"engine: {engine}; corpus: {args.agreements} agreements of {args.pages} pages"
        + (f", going on after {done}" if done else "")
    )
    characters = 0
    started = time.perf_counter()
    for number, generated in enumerate(agreements(args.agreements, args.pages)):
        if number < done:
            continue  # imported by the interrupted run
        org = mineros if number % 2 else usw
        agreement = add_agreement(
            loader, org, employer=employer, title=generated.title,
            language=generated.language, country=generated.country,
            text=generated.text,
        )  # fmt: skip
        characters += len(generated.text)
        if org == mineros and number % 20 == 1:
            Share.objects.create(space=space, record=agreement, shared_by=loader)
        if (number + 1) % max(1, args.agreements // 10) == 0:
            elapsed = time.perf_counter() - started
            print(
                f"  imported {number + 1} ({(number + 1 - done) / elapsed:.1f}/s)",
                flush=True,
            )
    elapsed = time.perf_counter() - started
    clauses = Clause.objects.count()
    imported = args.agreements - done
    print(
        f"import: {imported} agreements, {clauses} clauses in all, "
        f"{characters / 1e6:.1f} M characters in {elapsed:.1f} s = "
        f"{imported / elapsed:.1f} agreements/s, "
        f"{characters / 1e6 / elapsed:.2f} M characters/s"
    )
    assert Agreement.objects.count() == args.agreements
    if not args.import_only:
        _searches(_readers(), clauses, args, engine)


def _readers() -> list:
    """USW staff (the union's agreements and those shared into the council: half the
    corpus), and a council delegate who reads only what is shared (one in twenty)."""
    from alianza.accounts.models import User
    from alianza.orgs.models import Person
    from alianza.spaces.models import JointSpace, Participant

    delegate = User.objects.filter(email="delegate@council.test").first()
    if delegate is None:
        delegate = User.objects.create_user("delegate@council.test", "x")
        person = Person.objects.create(user=delegate, name="Delegate", country="MX")
        space = JointSpace.objects.get(slug="council")
        Participant.objects.create(space=space, person=person)
    staff = User.objects.get(email="staff@usw.test")
    return [("USW staff", staff), ("council delegate", delegate)]


def _searches(readers: list, clauses: int, args, engine: str) -> None:
    from django.db import connection

    if engine == "PostgreSQL":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            cursor.execute(
                "INSERT INTO contracts_clause_fts(contracts_clause_fts) VALUES('optimize')"
            )

    for label, reader in readers:
        _search_as(label, reader, clauses, args)


def _search_as(label: str, reader, clauses: int, args) -> None:
    from django.db import reset_queries

    from alianza.contracts import search
    from alianza.contracts.models import Clause
    from alianza.contracts.selectors import visible_agreements

    scoped = Clause.objects.filter(agreement__in=visible_agreements(reader))
    readable = scoped.count()
    print(f"reader: {label}, may read {readable} of {clauses} clauses")

    def fts(query: str) -> int:
        hits, total = search.search(reader, query, search.Filters())
        return total

    def with_other_languages(query: str) -> int:
        """What the search page does: the direct matches, then the same topic's
        clauses in the other languages (the count of these)."""
        search.search(reader, query, search.Filters())
        found = search.across_languages(reader, query, search.Filters())
        return sum(group.total for group in found)

    def substring(query: str) -> int:
        found = scoped
        for word in query.split():
            found = found.filter(text__icontains=word)
        total = found.count()
        list(
            found.order_by("-agreement__effective_on", "agreement_id", "position")[:50]
        )
        return total

    results = {}
    engines = [
        ("full-text search", fts, args.repeat),
        ("+ other languages", with_other_languages, args.repeat),
    ]
    if not args.no_substring:
        engines.append(("substring scan", substring, args.substring_repeat))
    for name, function, repeat in engines:
        samples = []
        totals = {}
        for query in QUERIES:
            function(query)  # warm
            for _run in range(repeat):
                reset_queries()
                began = time.perf_counter()
                totals[query] = function(query)
                samples.append((time.perf_counter() - began) * 1000)
        results[name] = (samples, totals)
        print(
            f"  {name:17s}: p50 {_percentile(samples, 0.5):8.1f} ms   "
            f"p95 {_percentile(samples, 0.95):8.1f} ms   max {max(samples):8.1f} ms   "
            f"({len(samples)} searches)",
            flush=True,
        )
    print(
        "  hits per query (full-text, with stemming, counted up to "
        f"{search.COUNT_CAP + 1} / the same topic in other languages, counted up to "
        "that in each topic / substring, every one):"
    )
    for query in QUERIES:
        print(
            f"    {query:28s} {results['full-text search'][1][query]:7d} "
            f"{results['+ other languages'][1][query]:7d} "
            f"{results.get('substring scan', ({}, {}))[1].get(query, '-'):>7}"
        )


if __name__ == "__main__":
    main()
