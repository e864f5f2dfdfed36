from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpacesConfig(AppConfig):
    name = "alianza.spaces"
    verbose_name = _("Joint spaces")
