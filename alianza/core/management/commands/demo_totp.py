import time

from django.core.management.base import BaseCommand, CommandError

from alianza.accounts.models import User
from alianza.core.demo import DEMO_EMAIL_SUFFIX


class Command(BaseCommand):
    help = "Print the current 6-digit two-factor code of a DEMO account (*.example)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("email", help="the e-mail of a demo account")

    def handle(self, *args, **options) -> None:
        from allauth.mfa.models import Authenticator
        from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
        from allauth.mfa.utils import decrypt

        email = options["email"].strip().lower()
        if not email.endswith(DEMO_EMAIL_SUFFIX):
            raise CommandError(
                f"Refused: {email} is not a demo account. This command gives "
                f"codes only for demo accounts, whose e-mail ends in "
                f"'{DEMO_EMAIL_SUFFIX}'."
            )
        user = User.objects.filter(email=email).first()
        if user is None:
            raise CommandError(f"No demo account {email}. Load it with: alianza demo")
        totp = Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).first()
        if totp is None:
            raise CommandError(f"{email} has no two-factor authentication to code for.")
        secret = decrypt(totp.data["secret"])
        now = int(time.time())
        self.stdout.write(format_hotp_value(hotp_value(secret, now // 30)))
        self.stderr.write(f"(valid for about {30 - now % 30} more seconds)")
