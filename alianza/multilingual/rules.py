"""Who may read a record's translations and their history, who may reject one, who
approves a machine's draft, and who keeps the glossary.

Writing a translation is allowed to whoever may change the record (the record's own
``<app>.change_<model>`` rule). Rejecting one belongs to the union the text belongs to:
its leaders, or the original's author (``ground.ownership``) — never to another union.
"""

from typing import Any

import rules

from .ground import hooks, ownership
from .models import PastTranslation, Translation


def _record_of(obj: Any) -> Any:
    if isinstance(obj, Translation | PastTranslation):
        return obj.record
    return obj


def _may(user: Any, verb: str, record: Any) -> bool:
    meta = record._meta
    name = f"{meta.app_label}.{verb}_{meta.model_name}"
    return rules.perm_exists(name) and user.has_perm(name, record)


@rules.predicate
def sees_the_record(user, obj) -> bool:
    """May read the record the translation is of (its ``view_`` rule, or its
    ``change_`` rule for a record that has no ``view_`` rule)."""
    record = _record_of(obj) if obj is not None else None
    if record is None or not getattr(user, "is_authenticated", False):
        return False
    return _may(user, "view", record) or _may(user, "change", record)


@rules.predicate
def speaks_for_the_owner(user, obj) -> bool:
    """Leads the union the text belongs to, or wrote the original."""
    record = _record_of(obj) if obj is not None else None
    if record is None or not getattr(user, "is_authenticated", False):
        return False
    owner = ownership(record)
    if owner.author is not None and owner.author.pk == user.pk:
        return True
    return owner.organisation_id is not None and hooks.leads(
        user, owner.organisation_id
    )


@rules.predicate
def may_translate_the_record(user, obj) -> bool:
    """May write a translation of the record: whoever may change it (its own
    ``change_`` rule), the same people who may approve a machine's draft."""
    record = _record_of(obj) if obj is not None else None
    if record is None or not getattr(user, "is_authenticated", False):
        return False
    return _may(user, "change", record)


@rules.predicate
def keeps_the_glossary(user) -> bool:
    """An administrator or staff member of a union keeps the alliance's glossary."""
    if not getattr(user, "is_authenticated", False):
        return False
    return hooks.managed_union(user) is not None


rules.add_perm("multilingual.view_translations", sees_the_record)
rules.add_perm("multilingual.approve_translation", may_translate_the_record)
rules.add_perm("multilingual.view_glossary", rules.is_authenticated)
rules.add_perm("multilingual.change_glossary", keeps_the_glossary)
rules.add_perm(
    "multilingual.reject_translation", sees_the_record & speaks_for_the_owner
)
