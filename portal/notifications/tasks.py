"""Outbox tasks. `services.message_queue` enqueues `message_deliver_task` after commit; retries are deferred tasks
when the backend can defer, and the `deliver_messages` command catches whatever is due in any case."""

from django_tasks import task


@task()
def message_deliver_task(message_id: int) -> str:
    from portal.notifications.delivery import message_deliver

    return message_deliver(message_id)
