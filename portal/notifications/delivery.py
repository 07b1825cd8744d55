"""Placeholder until the providers land: marks messages sent through the local provider."""

from django.utils import timezone

from portal.notifications.models import Message, MessageStatus


def message_deliver(message_id: int) -> bool:
    updated = Message.objects.filter(pk=message_id, status=MessageStatus.PENDING).update(
        status=MessageStatus.SENT, provider="local", sent_at=timezone.now(), attempts=1,
    )
    return bool(updated)
