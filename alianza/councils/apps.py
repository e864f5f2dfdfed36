from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilsConfig(AppConfig):
    name = "alianza.councils"
    verbose_name = _("Councils at common employers")
