"""How a person is addressed: the grammatical gender that Spanish and French role and
seat names take for her or him ("observadora", "déléguée syndicale").

A person may say she is addressed in the feminine, he in the masculine, or either in a
neutral way (``Person.address_as``). A role or seat name is then looked up with a message
context: ``pgettext("feminine", "Observer")``; neutral, or nothing said, uses the
unmarked name (``gettext("Observer")``), the one every catalogue already holds.
English names do not change. The catalogues hold each name three times; the
translators' notes are in docs/translators-glossary.md.
"""

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext, override, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _


class Address(models.TextChoices):
    FEMININE = "feminine", _("Feminine (observadora, déléguée)")
    MASCULINE = "masculine", _("Masculine (observador, délégué)")
    NEUTRAL = "neutral", _("Neutral (the usual form of each name)")


#: Each name that agrees with the person, in its three forms: feminine, masculine and
#: unmarked. The unmarked msgid is the label the rest of Alianza uses (a role's, a seat
#: kind's), so that a neutral address reads exactly as before.
_FORMS: dict[str, tuple[Promise, Promise, Promise]] = {
    "Observer": (
        pgettext_lazy("feminine", "Observer"),
        pgettext_lazy("masculine", "Observer"),
        _("Observer"),
    ),
    "Voting member": (
        pgettext_lazy("feminine", "Voting member"),
        pgettext_lazy("masculine", "Voting member"),
        _("Voting member"),
    ),
    "Alternate": (
        pgettext_lazy("feminine", "Alternate"),
        pgettext_lazy("masculine", "Alternate"),
        _("Alternate"),
    ),
    "Member": (
        pgettext_lazy("feminine", "Member"),
        pgettext_lazy("masculine", "Member"),
        _("Member"),
    ),
    "Officer": (
        pgettext_lazy("feminine", "Officer"),
        pgettext_lazy("masculine", "Officer"),
        _("Officer"),
    ),
    "Staff": (
        pgettext_lazy("feminine", "Staff"),
        pgettext_lazy("masculine", "Staff"),
        _("Staff"),
    ),
    "Organisation administrator": (
        pgettext_lazy("feminine", "Organisation administrator"),
        pgettext_lazy("masculine", "Organisation administrator"),
        _("Organisation administrator"),
    ),
    "Coordinator": (
        pgettext_lazy("feminine", "Coordinator"),
        pgettext_lazy("masculine", "Coordinator"),
        _("Coordinator"),
    ),
    "Participant": (
        pgettext_lazy("feminine", "Participant"),
        pgettext_lazy("masculine", "Participant"),
        _("Participant"),
    ),
    "Delegate": (
        pgettext_lazy("feminine", "Delegate"),
        pgettext_lazy("masculine", "Delegate"),
        _("Delegate"),
    ),
    "Steward": (
        pgettext_lazy("feminine", "Steward"),
        pgettext_lazy("masculine", "Steward"),
        _("Steward"),
    ),
    "President": (
        pgettext_lazy("feminine", "President"),
        pgettext_lazy("masculine", "President"),
        _("President"),
    ),
    "Vice-president": (
        pgettext_lazy("feminine", "Vice-president"),
        pgettext_lazy("masculine", "Vice-president"),
        _("Vice-president"),
    ),
    "Secretary": (
        pgettext_lazy("feminine", "Secretary"),
        pgettext_lazy("masculine", "Secretary"),
        _("Secretary"),
    ),
    "Treasurer": (
        pgettext_lazy("feminine", "Treasurer"),
        pgettext_lazy("masculine", "Treasurer"),
        _("Treasurer"),
    ),
    "Secretary-treasurer": (
        pgettext_lazy("feminine", "Secretary-treasurer"),
        pgettext_lazy("masculine", "Secretary-treasurer"),
        _("Secretary-treasurer"),
    ),
}
_BY_FOLDED = {name.casefold(): name for name in _FORMS}


def form_for(name: str, address: str) -> tuple[str | None, str]:
    """The message context and msgid that name ``name`` for a person addressed as
    ``address``: ("feminine", "Observer"), or (None, "Observer") for the unmarked
    form. ``name`` is the unmarked English name, in any case."""
    known = _BY_FOLDED.get(name.strip().casefold())
    if known is None:
        return None, name
    if address in (Address.FEMININE, Address.MASCULINE):
        return str(address), known
    return None, known


def addressed(name: str, address: str) -> str:
    """``name`` (a role's, a seat kind's, a usual title's English name) in the reader's
    language, agreeing with the person: ``addressed("Observer", "feminine")`` is
    "Observadora" for a Spanish reader. A name that is not one of these (a title
    someone wrote, "Director of Safety") is returned as it is."""
    context, msgid = form_for(name, address)
    if msgid not in _FORMS:
        return name
    if context is None:
        return gettext(msgid)
    return pgettext(context, msgid)


def is_agreeing_name(name: str) -> bool:
    """Whether ``name`` is one of the names that agree with the person."""
    return name.strip().casefold() in _BY_FOLDED


def addressed_label(label: Promise | str, address: str) -> str:
    """A choice's label (``Role.OBSERVER.label``, ``Seat.Kind.OBSERVER.label``) in the
    reader's language, agreeing with the person; the label as usual if it does not
    agree with anyone."""
    with override(None):
        english = str(label)  # the msgid: no catalogue is active
    if english not in _FORMS:
        return str(label)
    return addressed(english, address)
