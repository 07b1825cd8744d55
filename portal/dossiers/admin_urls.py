"""Officer views under /admin/mot-cua/ (admin_views.py)."""

from django.urls import path

from portal.dossiers import admin_views

app_name = "dossiers_admin"
urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("<int:pk>/", admin_views.detail, name="detail"),
    path("<int:pk>/tep/<int:file_id>/", admin_views.dossier_file, name="file"),
    path("<int:pk>/mau/<int:number>/", admin_views.form_pdf, name="form"),
    path("<int:pk>/<slug:action>/", admin_views.act, name="act"),
]
