"""Vendor @noble/curves and @noble/hashes for the voting booth, reproducibly.

    python3 static/vendor/vendor-noble.py [CURVES_VERSION [CIPHERS_VERSION]]

Runs ``npm pack @noble/curves@VERSION`` and ``npm pack @noble/hashes@<the
version it depends on>`` in a temporary directory, then copies into
``static/vendor/noble-curves-VERSION/`` and ``static/vendor/noble-hashes-VERSION/``
only the ES modules that ``ed25519.js``, ``utils.js`` (curves), ``sha2.js``,
``blake2.js``, ``utils.js`` (hashes) import, directly or not, with each package's
LICENSE; and likewise ``salsa.js`` and ``utils.js`` of ``npm pack @noble/ciphers``
into ``static/vendor/noble-ciphers-VERSION/`` (the trustee's page opens and
seals shares with libsodium's sealed boxes: X25519, BLAKE2b, XSalsa20-Poly1305).

The packages' ESM build imports @noble/hashes by bare specifier
(``from '@noble/hashes/sha2.js'``), which a browser cannot resolve without an
import map (and an inline import map needs 'unsafe-inline' in our
Content-Security-Policy). So the copied files have exactly those specifiers
rewritten to relative paths (``'../noble-hashes-2.4.0/sha2.js'``); nothing else
in any file is changed, and the script prints each rewrite.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parent
ENTRIES = {
    "@noble/curves": ["ed25519.js", "utils.js"],
    "@noble/hashes": ["sha2.js", "blake2.js", "utils.js"],
    "@noble/ciphers": ["salsa.js", "utils.js"],
}
# Static imports and re-exports at the start of a line (JSDoc examples are
# indented behind " * " and do not match).
IMPORT = re.compile(
    r"""^(?:import|export)\s(?:[^;'"]*?\sfrom\s)?\s*(['"])([^'"]+)\1""", re.M
)


def pack(spec: str, workdir: Path) -> Path:
    """``npm pack`` one package and unpack it; return its ``package`` folder."""
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is not on PATH")
    out = subprocess.run(  # noqa: S603 - npm with a package spec
        [npm, "pack", spec, "--silent"],
        cwd=workdir,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()[-1]
    target = workdir / out.removesuffix(".tgz")
    with tarfile.open(workdir / out) as tar:
        tar.extractall(target, filter="data")
    return target / "package"


def closure(root: Path, entries: list[str]) -> dict[str, list[str]]:
    """Every file reachable from ``entries``, with the specifiers each imports."""
    seen: dict[str, list[str]] = {}
    todo = list(entries)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        specs = [m.group(2) for m in IMPORT.finditer((root / name).read_text())]
        seen[name] = specs
        for spec in specs:
            if spec.startswith("."):
                todo.append(
                    posixpath.normpath(posixpath.join(posixpath.dirname(name), spec))
                )
    return seen


def copy(
    root: Path, files: dict[str, list[str]], dest: Path, bare: dict[str, str]
) -> None:
    """Copy ``files`` into ``dest``, rewriting bare specifiers by ``bare``."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy(root / "LICENSE", dest / "LICENSE")
    for name, specs in sorted(files.items()):
        text = (root / name).read_text()
        for spec in specs:
            if spec.startswith("."):
                continue
            package, _, sub = spec.rpartition("/")
            if package not in bare:
                raise SystemExit(f"{name}: unexpected import {spec!r}")
            depth = name.count("/") + 1
            rel = "../" * depth + f"{bare[package]}/{sub}"
            text, n = re.subn(
                rf"""(['"]){re.escape(spec)}\1""", rf"\g<1>{rel}\g<1>", text
            )
            print(f"{dest.name}/{name}: {spec} -> {rel} ({n}x)")
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        (dest / name).write_text(text)


def main(argv: list[str]) -> int:
    version = argv[0] if argv else "2"
    ciphers_version = argv[1] if len(argv) > 1 else "2"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        curves = pack(f"@noble/curves@{version}", work)
        meta = json.loads((curves / "package.json").read_text())
        hashes_version = meta["dependencies"]["@noble/hashes"].lstrip("^~")
        hashes = pack(f"@noble/hashes@{hashes_version}", work)
        hmeta = json.loads((hashes / "package.json").read_text())
        curves_dir = f"noble-curves-{meta['version']}"
        hashes_dir = f"noble-hashes-{hmeta['version']}"
        curve_files = closure(curves, ENTRIES["@noble/curves"])
        hash_files = closure(hashes, ENTRIES["@noble/hashes"])
        for specs in curve_files.values():
            for spec in specs:
                if spec.startswith("@noble/hashes/"):
                    sub = spec.removeprefix("@noble/hashes/")
                    hash_files.update(closure(hashes, [sub]))
        ciphers = pack(f"@noble/ciphers@{ciphers_version}", work)
        cmeta = json.loads((ciphers / "package.json").read_text())
        ciphers_dir = f"noble-ciphers-{cmeta['version']}"
        cipher_files = closure(ciphers, ENTRIES["@noble/ciphers"])
        copy(hashes, hash_files, VENDOR / hashes_dir, {})
        copy(curves, curve_files, VENDOR / curves_dir, {"@noble/hashes": hashes_dir})
        copy(ciphers, cipher_files, VENDOR / ciphers_dir, {})
        print(
            f"vendored {curves_dir} ({len(curve_files)} modules), "
            f"{hashes_dir} ({len(hash_files)} modules), "
            f"{ciphers_dir} ({len(cipher_files)} modules)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
