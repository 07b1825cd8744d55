from django.apps import AppConfig


class PublicInfoConfig(AppConfig):
    name = "portal.publicinfo"
    label = "publicinfo"
    verbose_name = "Thông tin bắt buộc công khai"
    default_auto_field = "django.db.models.BigAutoField"
