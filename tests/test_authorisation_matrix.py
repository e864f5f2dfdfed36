"""The authorisation matrix as a whole: every page route and API endpoint of Alianza
has exactly one row, in the ``tests/test_authorisation.py`` of the app that declares it.

The rows and their tests are in each app; the engine is ``tests/matrix.py``.
"""

import importlib

import pytest

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

    def __init__(self, write) -> None:
        self.write = write

    def post(self, url, data):
        from django.http import HttpResponseForbidden

        self.write()
        return HttpResponseForbidden()


def _refused_row():
    from tests.matrix import PERSONAS, Row

    return Row(lambda w: "/somewhere/", dict.fromkeys(PERSONAS, 403), method="post")


def _insert() -> None:
    from alianza.orgs.models import Organisation

    Organisation.objects.create(slug="written-anyway", name="Written anyway")


def _update() -> None:
    from alianza.orgs.models import Organisation

    Organisation.objects.filter(slug="usw").update(name="Renamed anyway")


def _delete() -> None:
    from alianza.orgs.models import ContactChannel

    ContactChannel.objects.filter(value="outsider@example.test").delete()


def _raw_update() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("UPDATE orgs_unit SET name = 'Raw' WHERE number = '915'")


@pytest.mark.parametrize(
    ("write", "changed"),
    [
        (_insert, "orgs.Organisation"),
        (_update, "orgs.Organisation"),
        (_delete, "orgs.ContactChannel"),
        (_raw_update, "orgs.Unit"),
    ],
)
def test_a_refused_write_that_changed_the_database_fails_its_row(world, write, changed):
    from tests.matrix import run_page

    with pytest.raises(AssertionError, match=rf"changed \['{changed}'"):
        run_page(_ClientThatRefusesYetWrites(write), world, _refused_row(), "anonymous")


def test_a_refused_write_that_wrote_nothing_in_the_end_passes_its_row(world):
    """A write undone by its transaction, and a token's last use, change nothing."""
    from django.db import transaction
    from django.utils import timezone

    from alianza.accounts.actions import create_token
    from tests.matrix import run_page

    token, _secret = create_token(world["usw_staff"], "matrix")

    def undone_write_and_token_use() -> None:
        try:
            with transaction.atomic():
                _update()
                raise RuntimeError("refused")
        except RuntimeError:
            pass
        type(token).objects.filter(pk=token.pk).update(last_used_at=timezone.now())

    client = _ClientThatRefusesYetWrites(undone_write_and_token_use)
    run_page(client, world, _refused_row(), "anonymous")
