from django_tasks import task

from . import actions


@task()
def deliver_chunk(alert_id: int, first_id: int, last_id: int) -> int:
    """Send one chunk of an alert's deliveries (see ``actions.deliver``)."""
    return actions.deliver(alert_id, first_id, last_id)


@task()
def send_scheduled(alert_id: int) -> bool:
    """Send a scheduled alert at its time (queued with ``run_after`` that time)."""
    return actions.send_scheduled_alert(alert_id)
