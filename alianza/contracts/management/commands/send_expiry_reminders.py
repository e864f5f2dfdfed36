from django.core.management.base import BaseCommand

from alianza.contracts.actions import send_expiry_reminders


class Command(BaseCommand):
    help = (
        "E-mail each union's staff when one of its agreements enters its reminder "
        "period before expiry (run daily)."
    )

    def handle(self, *args, **options) -> None:
        sent = send_expiry_reminders()
        self.stdout.write(f"{sent} reminder(s) queued.")
