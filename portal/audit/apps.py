from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "portal.audit"
    label = "audit"
    verbose_name = "Nhật ký và lưu trữ"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.audit import signals  # noqa: F401
