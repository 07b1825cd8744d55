from django.urls import path, re_path

from portal.procedures import views

app_name = "procedures"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    # National procedure codes are digits and dots ("1.001234"); no slash, so ".../nop-ho-so/" is not ours.
    re_path(r"^thu-tuc/(?P<national_code>[0-9A-Za-z][0-9A-Za-z.\-]*)/$", views.detail, name="detail"),
]
