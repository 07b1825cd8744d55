from django.urls import path

from portal.takedown import admin_views

app_name = "takedown"
urlpatterns = [
    path("", admin_views.request_index, name="index"),
    path("tao/", admin_views.request_create, name="create"),
    path("<int:pk>/", admin_views.request_detail, name="detail"),
    path("bao-cao/", admin_views.report_index, name="reports"),
    path("bao-cao/<int:pk>/", admin_views.report_detail, name="report"),
]
