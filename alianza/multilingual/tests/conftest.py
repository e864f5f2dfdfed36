"""The multilingual tests' fixtures: ``server``, the stand-in translation server."""

from .standin import server  # noqa: F401 (a fixture for the tests of this folder)
