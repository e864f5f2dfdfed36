"""The authorisation matrix as a whole: every page route and API endpoint of Alianza
has exactly one row, in the ``tests/test_authorisation.py`` of the app that declares it.

The rows and their tests are in each app; the engine is ``tests/matrix.py``.
"""

import importlib

from tests.matrix import _operations, _routes, api_owner, page_owner


def _rows_of(app: str) -> tuple[dict, dict]:
    try:
        module = importlib.import_module(f"alianza.{app}.tests.test_authorisation")
    except ModuleNotFoundError:
        return {}, {}
    return module.PAGES, module.API


def test_every_route_has_a_row_in_its_apps_file():
    apps = {page_owner(name) for name in _routes()} | {
        api_owner(key) for key in _operations()
    }
    pages: set[str] = set()
    api: set[str] = set()
    for app in apps:
        app_pages, app_api = _rows_of(app)
        pages |= set(app_pages)
        api |= set(app_api)
    assert set(_routes()) - pages == set(), "pages without a row in their app's file"
    assert set(_operations()) - api == set(), (
        "endpoints without a row in their app's file"
    )


class _ClientThatRefusesYetWrites:
    """A server that answers 403 to a write and changes the database anyway."""

    def post(self, url, data):
        from django.http import HttpResponseForbidden

        from alianza.orgs.models import Organisation

        Organisation.objects.create(slug="written-anyway", name="Written anyway")
        return HttpResponseForbidden()


def test_a_refused_write_that_changed_the_database_fails_its_row(db):
    import pytest

    from tests.matrix import PERSONAS, Row, run_page

    row = Row(lambda w: "/somewhere/", dict.fromkeys(PERSONAS, 403), method="post")
    with pytest.raises(AssertionError, match=r"changed \['orgs.Organisation'\]"):
        run_page(_ClientThatRefusesYetWrites(), None, row, "anonymous")
