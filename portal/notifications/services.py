"""The one way to tell a citizen something: queue a message; a task delivers it after commit, with retries."""

from django.db import transaction

from portal.notifications.models import Message, MessageChannel


def message_queue(*, channel: str, recipient: str, body: str, subject: str = "", reference: str = "", event: str = "") -> Message | None:
    """Store the message in the outbox and deliver it after the surrounding transaction commits.

    Returns None when there is no recipient for the channel (no phone, no e-mail): nothing to send.
    """
    recipient = (recipient or "").strip()
    if not recipient:
        return None
    message = Message.objects.create(
        channel=MessageChannel(channel), recipient=recipient, subject=subject[:255], body=body,
        reference=reference, event=event,
    )
    from portal.notifications.tasks import message_deliver_task

    transaction.on_commit(lambda: message_deliver_task.enqueue(message.pk))
    return message
