from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "alianza.alerts"
    verbose_name = _("Rapid-response alerts")

    def ready(self) -> None:
        # Notifications ask how a person wants to be reached (see their ground).
        from alianza.notifications.ground import register

        from .actions import end_of_quiet_hours
        from .selectors import notification_addresses

        register(
            addresses=notification_addresses, end_of_quiet_hours=end_of_quiet_hours
        )
