from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "portal.notifications"
    verbose_name = "Thông báo (thư điện tử, tin nhắn)"
    default_auto_field = "django.db.models.BigAutoField"
