from django.core.management.base import BaseCommand, CommandError

from portal.core.demo.seed import SeedError, seed_demo


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu trình diễn: tin, bài có ảnh, trang giới thiệu, tài khoản ban biên tập và đề nghị đưa tin "
        "lên Trang chính. Chạy sau import_units và provision_sites; chạy lại không tạo trùng."
    )

    def handle(self, *args, **options):
        try:
            seed_demo(stdout=self.stdout)
        except SeedError as error:
            raise CommandError(str(error)) from error
