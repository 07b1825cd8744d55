"""Delivering the outbox: one attempt per call, retries with backoff, then “failed” for the operator.

Logs name the message id only: recipients and bodies are personal data and stay in the database.
"""

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from portal.notifications.models import Message, MessageStatus
from portal.notifications.providers import DeliveryError, provider_for

logger = logging.getLogger("portal.notifications")

# Minutes to wait after the 1st, 2nd, 3rd… failed attempt; the last value repeats.
BACKOFF_MINUTES = (1, 5, 30, 120, 480)

SENT, RETRY, FAILED, SKIPPED = "sent", "retry", "failed", "skipped"


def max_attempts() -> int:
    return max(1, int(getattr(settings, "PORTAL_NOTIFY_MAX_ATTEMPTS", 5)))


def backoff(attempts: int) -> dt.timedelta:
    """Wait before the next try, after `attempts` failed ones (1 → 1 minute, 2 → 5 minutes…)."""
    index = min(max(attempts, 1), len(BACKOFF_MINUTES)) - 1
    return dt.timedelta(minutes=BACKOFF_MINUTES[index])


def message_deliver(message_id: int, *, now: dt.datetime | None = None) -> str:
    """Try to send one pending, due message. Returns SENT, RETRY, FAILED or SKIPPED.

    The row stays locked during the provider call, so two workers (the task and the scheduled command) never send
    the same message twice; the second one skips it.
    """
    with transaction.atomic():
        message = Message.objects.select_for_update(skip_locked=True).filter(pk=message_id).first()
        now = now or timezone.now()
        if message is None or message.status != MessageStatus.PENDING:
            return SKIPPED
        if message.next_attempt_at and message.next_attempt_at > now:
            return SKIPPED
        message.attempts += 1
        try:
            provider = provider_for(message.channel)
            message.provider = provider.name or type(provider).__name__
            provider_message_id = provider.send(message)
        except DeliveryError as error:
            return _failed_attempt(message, error.reason, retryable=error.retryable, now=now)
        except Exception as error:  # a provider bug must not lose the message
            # Only the class name: exception texts of mail libraries quote addresses.
            return _failed_attempt(message, f"Lỗi không mong đợi ({type(error).__name__}).", retryable=True, now=now)
        message.status = MessageStatus.SENT
        message.sent_at = timezone.now()
        message.provider_message_id = (provider_message_id or "")[:100]
        message.next_attempt_at = None
        message.last_error = ""
        message.save(update_fields=[
            "status", "sent_at", "provider", "provider_message_id", "attempts", "next_attempt_at", "last_error",
        ])
    logger.info("message %s sent via %s (attempt %s)", message.pk, message.provider, message.attempts)
    return SENT


def _failed_attempt(message: Message, reason: str, *, retryable: bool, now: dt.datetime) -> str:
    message.last_error = reason[:1000]
    if retryable and message.attempts < max_attempts():
        message.next_attempt_at = now + backoff(message.attempts)
        message.save(update_fields=["attempts", "next_attempt_at", "last_error", "provider"])
        logger.warning("message %s attempt %s failed, retry at %s", message.pk, message.attempts, message.next_attempt_at.isoformat())
        _schedule(message.pk, message.next_attempt_at)
        return RETRY
    message.status = MessageStatus.FAILED
    message.next_attempt_at = None
    message.save(update_fields=["status", "attempts", "next_attempt_at", "last_error", "provider"])
    logger.error("message %s failed after %s attempt(s)%s", message.pk, message.attempts, "" if retryable else " (not retryable)")
    return FAILED


def _schedule(message_id: int, when: dt.datetime) -> None:
    """Queue the retry for its time when the task backend can defer; otherwise `deliver_messages` picks it up."""
    from portal.notifications.tasks import message_deliver_task

    if message_deliver_task.get_backend().supports_defer:
        transaction.on_commit(lambda: message_deliver_task.using(run_after=when).enqueue(message_id))


def messages_deliver_due(*, now: dt.datetime | None = None, limit: int = 1000) -> dict[str, int]:
    """Send every pending message that is due (for the scheduled job). Returns counts per outcome."""
    now = now or timezone.now()
    ids = list(
        Message.objects.filter(status=MessageStatus.PENDING)
        .exclude(next_attempt_at__gt=now)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    counts = {SENT: 0, RETRY: 0, FAILED: 0, SKIPPED: 0}
    for pk in ids:
        counts[message_deliver(pk, now=now)] += 1
    return counts


def can_operate_outbox(user) -> bool:
    """The outbox holds every citizen's contact details: only the portal operator sees it."""
    return bool(user and user.is_active and user.is_superuser)


class OutboxError(Exception):
    pass


def message_resend(*, message: Message, actor) -> Message:
    """The operator sends a failed message again, e.g. after fixing the gateway settings: a fresh series of attempts."""
    if not can_operate_outbox(actor):
        raise OutboxError("Bạn không có quyền gửi lại thông báo.")
    with transaction.atomic():
        locked = Message.objects.select_for_update().get(pk=message.pk)
        if locked.status != MessageStatus.FAILED:
            raise OutboxError("Chỉ gửi lại được thông báo gửi không thành công.")
        previous = {"attempts": locked.attempts, "last_error": locked.last_error}
        locked.status = MessageStatus.PENDING
        locked.attempts = 0
        locked.next_attempt_at = None
        locked.save(update_fields=["status", "attempts", "next_attempt_at"])
        log(locked, "portal.message.resend", user=actor, data={"previous": previous})
        from portal.notifications.tasks import message_deliver_task

        transaction.on_commit(lambda: message_deliver_task.enqueue(locked.pk))
    return locked
