from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SolidarityConfig(AppConfig):
    name = "alianza.solidarity"
    verbose_name = _("Solidarity and organizing")

    def ready(self) -> None:
        from alianza.alerts import selectors as alerts

        from .selectors import published_requests_visible_to

        # An alert may be about a request: solidarity says which ones a person sees.
        alerts.register_requests(published_requests_visible_to)
