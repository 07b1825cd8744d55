from django_tasks import task


@task()
def message_deliver_task(message_id: int) -> bool:
    from portal.notifications.delivery import message_deliver

    return message_deliver(message_id)
