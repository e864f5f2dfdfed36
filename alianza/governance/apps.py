from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "alianza.governance"
    verbose_name = _("Meetings and decisions")

    def ready(self) -> None:
        from alianza.bodies import workflow

        from .models import Motion

        # A body chooses which of these its motions take (see bodies.workflow).
        workflow.register(
            Motion.Status.choices,
            required={
                Motion.Status.SUBMITTED,
                Motion.Status.ADOPTED,
                Motion.Status.REJECTED,
            },
        )
