"""Who may use the pages and endpoints of audit: its rows of the authorisation matrix."""

from tests.matrix import Row, matrix_tests

PAGES: dict[str, Row] = {}
API: dict[str, Row] = {}

# Only the check that audit declares none: no page or endpoint rows to run.
_pages, _api, test_every_route_has_a_row = matrix_tests("audit", PAGES, API)
