"""Writing to the audit log. Every action in ``actions.py`` calls :func:`record`."""

from typing import Any

from django.db import models, transaction

from .context import client_ip
from .models import AuditEntry


def record(
    action: str,
    *,
    actor: Any = None,
    organisation: Any = None,
    space: Any = None,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
    ip_address: str | None = None,
) -> AuditEntry:
    """Append one entry, chained to the one before it.

    The chain is extended inside a transaction that locks the last entry, so two
    writers cannot both link to the same predecessor.
    """
    from .catalogue import action_labels

    if action not in action_labels():
        raise ValueError(f"Unknown audit action {action!r}; add it to the catalogue.")
    with transaction.atomic():
        last = (
            AuditEntry.objects.select_for_update()
            .order_by("-id")
            .values_list("entry_hash", flat=True)
            .first()
        )
        entry = AuditEntry(
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            actor_label=getattr(actor, "email", "") or "",
            action=action,
            organisation=organisation,
            space=space,
            target_type=target._meta.label_lower if target is not None else "",
            target_id=str(target.pk) if target is not None else "",
            target_label=str(target)[:300] if target is not None else "",
            data=data or {},
            ip_address=ip_address or client_ip.get(),
            previous_hash=last or "",
        )
        entry.entry_hash = entry.compute_hash()
        entry.save()
    return entry


def verify_chain() -> int | None:
    """Return the id of the first entry whose hash or link is wrong, else None."""
    previous = ""
    for entry in AuditEntry.objects.order_by("id").iterator():
        if entry.previous_hash != previous or entry.compute_hash() != entry.entry_hash:
            return entry.pk
        previous = entry.entry_hash
    return None


def scope_of(obj: models.Model) -> dict[str, Any]:
    """The organisation and joint space whose administrators should read about ``obj``."""
    label = obj._meta.label_lower
    organisation = (
        obj if label == "orgs.organisation" else getattr(obj, "organisation", None)
    )
    space = obj if label == "spaces.jointspace" else getattr(obj, "space", None)
    return {"organisation": organisation, "space": space}
