"""Asking whether a person may do something, and fetching what she may see or change.

Every decision is a rule registered in an app's ``rules.py``; views, API endpoints
and actions ask through these helpers and never decide themselves:

- ``require(user, perm, obj)`` refuses (403) unless the rule allows;
- ``get_visible(user, records, perm, **lookup)`` gives the record the person may
  see, or 404: a record she may not see is not admitted to exist;
- ``get_changeable(user, records, perm, view=..., **lookup)`` gives the record she
  may change: 404 if she may not see it, 403 if she sees it but may not change it.

``records`` is a model, a manager or a queryset (scoped or with its joins).
"""

from typing import Any, TypeVar

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

M = TypeVar("M", bound=Model)


def require(
    user: Any,
    perm: str,
    obj: Any = None,
    message: str | None = None,
    *,
    superusers_too: bool = False,
) -> None:
    """Raise PermissionDenied unless ``user`` has ``perm`` (on ``obj``).

    ``message`` says why, in the person's language, when the generic refusal would
    not tell her what to do (an observer who tries to vote). ``user.has_perm`` admits
    every active superuser; with ``superusers_too`` the rule itself is asked, for the
    few rules a superuser must meet as well (a second factor before using the API)."""
    allowed = (
        rules.has_perm(perm, user, obj) if superusers_too else user.has_perm(perm, obj)
    )
    if not allowed:
        raise PermissionDenied(message or _("You do not have permission to do this."))


def get_visible(
    user: Any, records: type[M] | QuerySet[M] | Any, perm: str | None, **lookup: Any
) -> M:
    """The record ``lookup`` names if ``user`` may see it (``perm``), else 404.

    With ``perm`` None, ``records`` must already be scoped to what the person may
    see (a selector such as ``visible_requests(user)``)."""
    obj = get_object_or_404(records, **lookup)
    if perm is not None and not user.has_perm(perm, obj):
        raise Http404
    return obj


def get_changeable(
    user: Any,
    records: type[M] | QuerySet[M] | Any,
    perm: str,
    *,
    view: str | None = None,
    message: str | None = None,
    **lookup: Any,
) -> M:
    """The record ``lookup`` names if ``user`` may change it (``perm``): 404 if she
    may not see it (``view``, or ``records`` already scoped), 403 if she may see but
    not change it."""
    obj = get_visible(user, records, view, **lookup)
    require(user, perm, obj, message)
    return obj
