from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "portal.search"
    label = "sitesearch"
    verbose_name = "Tìm kiếm"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.search import signals  # noqa: F401
