from django.core.management.base import BaseCommand, CommandError
from django.db.models import ProtectedError

from alianza.core import demo


class Command(BaseCommand):
    help = (
        "Load the demo world of the seed documents (idempotent) and print the demo "
        "logins. With --reset, delete the demo world first."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo organisations, spaces, people and accounts first.",
        )

    def handle(self, *args, **options) -> None:
        if options["reset"]:
            try:
                demo.reset(stdout=self.stdout)
            except ProtectedError as exc:
                raise CommandError(
                    "The demo world could not be removed: other records still refer "
                    f"to it ({exc.args[0]})"
                ) from exc
        logins = demo.load(stdout=self.stdout)
        self.print_logins(logins)

    def print_logins(self, logins: list[demo.DemoLogin]) -> None:
        rows = [("E-MAIL", "PASSWORD", "WHO", "TOTP SECRET")] + [
            (x.email, x.password, x.who, x.totp_secret or "-") for x in logins
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        out = self.stdout
        out.write("")
        out.write(self.style.MIGRATE_HEADING("Demo logins (fictional people)"))
        for n, row in enumerate(rows):
            line = "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3]))
            line = f"  {line}  {row[3]}"
            out.write(self.style.MIGRATE_LABEL(line) if n == 0 else line)
        out.write("")
        out.write(
            "Accounts with a TOTP secret must use two-factor authentication: "
            + demo.TOTP_HINT
        )
        out.write(f"All demo accounts share the password: {demo.PASSWORD}")
        self.print_voter_code()

    def print_voter_code(self) -> None:
        """The demo member's secret voting code, to try the booth as a voter."""
        from alianza.elections.demo import voter_code

        code = voter_code()
        if code is None:
            return
        out = self.stdout
        out.write("")
        out.write(self.style.MIGRATE_HEADING("Try it as a voter"))
        out.write(
            f"  {code['name']} ({code['email']}) has not yet voted in "
            f"“{code['title']}”. His secret voting code:"
        )
        out.write(f"    {code['code']}")
        out.write(f"  The booth (no sign-in needed, best on a phone): {code['booth']}")
        out.write(f"  The vote's public page: {code['notice']}")
