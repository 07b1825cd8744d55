from django.apps import AppConfig


class ScheduleConfig(AppConfig):
    name = "portal.schedule"
    verbose_name = "Lịch công tác của lãnh đạo"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from portal.schedule.models import WeekSchedulePage
        from portal.schedule.signals import week_published

        page_published.connect(week_published, sender=WeekSchedulePage, dispatch_uid="portal.schedule.week_published")
