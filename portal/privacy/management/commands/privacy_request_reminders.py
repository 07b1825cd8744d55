"""Remind staff of data-subject requests near or past their deadlines (scheduled daily)."""

from django.core.management.base import BaseCommand

from portal.privacy.reminders import request_reminders_send


class Command(BaseCommand):
    help = "Nhắc cán bộ các yêu cầu của chủ thể dữ liệu sắp đến hạn hoặc quá hạn (qua hộp thư đi)."

    def handle(self, *args, **options):
        sent = request_reminders_send()
        self.stdout.write(f"Đã xếp {sent} thư nhắc vào hộp thư đi.")
