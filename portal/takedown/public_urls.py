from django.urls import path

from portal.takedown import views

app_name = "violation_report"
urlpatterns = [
    path("", views.report_form, name="form"),
    path("da-nhan/", views.report_sent, name="sent"),
]
