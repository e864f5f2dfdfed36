#!/usr/bin/env python3
"""Set up Alianza on a machine that has only Python 3.11+ and git, then run it.

    python3 bootstrap.py demo      install, load the demo world, print the logins, serve
    python3 bootstrap.py test      install, run the whole test suite (SQLite)
    python3 bootstrap.py browser   install (Chromium too), run the browser tests
    python3 bootstrap.py install   install only

Everything goes into ./.venv from the locked requirements (requirements.lock).
Extra words after the command are passed on (to ``alianza demo`` or to pytest).
"""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".alianza-installed"


def run(*args: str | Path, **kwargs) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT, **kwargs)  # noqa: S603


def fingerprint() -> str:
    digest = hashlib.sha256()
    for name in ("requirements.lock", "pyproject.toml"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def install() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036  (this script may run on an old Python)
        sys.exit("Alianza needs Python 3.11 or newer.")
    if not (BIN / "python").exists():
        run(sys.executable, "-m", "venv", VENV)
    if STAMP.exists() and STAMP.read_text() == fingerprint():
        return
    pip = [BIN / "python", "-m", "pip", "--disable-pip-version-check", "-q"]
    run(*pip, "install", "-r", "requirements.lock")
    run(*pip, "install", "--no-deps", "-e", ".")
    STAMP.write_text(fingerprint())


def ensure_chromium() -> None:
    if shutil.which("chromium") or Path("/usr/bin/chromium").exists():
        return
    apt = shutil.which("apt-get")
    if apt is None:
        sys.exit(
            "The browser tests need Chromium at /usr/bin/chromium; install it first."
        )
    prefix = [] if os.geteuid() == 0 else ["sudo"]
    run(*prefix, apt, "update", "-qq")
    run(
        *prefix,
        apt,
        "install",
        "-y",
        "-qq",
        "chromium",
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )


def main() -> None:
    command, rest = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("help", [])
    if command not in {"demo", "test", "browser", "install"}:
        print(__doc__)
        sys.exit(0 if command in {"help", "-h", "--help"} else 2)
    install()
    if command == "demo":
        os.execv(BIN / "alianza", [str(BIN / "alianza"), "demo", *rest])  # noqa: S606
    elif command == "test":
        workers = "2" if (os.cpu_count() or 1) > 1 else "0"
        result = subprocess.run(  # noqa: S603
            [str(BIN / "pytest"), "-n", workers, *rest], cwd=ROOT, check=False
        )
        sys.exit(result.returncode)
    elif command == "browser":
        ensure_chromium()
        result = subprocess.run(  # noqa: S603
            [str(BIN / "pytest"), "-m", "browser", "-p", "no:xdist", *rest],
            cwd=ROOT,
            check=False,
        )
        sys.exit(result.returncode)


if __name__ == "__main__":
    main()
