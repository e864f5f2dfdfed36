from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from alianza.lib.sms import SmsMessage, send_messages


@task()
def send_email(to: str, subject: str, body: str) -> None:
    """Deliver one e-mail in the background."""
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


@task()
def send_sms(to: str, body: str) -> None:
    """Deliver one text message in the background."""
    send_messages([SmsMessage(to=to, body=body)])
