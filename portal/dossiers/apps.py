from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "portal.dossiers"
    verbose_name = "Hồ sơ thủ tục hành chính (một cửa)"
    default_auto_field = "django.db.models.BigAutoField"
