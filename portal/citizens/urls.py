"""Mounted at /tai-khoan/ (portal/urls.py)."""

from django.urls import path

from portal.citizens import views

app_name = "citizens"

urlpatterns = [
    path("", views.home, name="home"),
    path("dang-ky/", views.register, name="register"),
    path("xac-minh/", views.verify, name="verify"),
    path("dang-nhap/", views.login_view, name="login"),
    path("dang-xuat/", views.logout_view, name="logout"),
    path("sua/", views.edit, name="edit"),
    path("dinh-danh/<slug:provider>/", views.identity_begin, name="identity_begin"),
    path("dinh-danh/<slug:provider>/ve/", views.identity_return, name="identity_return"),
]
