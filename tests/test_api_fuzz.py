"""Schemathesis over the OpenAPI document: every operation, with inputs that fit the
schema and inputs that do not, as a USW staffer and a Los Mineros officer (each with
an API token) and anonymously; no answer may be a server error (5xx).

A step of its own in CI (``pytest -m fuzz``, see docs/operators/checks.md), not part
of the normal suite. Bounded to one to a few minutes on two cores: per operation up to
60 boundary cases of the coverage phase (``FUZZ_COVERAGE_CASES``), then 10 generated
inputs that fit and 10 that do not (``FUZZ_EXAMPLES``), derandomised so that a run can
be repeated exactly."""

import itertools
import logging
import os
import time
from contextlib import contextmanager

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from alianza.accounts.actions import create_token

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))
COVERAGE_CASES = int(os.environ.get("FUZZ_COVERAGE_CASES", "60"))
BASE_URL = "http://testserver"


def _fuzz(document: dict, headers: dict[str, str]) -> tuple[int, list[str], list[str]]:
    """Every operation of the document, fuzzed: the number of calls, the 5xx seen and
    the (operation, mode) pairs that had no input to send."""
    schema = schemathesis.openapi.from_dict(document)
    app = WSGIHandler()
    calls = 0
    errors: list[str] = []
    unsatisfiable: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        # Schemathesis' coverage phase first: the boundary values of each input
        # (the largest integers, empty and odd strings, missing and extra fields).
        cases = schema.iter_coverage_cases(
            operation,
            generation_modes=list(GenerationMode),
            generation_config=schema.config.generation_for(
                operation=operation, phase="coverage"
            ),
        )
        for case in itertools.islice(cases, COVERAGE_CASES):
            response = case.call(base_url=BASE_URL, app=app, headers=headers)
            calls += 1
            if response.status_code >= 500:
                errors.append(
                    f"{operation.label}: {response.status_code}\n"
                    f"    {case.as_curl_command(headers=headers)}"
                )
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                derandomize=True,
                database=None,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            def call(case) -> None:
                nonlocal calls
                response = case.call(base_url=BASE_URL, app=app, headers=headers)
                calls += 1
                if response.status_code >= 500:
                    errors.append(
                        f"{case.operation.label}: {response.status_code}\n"
                        f"    {case.as_curl_command(headers=headers)}"
                    )

            try:
                call()
            except Unsatisfiable:
                # No input breaks the schema of an operation that takes none
                # (``GET /me`` has no negative case): nothing to send.
                unsatisfiable.append(f"{operation.label} ({mode})")
    return calls, errors, unsatisfiable


@pytest.fixture
def _quiet_refusals():
    """Hundreds of refusals would each log a warning; server errors (logged as
    errors) still show."""
    loggers = [logging.getLogger(n) for n in ("django.request", "django.security")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    yield
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


@contextmanager
def _one_connection():
    """Schemathesis calls the application as a WSGI server would; the test's database
    connection (and its transaction) must stay open across requests, as Django's test
    client keeps it (and reconnects the signals after each of its own requests)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.mark.usefixtures("_quiet_refusals")
@pytest.mark.parametrize("persona", ["usw_staff", "mineros_officer", None])
def test_no_server_error_anywhere(client, world, persona):
    headers = {"Accept-Language": "en"}
    if persona is not None:
        _token, secret = create_token(world[persona], "fuzz")
        headers["Authorization"] = f"Bearer {secret}"
    document = client.get("/api/v1/openapi.json").json()
    started = time.monotonic()
    with _one_connection():
        calls, errors, skipped = _fuzz(document, headers)
    print(
        f"\nschemathesis as {persona or 'anonymous'}: {calls} calls, "
        f"{len(errors)} server errors, {time.monotonic() - started:.0f} s"
        + (f"; nothing to send for {', '.join(skipped)}" if skipped else "")
    )
    assert calls > 0
    assert not errors, "\n".join(errors)
