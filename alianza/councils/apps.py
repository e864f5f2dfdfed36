from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilsConfig(AppConfig):
    name = "alianza.councils"
    verbose_name = _("Councils at common employers")

    def ready(self) -> None:
        # A proposal to add a unit to a council takes effect here (spaces proposes).
        from alianza.spaces.models import Proposal
        from alianza.spaces.proposals import register_effect

        from .actions import unit_joins

        register_effect(Proposal.Kind.ADD_UNIT, unit_joins)
