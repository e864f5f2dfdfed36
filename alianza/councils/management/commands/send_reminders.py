from django.core.management.base import BaseCommand

from alianza.councils.actions import send_reminders


class Command(BaseCommand):
    help = "E-mail the owners of council action items that are due soon (run daily)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days", type=int, default=3, help="days before the due date"
        )

    def handle(self, *args, **options) -> None:
        sent = send_reminders(options["days"])
        self.stdout.write(f"{sent} reminder(s) queued.")
