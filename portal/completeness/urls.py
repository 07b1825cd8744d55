from django.urls import path

from portal.completeness import views

app_name = "completeness"
urlpatterns = [
    path("", views.completeness_index, name="index"),
    path("<int:unit_id>/", views.completeness_detail, name="detail"),
]
