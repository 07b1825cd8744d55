from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class CompletenessConfig(AppConfig):
    name = "portal.completeness"
    verbose_name = "Kiểm tra đầy đủ thông tin bắt buộc"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Each domain app declares its own checks in `<app>/completeness.py`.
        autodiscover_modules("completeness")
