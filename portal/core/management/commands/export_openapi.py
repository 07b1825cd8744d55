import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.api import api_v1


class Command(BaseCommand):
    help = "Ghi lược đồ OpenAPI của /api/v1/ ra tệp; với --check, báo lỗi nếu tệp đã cam kết khác mã nguồn."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--check", action="store_true")

    def handle(self, *args, path, check=False, **options):
        schema = api_v1.get_openapi_schema(path_prefix="/api/v1/")
        rendered = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        if check:
            current = path.read_text(encoding="utf-8") if path.exists() else ""
            if current != rendered:
                raise CommandError(f"{path} không khớp với API hiện tại: chạy `make openapi` rồi cam kết lại.")
            self.stdout.write(f"{path}: khớp.")
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rendered, encoding="utf-8")
        self.stdout.write(f"Đã ghi {path}.")
