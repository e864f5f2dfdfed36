from django_tasks import task

from . import actions


@task()
def deliver_notifications(ids: list[int]) -> int:
    """Send notifications that go at once (see ``actions.deliver``)."""
    return actions.deliver(ids)


@task()
def send_digests() -> int:
    """The daily digests (see ``actions.send_digests``)."""
    return actions.send_digests()
