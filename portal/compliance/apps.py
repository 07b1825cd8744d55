from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    name = "portal.compliance"
    label = "compliance"
    verbose_name = "Giấy phép và giám sát"

    def ready(self):
        from portal.compliance import signals  # noqa: F401
