from django.core.management.base import BaseCommand

from alianza.notifications.actions import send_digests


class Command(BaseCommand):
    help = (
        "Send each person who chose a daily digest one message gathering her "
        "notifications (run it once a day, e.g. from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the work for the task workers instead of doing it here.",
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            from alianza.notifications.tasks import send_digests as task

            task.enqueue()
            self.stdout.write("Queued.")
            return
        n = send_digests()
        self.stdout.write(f"Digests sent to {n} people.")
