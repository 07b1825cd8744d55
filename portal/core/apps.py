from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "portal.core"
    verbose_name = "Lõi hệ thống"

    def ready(self):
        from portal.core import signals  # noqa: F401
