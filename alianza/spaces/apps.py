from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpacesConfig(AppConfig):
    name = "alianza.spaces"
    verbose_name = _("Joint spaces")

    def ready(self) -> None:
        from alianza.multilingual.ground import register

        from .shared_ground import union_of_actor

        register(union_of_actor=union_of_actor)
