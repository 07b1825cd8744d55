from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "portal.editorial"
    verbose_name = "Ban biên tập"
    default_auto_field = "django.db.models.BigAutoField"
