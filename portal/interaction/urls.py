from django.urls import path

from portal.interaction import admin_views

app_name = "interaction"
urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("<int:pk>/", admin_views.detail, name="detail"),
    path("<int:pk>/tep-dinh-kem/", admin_views.attachment, name="attachment"),
    path("<int:pk>/<slug:action>/", admin_views.act, name="act"),
    path("linh-vuc/", admin_views.topics, name="topics"),
    path("linh-vuc/<int:pk>/bat-tat/", admin_views.topic_toggle, name="topic_toggle"),
]
