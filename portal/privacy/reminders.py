"""Daily reminders of data-subject requests near or past their deadlines, through the outbox (one per request a day)."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from portal.notifications.services import message_queue
from portal.privacy.constants import REMIND_BEFORE_DAYS
from portal.privacy.permissions import request_handlers
from portal.privacy.selectors import open_requests


def _needs_reminder(item, today: dt.date) -> str:
    if item.ack_overdue(today):
        return f"đã quá hạn xác nhận đã nhận (hạn {item.ack_due:%d/%m/%Y})"
    if today > item.due:
        return f"đã quá hạn hoàn thành (hạn {item.due:%d/%m/%Y})"
    if item.acknowledged_at is None and (item.ack_due - today).days <= 1:
        return f"sắp đến hạn xác nhận đã nhận ({item.ack_due:%d/%m/%Y})"
    if (item.due - today).days <= REMIND_BEFORE_DAYS:
        return f"sắp đến hạn hoàn thành ({item.due:%d/%m/%Y})"
    return ""


def request_reminders_send(*, today: dt.date | None = None) -> int:
    today = today or timezone.localdate()
    sent = 0
    for item in open_requests().exclude(reminded_on=today):
        state = _needs_reminder(item, today)
        if not state:
            continue
        recipients = request_handlers(item.unit_id) or ([item.unit.email] if item.unit.email else [])
        with transaction.atomic():
            for recipient in recipients:
                # No personal data in the reminder: the number, the kind and the deadline are enough to find it.
                message_queue(
                    channel="email", recipient=recipient, subject=f"Nhắc việc: yêu cầu về dữ liệu cá nhân số {item.pk} {state}",
                    body=(f"Yêu cầu số {item.pk} ({item.get_kind_display().lower()}) gửi {item.unit.display_name} {state}.\n"
                          "Xem và xử lý tại Quản trị > Yêu cầu về dữ liệu cá nhân."),
                    reference=f"privacy-request:{item.pk}", event="privacy.request_reminder",
                )
                sent += 1
            type(item).objects.filter(pk=item.pk).update(reminded_on=today)
    return sent
