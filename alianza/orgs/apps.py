from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "alianza.orgs"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from alianza.multilingual.ground import register

        from .selectors import (
            leader_addresses,
            leading_people,
            leads_organisation,
            managed_organisations,
            standing,
        )

        register(
            unions_of=lambda user: standing(user).organisation_ids(),
            leads=leads_organisation,
            leading_people=lambda pk: leading_people([pk] if pk else []),
            leader_addresses=leader_addresses,
            managed_union=lambda user: (
                managed_organisations(user)
                .order_by("pk")
                .values_list("pk", flat=True)
                .first()
            ),
        )
