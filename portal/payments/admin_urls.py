from django.urls import path

from portal.payments import admin_views

app_name = "payments_admin"
urlpatterns = [
    path("doi-soat/", admin_views.reconciliation, name="reconciliation"),
]
