"""Benchmark: a rapid-response alert fanned out to many recipients over SMTP.

Starts a local SMTP server (aiosmtpd) that counts what it receives, builds a union of
N members in a fresh database (SQLite in a temporary folder unless --database-url),
drafts an alert with Spanish and French translations, sends it, and runs the queued
chunks exactly as the task workers do (``alianza.alerts.actions.deliver``: one SMTP
connection per chunk), in one process or several. Prints recipients per second.

    .venv/bin/python bench/alerts/fanout.py --recipients 100000 --workers 4

Not a test: run it by hand and record the output in RESULTS.md.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import socket
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


class Counter:
    """aiosmtpd handler: accepts every message and counts it."""

    def __init__(self, count) -> None:
        self.count = count

    async def handle_DATA(self, server, session, envelope) -> str:
        with self.count.get_lock():
            self.count.value += 1
        return "250 OK"


def _serve(port: int, count, ready, stop) -> None:
    """The SMTP server, in a process of its own (it must not share the GIL with the
    senders it measures)."""
    from aiosmtpd.controller import Controller

    controller = Controller(Counter(count), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    stop.wait()
    controller.stop()


def _setup(args: argparse.Namespace, port: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alianza.settings")
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    else:
        os.environ["ALIANZA_DATA_DIR"] = tempfile.mkdtemp(prefix="alianza-bench-")
        os.environ.pop("DATABASE_URL", None)
    os.environ.update(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        SMS_BACKEND="alianza.lib.sms.LocmemBackend",
        TASKS_BACKEND="django_tasks.backends.dummy.DummyBackend",
        ALERT_CHUNK_SIZE=str(args.chunk),
        ALERTS_PER_HOUR="1000",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _world(n: int):
    """A union, one section and n members (a third each in es, en, fr), each with an
    e-mail address; one in ten also has a phone."""
    from alianza.accounts.models import User
    from alianza.orgs.models import (
        ContactChannel,
        Membership,
        Organisation,
        Person,
        Unit,
    )

    org = Organisation.objects.create(slug="bench", name="Bench Union", short_name="BU")
    unit = Unit.objects.create(
        organisation=org, kind="section", name="S1", country="MX"
    )
    sender = User.objects.create_user("sender@bench.test", "x" * 12)
    me = Person.objects.create(user=sender, name="Sender", country="MX")
    Membership.objects.create(person=me, organisation=org, role="staff")
    langs = ["es", "en", "fr"]
    people = Person.objects.bulk_create(
        [
            Person(
                name=f"Member {i}",
                sort_name=f"member {i}",
                country="MX",
                preferred_language=langs[i % 3],
            )  # fmt: skip
            for i in range(n)
        ],
        batch_size=5000,
    )
    Membership.objects.bulk_create(
        [
            Membership(person=p, organisation=org, unit=unit, role="member")
            for p in people
        ],
        batch_size=5000,
    )
    channels = [
        ContactChannel(person=p, kind="email", value=f"m{p.pk}@bench.test")
        for p in people
    ]
    channels += [
        ContactChannel(person=p, kind="phone", value=f"+52 1 {p.pk:07d}")
        for i, p in enumerate(people)
        if i % 10 == 0
    ]
    ContactChannel.objects.bulk_create(channels, batch_size=5000)
    return org, sender


def _run_chunk(args: tuple[int, int, int]) -> int:
    from alianza.alerts.actions import deliver

    return deliver(*args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--chunk", type=int, default=500)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    with socket.socket() as probe:  # a free port for the server
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    context = multiprocessing.get_context("fork")
    count, ready, stop = context.Value("i", 0), context.Event(), context.Event()
    server = context.Process(
        target=_serve, args=(port, count, ready, stop), daemon=True
    )
    server.start()
    ready.wait(10)
    _setup(args, port)

    from django.db import connections
    from django_tasks import default_task_backend

    from alianza.alerts.actions import draft_alert, send_alert
    from alianza.alerts.models import Alert, Delivery
    from alianza.multilingual.models import Translation

    started = time.perf_counter()
    org, sender = _world(args.recipients)
    built = time.perf_counter()
    alert = draft_alert(
        sender, org, title="Rally at the mine gate",
        body="Everyone to the mine gate on Saturday at 10.", language="en",
    )  # fmt: skip
    for lang, title, body in [
        (
            "es",
            "Mitin en la entrada de la mina",
            "Todos a la entrada el sábado a las 10.",
        ),
        ("fr", "Rassemblement à l'entrée de la mine", "Tous à l'entrée samedi à 10 h."),
    ]:
        for field, text in (("title", title), ("body", body)):
            Translation.objects.create(
                record=alert, field=field, language=lang, text=text
            )
    t0 = time.perf_counter()
    send_alert(sender, alert)
    queued = time.perf_counter()
    chunks = [tuple(r.args) for r in default_task_backend.results]  # type: ignore[attr-defined]
    connections.close_all()
    if os.environ.get("BENCH_PROFILE"):
        import cProfile

        cProfile.runctx("_run_chunk(chunks[0])", globals(), locals(), sort="cumtime")
        return
    if args.workers > 1:
        with context.Pool(args.workers) as pool:
            sent = sum(pool.map(_run_chunk, chunks, chunksize=1))
    else:
        sent = sum(_run_chunk(c) for c in chunks)
    done = time.perf_counter()
    time.sleep(0.5)  # let the server count the last messages
    stop.set()
    server.join(10)

    alert = Alert.objects.get(pk=alert.pk)
    statuses = Delivery.objects.filter(alert=alert, email_status="sent").count()
    fanout = done - t0
    print(f"recipients            {alert.recipients_count:>10,}")
    print(f"chunks                {len(chunks):>10,} of {args.chunk}")
    print(f"workers               {args.workers:>10}")
    print(f"database              {connections['default'].vendor:>10}")
    print(f"members created in    {built - started:>10.1f} s (setup, not measured)")
    print(f"deliveries recorded   {queued - t0:>10.1f} s")
    print(f"messages delivered    {done - queued:>10.1f} s")
    print(f"e-mails marked sent   {statuses:>10,}")
    print(f"SMTP server received  {count.value:>10,}")
    print(f"messages sent (e-mail and SMS) {sent:,}")
    print(f"alert status          {alert.status:>10}")
    print(f"total fan-out time    {fanout:>10.1f} s")
    print(f"recipients per second {alert.recipients_count / fanout:>10,.0f}")


if __name__ == "__main__":
    main()
