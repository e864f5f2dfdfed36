"""Audit declares no page and no endpoint: it is the bottom of the apps, which every
other app writes to. The organisation's audit log page belongs to orgs (its rule is
``orgs.view_audit``), and its row is in ``alianza/orgs/tests/test_authorisation.py``.
"""

from tests.matrix import Row, matrix_tests

PAGES: dict[str, Row] = {}
API: dict[str, Row] = {}

# Only the check that audit declares none: no page or endpoint rows to run.
_pages, _api, test_every_route_has_a_row = matrix_tests("audit", PAGES, API)
