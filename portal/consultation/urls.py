from django.urls import path

from portal.consultation import admin_views

app_name = "consultation"
urlpatterns = [
    path("", admin_views.comment_index, name="index"),
    path("<int:pk>/", admin_views.comment_detail, name="detail"),
    path("<int:pk>/tep-dinh-kem/", admin_views.comment_attachment, name="attachment"),
]
