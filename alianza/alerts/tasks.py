from django_tasks import task

from . import actions


@task()
def deliver_chunk(alert_id: int, first_id: int, last_id: int) -> int:
    """Send one chunk of an alert's deliveries (see ``actions.deliver``)."""
    return actions.deliver(alert_id, first_id, last_id)
