"""The ``alianza`` console command.

alianza demo      load the demo world (idempotent), print the demo logins, serve
alianza serve     migrate, then serve with a background worker beside it
alianza worker    run background tasks
alianza WORD ...  any of Django's management commands (migrate, shell, ...)
"""

import os
import subprocess
import sys

USAGE = __doc__ or ""


def django_main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alianza.settings")
    from django.conf import settings
    from django.core.management import execute_from_command_line

    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    execute_from_command_line(argv)


def _manage(*args: str) -> None:
    django_main(["alianza", *args])


def _serve(address: str, with_worker: bool) -> None:
    worker = None
    if with_worker:
        worker = subprocess.Popen([sys.executable, "-m", "alianza.cli", "worker"])
    try:
        _manage("runserver", address, "--noreload")
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=10)


def _prepare() -> None:
    """Settings loaded, data folder present, database migrated."""
    _manage("migrate", "--no-input", "-v", "0")


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(USAGE)
        return
    command, rest = args[0], args[1:]
    flags = {a for a in rest if a.startswith("--")}
    positional = [a for a in rest if not a.startswith("--")]
    address = (
        positional[0]
        if positional
        else os.environ.get("ALIANZA_ADDRESS", "127.0.0.1:8000")
    )
    if command in {"demo", "serve"}:
        # Links in messages (alerts, invitations) point at the address served,
        # unless the operator names the public one.
        os.environ.setdefault("SITE_URL", f"http://{address}")
    if command == "demo":
        _prepare()
        _manage("load_demo", *sorted(flags - {"--no-serve"}))
        if "--no-serve" not in flags:
            print(
                f"\nAlianza is at http://{address}/  (stop it with Ctrl+C)\n",
                flush=True,
            )
            _serve(address, with_worker=True)
    elif command == "serve":
        _prepare()
        _serve(address, with_worker="--no-worker" not in flags)
    elif command == "worker":
        _manage("db_worker", *rest)
    else:
        _manage(command, *rest)


if __name__ == "__main__":
    main()
