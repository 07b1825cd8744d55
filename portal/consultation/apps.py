from django.apps import AppConfig


class ConsultationConfig(AppConfig):
    name = "portal.consultation"
    verbose_name = "Lấy ý kiến góp ý dự thảo"
    default_auto_field = "django.db.models.BigAutoField"
