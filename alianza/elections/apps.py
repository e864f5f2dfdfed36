from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ElectionsConfig(AppConfig):
    name = "alianza.elections"
    verbose_name = _("Elections")

    def ready(self) -> None:
        from alianza.governance import secret

        from .meetings import MeetingBallots

        secret.register(MeetingBallots())
