from django.apps import AppConfig


class ScheduleConfig(AppConfig):
    name = "portal.schedule"
    verbose_name = "Lịch công tác của lãnh đạo"
    default_auto_field = "django.db.models.BigAutoField"
