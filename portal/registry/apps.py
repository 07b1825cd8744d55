from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "portal.registry"
    verbose_name = "Cơ cấu tổ chức, lãnh đạo, danh bạ"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.registry import signals  # noqa: F401
