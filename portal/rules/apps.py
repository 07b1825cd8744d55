from django.apps import AppConfig


class RulesConfig(AppConfig):
    name = "portal.rules"
    verbose_name = "Quy định pháp lý (tham số có thời hạn)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.rules import signals  # noqa: F401
