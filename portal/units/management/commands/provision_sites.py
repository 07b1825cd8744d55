from django.core.management.base import BaseCommand

from portal.units.provisioning import sites_provision


class Command(BaseCommand):
    help = "Tạo hoặc cập nhật trang cho mọi đơn vị đang hoạt động (chạy lại nhiều lần không thay đổi gì)."

    def handle(self, *args, **options):
        report = sites_provision()
        for hostname in report.created_sites:
            self.stdout.write(f"  + {hostname}")
        for hostname in report.updated_sites:
            self.stdout.write(f"  ~ {hostname}")
        self.stdout.write(
            f"Trang mới: {len(report.created_sites)}, cập nhật: {len(report.updated_sites)}, "
            f"không đổi: {report.unchanged}, trang nội dung tạo thêm: {report.created_pages}."
        )
