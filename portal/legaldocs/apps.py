from django.apps import AppConfig


class LegaldocsConfig(AppConfig):
    name = "portal.legaldocs"
    verbose_name = "Văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành"
    default_auto_field = "django.db.models.BigAutoField"
