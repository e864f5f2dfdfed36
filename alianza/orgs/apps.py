from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "alianza.orgs"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from alianza.multilingual.ground import register

        from .selectors import (
            leader_addresses,
            leads_organisation,
            managed_organisations,
            standing,
        )

        register(
            unions_of=lambda user: standing(user).organisation_ids(),
            leads=leads_organisation,
            leader_addresses=leader_addresses,
            managed_union=lambda user: (
                managed_organisations(user)
                .order_by("pk")
                .values_list("pk", flat=True)
                .first()
            ),
        )
