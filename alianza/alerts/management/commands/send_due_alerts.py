"""Send the scheduled alerts whose time has come.

With the database task backend a worker sends each scheduled alert at its time (the
task is queued with ``run_after``), so this is not needed. Run it every minute (cron,
a systemd timer) where the task backend cannot wait; running it beside the workers
is harmless: an alert goes once."""

from django.core.management.base import BaseCommand

from alianza.alerts.actions import send_due_alerts


class Command(BaseCommand):
    help = "Send the scheduled alerts whose time has come."

    def handle(self, *args, **options) -> None:
        sent = send_due_alerts()
        self.stdout.write(f"{len(sent)} scheduled alert(s) sent.")
