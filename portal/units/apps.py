from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "portal.units"
    verbose_name = "Đơn vị"
    default_auto_field = "django.db.models.BigAutoField"
