from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "portal.moderation"
    verbose_name = "Kiểm duyệt nội dung người dân gửi"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.moderation import signals  # noqa: F401
