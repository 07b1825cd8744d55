from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    name = "portal.syndication"
    verbose_name = "Đề nghị đưa tin lên Trang chính"
    default_auto_field = "django.db.models.BigAutoField"
