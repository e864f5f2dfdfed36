from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """A person's role in an organisation, from most to least powerful."""

    ADMIN = "admin", _("Organisation administrator")
    STAFF = "staff", _("Staff")
    OFFICER = "officer", _("Officer")
    MEMBER = "member", _("Member")


#: Roles that must protect their login with a second factor.
MFA_ROLES = frozenset({Role.ADMIN, Role.STAFF, Role.OFFICER})
#: Roles that may manage the organisation's people and bodies.
MANAGING_ROLES = frozenset({Role.ADMIN, Role.STAFF})
