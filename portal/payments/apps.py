from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "portal.payments"
    verbose_name = "Thanh toán phí, lệ phí trực tuyến"
    default_auto_field = "django.db.models.BigAutoField"
