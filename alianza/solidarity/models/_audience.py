"""The words that say who may see a record."""

from django.utils.translation import gettext_lazy as _


def leaders_of(organisation) -> str:
    return str(_("The administrators, staff and officers of %(org)s.")) % {
        "org": organisation
    }
