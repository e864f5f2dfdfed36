"""The house's shape, kept: what issue-free code looks like in Alianza.

The same figures are printed by ``bench/house/figures.py`` (``--list`` shows each
place). Each test here fails when one of them comes back.
"""

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "house_figures", ROOT / "bench" / "house" / "figures.py"
)
assert _spec and _spec.loader
figures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(figures)


def test_permissions_are_decided_in_rules_only():
    """Views, API and actions ask (require, get_visible, get_changeable); a refusal
    is raised in one place, lib.permissions."""
    assert figures.permission_denied_outside_rules() == []


def test_apps_import_in_one_direction():
    assert figures.mutual_imports() == []
    assert figures.import_loops() == []


def test_views_and_api_ask_selectors_for_reads():
    """A view or an endpoint fetches through a selector or lib.permissions; it
    builds no query of its own."""
    assert figures.query_lines_in_views() == []


def test_code_files_split_by_topic_past_500_lines():
    """A module past about 500 lines becomes a package (or sibling modules) by
    topic. The one exception is votecore's verifier, a single program read from
    top to bottom beside the protocol's specification."""
    long = [hit.split(":")[0] for hit in figures.long_files(include_tests=False)]
    assert long == ["votecore/verify.py"]


def test_templates_ask_models_about_state():
    """`{% if meeting.is_open %}`, not `{% if meeting.status == "open" %}`."""
    assert figures.state_strings_in_templates() == []


def test_roles_and_their_sets_are_named_in_one_module():
    spelled = re.compile(
        r"\{\s*Role\.[A-Z]+\s*,|frozenset\(\{\s*Role\.|role\s*!=\s*(\"member\"|Role\.MEMBER)"
    )
    places = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in figures.source_files()
        if path.relative_to(ROOT).as_posix() != "alianza/orgs/roles.py"
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if spelled.search(line)
    ]
    assert places == []


def test_no_figure_script_counts_a_test_file():
    """The figures read code, not tests: a rule broken in a test is not hidden."""
    assert all("tests" not in p.parts for p in figures.source_files())


def test_the_figures_catch_what_they_name(tmp_path, monkeypatch):
    """Each figure finds a planted example (so an empty list means something)."""
    app = tmp_path / "alianza" / "demoapp"
    (app / "templates" / "demoapp").mkdir(parents=True)
    (tmp_path / "alianza" / "other").mkdir()
    (app / "views.py").write_text(
        "from alianza.other import x\n"
        "def v(request):\n"
        "    Thing.objects.filter(a=1)\n"
        "    raise PermissionDenied\n"
    )
    (tmp_path / "alianza" / "other" / "models.py").write_text(
        "from alianza.demoapp import views\n"
    )
    (app / "templates" / "demoapp" / "page.html").write_text(
        '{% if meeting.status == "open" %}x{% endif %}'
    )
    monkeypatch.setattr(figures, "ROOT", tmp_path)
    monkeypatch.setattr(figures, "PACKAGE", tmp_path / "alianza")
    assert figures.permission_denied_outside_rules() == ["alianza/demoapp/views.py:4"]
    assert len(figures.query_lines_in_views()) == 1
    assert len(figures.state_strings_in_templates()) == 1
    assert len(figures.mutual_imports()) == 1
    assert figures.import_loops()[0].startswith("demoapp <-> other")


def test_the_readme_map_names_every_app_and_folder():
    readme = (ROOT / "README.md").read_text()
    layout = readme[readme.index("## Layout") : readme.index("## Checks")]
    apps = sorted(
        d.name
        for d in (ROOT / "alianza").iterdir()
        if d.is_dir() and not d.name.startswith("_") and d.name != "__pycache__"
    )
    folders = ["votecore", "static", "templates", "locale", "tests", "docs", "bench"]
    missing = [
        name
        for name in [f"  {app}/" for app in apps] + [f"\n{f}" for f in folders]
        if name not in layout
    ]
    assert missing == []


def test_ids_and_numbers_posted_back_are_not_formatted_for_reading():
    """With USE_THOUSAND_SEPARATOR, {{ seat.pk }} reads 12,345 (12.345, 12 345): a
    form that posts it back, or a link that carries it, must write |unlocalize."""
    numeric = re.compile(
        r'(value="|[?&;][a-z_]+=|[a-z]-)\{\{ ([a-z_.]*'
        r"(pk|_id|\.id|weight|limit|seconds|counter0|page_number|\.number)) \}\}"
    )
    places = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in sorted(ROOT.glob("alianza/*/templates/**/*.html"))
        + sorted(ROOT.glob("templates/**/*.html"))
        for match in numeric.finditer(path.read_text())
    ]
    assert places == []
