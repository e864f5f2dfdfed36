"""The roles a person holds in an organisation, and the sets of them that rules use.

This is the one place that names them: a rule asks ``has_role(user, org,
LEADING_ROLES)``; no module spells a set of roles, or ``role != "member"``, itself.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """A person's role in an organisation, from most to least powerful."""

    ADMIN = "admin", _("Organisation administrator")
    STAFF = "staff", _("Staff")
    OFFICER = "officer", _("Officer")
    MEMBER = "member", _("Member")


#: Every role: anyone who belongs to the organisation.
ALL_ROLES = frozenset(Role)
#: Those who lead the organisation: they see its people, take part in its joint
#: spaces, write for its audiences, and must protect their login with a second factor.
LEADING_ROLES = frozenset({Role.ADMIN, Role.STAFF, Role.OFFICER})
#: Those who manage the organisation: its people, units, bodies, invitations.
MANAGING_ROLES = frozenset({Role.ADMIN, Role.STAFF})
#: Those who administer the organisation itself and read its audit log.
ADMIN_ROLES = frozenset({Role.ADMIN})
