"""“Dữ liệu của tôi”, mounted at /tai-khoan/du-lieu/ (portal/urls.py)."""

from django.urls import path

from portal.privacy import views

app_name = "privacy_account"

urlpatterns = [
    path("", views.my_data, name="home"),
    path("tai-ve/", views.my_data_export, name="export"),
    path("xoa-tai-khoan/", views.my_data_delete, name="delete"),
    path("dong-y/", views.my_data_consent, name="consent"),
    path("yeu-cau/", views.my_data_request, name="request"),
]
