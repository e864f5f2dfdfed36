from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "alianza.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from alianza.multilingual.ground import register

        from . import signals  # noqa: F401
        from .tasks import send_email

        def send(to: str, subject: str, body: str) -> None:
            send_email.enqueue(to, subject, body)

        register(send_email=send)
