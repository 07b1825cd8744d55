from django.core.management.base import BaseCommand, CommandError

from portal.search.services import search_rebuild
from portal.units.models import Unit


class Command(BaseCommand):
    help = "Dựng lại chỉ mục tìm kiếm từ nội dung đang công khai (toàn bộ, hoặc một trang với --site)."

    def add_arguments(self, parser):
        parser.add_argument("--site", help="Nhãn tên miền của đơn vị (ví dụ stttt); để trống: mọi trang.")

    def handle(self, *args, **options):
        unit_ids = None
        if options.get("site"):
            label = options["site"].strip().lower()
            unit = Unit.objects.filter(label=label).first()
            if unit is None and label in ("trangchinh", "main"):
                unit = Unit.objects.filter(parent__isnull=True).order_by("sort_order").first()
            if unit is None:
                raise CommandError(f"Không có đơn vị với nhãn “{label}”.")
            unit_ids = [unit.pk]
        count = search_rebuild(unit_ids=unit_ids)
        self.stdout.write(f"Đã lập chỉ mục {count} mục.")
