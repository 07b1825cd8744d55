"""The privacy notice on every site (mounted before Wagtail's catch-all in portal/urls.py)."""

from django.urls import path

from portal.privacy import views

urlpatterns = [path("chinh-sach-bao-ve-du-lieu-ca-nhan/", views.notice_page, name="privacy_notice")]
