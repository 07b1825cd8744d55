from django.urls import path

from portal.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.log_index, name="log"),
    path("luu-tru/", views.archive_index, name="archive"),
    path("luu-tru/<int:retained_id>/khoi-phuc/", views.archive_restore, name="restore"),
]
