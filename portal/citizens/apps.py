from django.apps import AppConfig


class CitizensConfig(AppConfig):
    name = "portal.citizens"
    verbose_name = "Tài khoản công dân, doanh nghiệp"
    default_auto_field = "django.db.models.BigAutoField"
