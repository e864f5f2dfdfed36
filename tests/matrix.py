"""The authorisation matrix's engine: the personas, the answers, and the tests each
app's ``tests/test_authorisation.py`` builds from its rows.

Every URL pattern and API endpoint has a row in the file of the app that declares it
(the app whose module holds the view; allauth's pages belong to ``accounts``), with the
answer each persona must get: a status code, or LOGIN (a redirect to the sign-in page)
or REDIRECT (a redirect elsewhere: the action went through and sent the person on) or
REFUSED (sent back with an error message: the action refused).
A row whose answer is REDIRECT after a write names a ``check`` that looks in the
database for what the action did, so that a redirect which did nothing fails; a write
that is refused (or answered with its form again) must leave every row of Alianza's
tables as it was: the engine watches the statements the request runs
(``WriteWatch``) and compares the tables a write reached.
"""

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

PERSONAS = [
    "anonymous",
    "outsider",
    "member",
    "mineros_observer",
    "mineros_officer",
    "mineros_staff",
    "usw_member",
    "observer",
    "usw_officer",
    "usw_staff",
    "usw_admin",
]
LOGIN = "login"
REDIRECT = "redirect"
#: Sent back with an error message: the action refused (nothing may have changed).
REFUSED = "refused"
LEADERS = {
    "mineros_officer",
    "mineros_staff",
    "observer",
    "usw_officer",
    "usw_staff",
    "usw_admin",
}
MANAGERS = {"mineros_staff", "usw_staff", "usw_admin"}
#: Everyone who belongs to Los Mineros (the observer on the IEB is a member, and as an
#: observer leads nothing).
MINEROS = {"member", "mineros_observer", "mineros_officer", "mineros_staff"}
MINEROS_LEADERS = {"mineros_officer", "mineros_staff"}
USW_LEADERS = {"observer", "usw_officer", "usw_staff", "usw_admin"}
USW = USW_LEADERS | {"usw_member"}
#: Rank-and-file members of either union: they lead nothing.
MEMBERS = {"member", "mineros_observer", "usw_member"}
#: Those who take part in no joint space (a union takes part through its leaders):
#: joint spaces, their bodies, councils and what is shared there do not exist for them.
OUTSIDE_SPACES = {"outsider"} | MEMBERS
#: Those signed in who neither belong to Los Mineros nor hold a seat on its committee
#: (the USW's observer does): a Los Mineros-only record does not exist for them.
NOT_MINEROS = {"outsider", "usw_member", "usw_officer", "usw_staff", "usw_admin"}


def expect(default: Any, anonymous: Any = LOGIN, **only: Any) -> dict[str, Any]:
    """``default`` for every signed-in persona unless named; ``anonymous`` apart."""
    answers = {p: default for p in PERSONAS}
    answers["anonymous"] = anonymous
    answers.update(only)
    return answers


def allow(personas: set[str], yes: Any, no: Any = 403, anonymous: Any = LOGIN) -> dict:
    answers = {p: (yes if p in personas else no) for p in PERSONAS}
    answers["anonymous"] = anonymous
    return answers


@dataclass
class Row:
    url: Callable[[Any], str]
    answers: dict[str, Any]
    method: str = "get"
    data: Callable[[Any], dict] = field(default=lambda w: {})
    #: After a write that answered REDIRECT: asserts what the action changed.
    check: Callable[[Any], None] | None = None


# Which app declares a route --------------------------------------------------


@cache
def _routes() -> dict[str, str]:
    """Every named page route, with the module of its view."""
    routes: dict[str, str] = {}

    def walk(resolver: URLResolver, namespace: str) -> None:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "api":
                    continue
                inner = pattern.namespace or ""
                walk(pattern, f"{namespace}{inner}:" if inner else namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                routes[namespace + pattern.name] = pattern.callback.__module__

    walk(get_resolver(), "")
    return routes


def _app_of_module(module: str, default: str) -> str:
    parts = module.split(".")
    return parts[1] if parts[0] == "alianza" and len(parts) > 2 else default


def page_owner(name: str) -> str:
    """The app that declares page route ``name`` (allauth's pages: accounts)."""
    return _app_of_module(_routes()[name], "accounts")


@cache
def _operations() -> dict[str, str]:
    """Every API operation ("GET /api/v1/…"), with its operation id."""
    from alianza.api import api

    schema = api.get_openapi_schema()
    operations = {
        f"{method.upper()} {path}": op.get("operationId", "")
        for path, methods in schema["paths"].items()
        for method, op in methods.items()
    }
    # The API's own document and its browsable page belong to the project (core).
    operations |= {"GET /api/v1/openapi.json": "", "GET /api/v1/docs": ""}
    return operations


def api_owner(key: str) -> str:
    """The app whose router holds API operation ``key`` (ids are alianza_<app>_api_…)."""
    operation_id = _operations()[key]
    parts = operation_id.split("_")
    return parts[1] if operation_id.startswith("alianza_") else "core"


def route_names(app: str) -> set[str]:
    return {name for name in _routes() if page_owner(name) == app}


def api_operations(app: str) -> set[str]:
    return {key for key in _operations() if api_owner(key) == app}


# Running a row ---------------------------------------------------------------


def _answer(response, login_url: str) -> Any:
    from django.contrib import messages

    if response.status_code in (301, 302):
        if response["Location"].startswith(login_url):
            return LOGIN
        told = messages.get_messages(response.wsgi_request)
        if any(message.level == messages.ERROR for message in told):
            return REFUSED
        return REDIRECT
    return response.status_code


#: What a request changes without anyone acting: when a token was last used.
_UNWATCHED = {("accounts.ApiToken", "last_used_at")}

#: Statements that change no row (a read, or a transaction's bookkeeping).
_READS = ("SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT", "EXPLAIN")


@cache
def _alianza_tables() -> dict[str, Any]:
    """Every table of Alianza's own (with its many-to-many tables), by name."""
    from django.apps import apps

    return {
        model._meta.db_table: model
        for model in apps.get_models(include_auto_created=True)
        if model.__module__.startswith("alianza.")
    }


@cache
def _table_names() -> re.Pattern:
    names = sorted(_alianza_tables(), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")


def _rows(model) -> list:
    label = model._meta.label
    fields = [
        f.attname
        for f in model._meta.concrete_fields
        if (label, f.attname) not in _UNWATCHED
    ]
    return list(model._default_manager.order_by("pk").values_list(*fields))


def _tables_written(sql: str) -> set[str]:
    """The Alianza tables a statement may change: none for a read, else every one
    it names (a write's subqueries included, so nothing it could reach escapes)."""
    words = sql.lstrip(" (\n").split(None, 1)
    if words and words[0].upper() in _READS:
        return set()
    return set(_table_names().findall(sql))


class WriteWatch:
    """Sees every SQL statement a request runs (``connection.execute_wrapper``) and,
    before the first that may write to an Alianza table, keeps that table's rows: a
    refusal that ran no write changed nothing, one that did is compared table by
    table (snapshotting every table twice per row made the matrix slow)."""

    def __init__(self) -> None:
        self.before: dict[str, list] = {}
        self._snapshotting = False

    def __call__(self, execute, sql, params, many, context):
        if not self._snapshotting:
            unseen = _tables_written(sql) - self.before.keys()
            if unseen:
                # The snapshot's own reads pass through this wrapper too.
                self._snapshotting = True
                try:
                    for table in unseen:
                        self.before[table] = _rows(_alianza_tables()[table])
                finally:
                    self._snapshotting = False
        return execute(sql, params, many, context)

    def changed(self) -> list[str]:
        tables = _alianza_tables()
        return sorted(
            tables[table]._meta.label
            for table, rows in self.before.items()
            if _rows(tables[table]) != rows
        )

    def assert_unchanged(self, what: str) -> None:
        changed = self.changed()
        assert changed == [], f"{what} was refused, yet changed {changed}"


@contextmanager
def watching_writes(write: bool) -> Iterator[WriteWatch | None]:
    """A watch over the request's statements when it is a write, else nothing."""
    from django.db import connection

    if not write:
        yield None
        return
    watch = WriteWatch()
    with connection.execute_wrapper(watch):
        yield watch


def run_page(client, world, row: Row, persona: str) -> None:
    if persona != "anonymous":
        client.force_login(world[persona])
    url, data = row.url(world), row.data(world)  # the records it names exist before
    with watching_writes(row.method != "get") as watch:
        response = getattr(client, row.method)(url, data)
    answer = _answer(response, reverse("account_login"))
    what = f"{row.method.upper()} {url} as {persona}"
    assert answer == row.answers[persona], (
        f"{what}: {answer}, not {row.answers[persona]}"
    )
    if answer == REDIRECT and row.check is not None:
        row.check(world)
    elif watch is not None and answer != REDIRECT:
        watch.assert_unchanged(what)


def run_api(client, world, name: str, row: Row, persona: str) -> None:
    from alianza.accounts.actions import create_token

    headers = {}
    if persona != "anonymous":
        _token, secret = create_token(world[persona], "matrix")
        headers["Authorization"] = f"Bearer {secret}"
    url, data = row.url(world), row.data(world)  # the records it names exist before
    method = getattr(client, row.method)
    with watching_writes(row.method != "get") as watch:
        if watch is None:
            response = method(url, headers=headers)
        else:
            response = method(
                url, data, content_type="application/json", headers=headers
            )
    assert response.status_code == row.answers[persona], (
        f"{name} as {persona}: {response.status_code}, not {row.answers[persona]}: "
        f"{response.content[:300]!r}"
    )
    if response.status_code in (200, 201):
        if row.check is not None:
            row.check(world)
    elif watch is not None:
        watch.assert_unchanged(f"{name} as {persona}")


def matrix_tests(app: str, pages: dict[str, Row], api: dict[str, Row]):
    """The tests of one app's rows: each page and endpoint as each persona, and a
    row for every route the app declares (no more, no fewer)."""

    @pytest.mark.parametrize("persona", PERSONAS)
    @pytest.mark.parametrize("name", sorted(pages))
    def test_page(client, matrix_world, name, persona):
        run_page(client, matrix_world, pages[name], persona)

    @pytest.mark.parametrize("persona", PERSONAS)
    @pytest.mark.parametrize("name", sorted(api))
    def test_api(client, matrix_world, name, persona):
        run_api(client, matrix_world, name, api[name], persona)

    def test_every_route_has_a_row():
        declared = route_names(app)
        assert declared - set(pages) == set(), f"{app}: pages without a row"
        assert set(pages) - declared == set(), f"{app}: rows for no page of {app}"
        operations = api_operations(app)
        assert operations - set(api) == set(), f"{app}: endpoints without a row"
        assert set(api) - operations == set(), f"{app}: rows for no endpoint of {app}"
        for name, row in {**pages, **api}.items():
            assert set(row.answers) == set(PERSONAS), name

    # An app without endpoints gets no API test rather than one with no cases.
    return test_page, (test_api if api else None), test_every_route_has_a_row
