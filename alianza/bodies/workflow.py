"""The states a body's motions may take.

A body may narrow the workflow of its motions (``Body.motion_states``), but motions
belong to the meetings capability, which stands above this app: that app registers
its states here when it starts (``GovernanceConfig.ready``), so that this app never
imports it. Until it does, a body uses every state and offers none to choose.
"""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# In workflow order: (value, label); and those every body's motions always take.
_choices: list[tuple[str, object]] = []
_required: frozenset[str] = frozenset()


def register(choices: Sequence[tuple[str, object]], required: set[str]) -> None:
    """Called once at start-up by the app whose motions these are."""
    global _choices, _required  # set once per process, at start-up
    _choices, _required = list(choices), frozenset(required)


def motion_state_choices() -> list[tuple[str, str]]:
    """Every state a motion may take, in workflow order, labelled for the reader."""
    return [(value, str(label)) for value, label in _choices]


def motion_states(chosen: list[str]) -> list[str]:
    """The states a body's motions may take, in workflow order; none chosen means
    all of them, and the required ones (submitted, adopted, rejected) are always
    among them."""
    if not chosen:
        return []
    values = [value for value, _label in _choices]
    if not set(chosen) <= set(values):
        raise ValidationError({"motion_states": _("Choose states from the list.")})
    states = set(chosen) | _required
    return [s for s in values if s in states]
