"""Figures of the code's shape: where permissions are decided, where queries are
written, what templates compare, which apps import each other, which files are long.

    .venv/bin/python bench/house/figures.py          # the figures
    .venv/bin/python bench/house/figures.py --list   # and every place counted

Read as text, nothing is run. The figures are kept honest by
``tests/test_house.py``, which fails when one of them comes back.
"""

import argparse
import ast
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "alianza"

#: Query-building calls: a line of a view or an endpoint that holds one is a read
#: written outside ``selectors.py``.
QUERY = re.compile(
    r"\.objects\b|\.(filter|exclude|annotate|aggregate|select_related|"
    r"prefetch_related|order_by|values_list|distinct|only|defer)\(|\.values\((?!\))"
)
#: A template tag comparing a record's state field with a literal string.
STATE_FIELDS = r"(status|state|phase|decision|extraction|method)"
STATE_COMPARISON = re.compile(
    r"\{%-?\s*(?:if|elif)\b[^%]*\." + STATE_FIELDS + r"\s*(?:==|!=)\s*['\"]"
)
LONG = 500


def source_files(include_tests: bool = False) -> list[Path]:
    files = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "migrations" in parts:
            continue
        if "tests" in parts and not include_tests:
            continue
        files.append(path)
    return files


def is_view_module(path: Path) -> bool:
    return (
        path.name in {"views.py", "api.py"}
        or path.name.endswith("_views.py")
        or (path.parent.name == "views")
    )


def is_rules_module(path: Path) -> bool:
    return path.name == "rules.py" or path.relative_to(ROOT).as_posix() == (
        "alianza/lib/permissions.py"
    )


def permission_denied_outside_rules() -> list[str]:
    hits = []
    for path in source_files():
        if is_rules_module(path):
            continue
        for n, line in enumerate(path.read_text().splitlines(), 1):
            if "raise PermissionDenied" in line:
                hits.append(f"{path.relative_to(ROOT)}:{n}")
    return hits


def query_lines_in_views() -> list[str]:
    hits = []
    for path in source_files():
        if not is_view_module(path):
            continue
        for n, line in enumerate(path.read_text().splitlines(), 1):
            if QUERY.search(line):
                hits.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    return hits


def state_strings_in_templates() -> list[str]:
    hits = []
    for path in sorted(PACKAGE.rglob("templates/**/*.html")):
        for n, line in enumerate(path.read_text().splitlines(), 1):
            for match in STATE_COMPARISON.finditer(line):
                hits.append(f"{path.relative_to(ROOT)}:{n}: {match.group(0)}")
    return hits


def app_of(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) >= 2 and parts[0] == "alianza" and (PACKAGE / parts[1]).is_dir():
        return parts[1]
    return None


def app_imports(include_demo: bool = True) -> dict[str, dict[str, list[str]]]:
    """app -> imported app -> the files that import it (every import, local ones too)."""
    graph: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in source_files():
        rel = path.relative_to(ROOT)
        importer = rel.parts[1] if len(rel.parts) > 2 else None
        if importer is None or importer == "lib":
            continue
        if not include_demo and path.name == "demo.py":
            continue
        package = ".".join(rel.with_suffix("").parts[:-1])
        for node in ast.walk(ast.parse(path.read_text())):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[
                        : len(package.split(".")) - node.level + 1
                    ]
                    names = [".".join(base + ([node.module] if node.module else []))]
                else:
                    names = [node.module or ""]
            for name in names:
                imported = app_of(name)
                if imported and imported not in {importer, "lib"}:
                    graph[importer][imported].append(str(rel))
    return graph


def mutual_imports() -> list[str]:
    """Pairs of apps that import each other directly."""
    graph = app_imports()
    return [
        f"{a} <-> {b}  ({a}: {', '.join(sorted(set(graph[a][b])))}; "
        f"{b}: {', '.join(sorted(set(graph[b][a])))})"
        for a in sorted(graph)
        for b in sorted(graph[a])
        if a < b and a in graph.get(b, {})
    ]


def import_loops() -> list[str]:
    """Pairs of apps that import each other, directly or through other apps."""
    graph = app_imports()
    reach: dict[str, set[str]] = {}
    for start in graph:
        seen, todo = set(), [start]
        while todo:
            for nxt in graph.get(todo.pop(), {}):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        reach[start] = seen
    loops = []
    for a in sorted(graph):
        for b in sorted(reach[a]):
            if a < b and a in reach.get(b, set()):
                direct = []
                if b in graph[a]:
                    direct.append(f"{a}->{b}: {', '.join(sorted(set(graph[a][b])))}")
                if a in graph.get(b, {}):
                    direct.append(f"{b}->{a}: {', '.join(sorted(set(graph[b][a])))}")
                loops.append(
                    f"{a} <-> {b}" + (f"  ({'; '.join(direct)})" if direct else "")
                )
    return loops


def long_files(include_tests: bool) -> list[str]:
    paths = source_files(include_tests=include_tests) + (
        sorted((ROOT / "tests").glob("*.py")) if include_tests else []
    )
    paths += sorted((ROOT / "votecore").rglob("*.py"))
    hits = []
    for path in paths:
        rel = path.relative_to(ROOT)
        is_test = "tests" in rel.parts
        if is_test != include_tests:
            continue
        n = len(path.read_text().splitlines())
        if n > LONG:
            hits.append(f"{rel}: {n} lines")
    return hits


def figures() -> dict[str, list[str]]:
    return {
        "raise PermissionDenied outside rules": permission_denied_outside_rules(),
        "query lines in views and API": query_lines_in_views(),
        "state strings compared in templates": state_strings_in_templates(),
        "pairs of apps importing each other": mutual_imports(),
        "pairs of apps in an import loop (through others too)": import_loops(),
        f"code files over {LONG} lines": long_files(include_tests=False),
        f"test files over {LONG} lines": long_files(include_tests=True),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="list every place counted")
    args = parser.parse_args()
    for name, hits in figures().items():
        print(f"{len(hits):5d}  {name}")
        if args.list:
            for hit in hits:
                print(f"         {hit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
