from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "portal.pages"
    label = "portal_pages"
    verbose_name = "Trang nội dung"
    default_auto_field = "django.db.models.BigAutoField"
