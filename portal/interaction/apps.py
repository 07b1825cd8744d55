from django.apps import AppConfig


class InteractionConfig(AppConfig):
    name = "portal.interaction"
    verbose_name = "Hỏi đáp, phản ánh, kiến nghị"
    default_auto_field = "django.db.models.BigAutoField"
