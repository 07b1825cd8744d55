from django.urls import path

from portal.privacy import admin_views

app_name = "privacy_admin"

urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("them/", admin_views.add, name="add"),
    path("<int:pk>/", admin_views.detail, name="detail"),
]
