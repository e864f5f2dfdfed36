from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MultilingualConfig(AppConfig):
    name = "alianza.multilingual"
    verbose_name = _("Translations")
