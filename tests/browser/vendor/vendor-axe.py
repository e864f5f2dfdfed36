"""Vendor axe-core for the accessibility walk, reproducibly.

    python3 tests/browser/vendor/vendor-axe.py [VERSION]

Runs ``npm pack axe-core@VERSION`` (default 4.14.1) in a temporary directory and
copies only ``axe.min.js`` and ``LICENSE`` (MPL-2.0) into
``tests/browser/vendor/axe-core-VERSION/``, unchanged. The browser tests inject
that file into each page (``page.add_script_tag(path=...)``); the site never
serves it and nothing fetches it at run time. Then delete the old folder and
change ``AXE`` in ``tests/browser/test_accessibility.py``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = ["axe.min.js", "LICENSE"]


def main(argv: list[str]) -> int:
    version = argv[0] if argv else "4.14.1"
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is not on PATH")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        out = subprocess.run(  # noqa: S603 - npm with a package spec
            [npm, "pack", f"axe-core@{version}", "--silent"],
            cwd=work,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()[-1]
        with tarfile.open(work / out) as tar:
            tar.extractall(work / "unpacked", filter="data")
        package = work / "unpacked" / "package"
        meta = json.loads((package / "package.json").read_text())
        dest = HERE / f"axe-core-{meta['version']}"
        if dest.exists():
            shutil.rmtree(dest)
        dest.mkdir(parents=True)
        for name in FILES:
            shutil.copy(package / name, dest / name)
            digest = hashlib.sha256((dest / name).read_bytes()).hexdigest()
            print(f"{dest.name}/{name}  sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
