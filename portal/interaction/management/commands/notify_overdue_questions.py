from django.core.management.base import BaseCommand

from portal.interaction.tasks import notify_overdue_questions


class Command(BaseCommand):
    help = "Báo Trưởng ban các câu hỏi, phản ánh quá hạn trả lời (chạy hằng ngày bằng cron)."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Chạy ngay trong tiến trình này thay vì đưa vào hàng đợi.")
        parser.add_argument("--today", help="Ngày tính quá hạn, dạng YYYY-MM-DD (mặc định: hôm nay).")

    def handle(self, *args, now=False, today=None, **options):
        if now:
            sent = notify_overdue_questions.call(today)
            self.stdout.write(f"Đã gửi {sent} thư báo quá hạn.")
        else:
            result = notify_overdue_questions.enqueue(today)
            self.stdout.write(f"Đã đưa việc báo quá hạn vào hàng đợi ({result.id}).")
