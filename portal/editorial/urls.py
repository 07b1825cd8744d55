from django.urls import path

from portal.editorial import views

app_name = "editorial"
urlpatterns = [
    path("", views.board_index, name="index"),
    path("<int:unit_id>/", views.board_detail, name="board"),
    path("<int:unit_id>/them/", views.board_add, name="add"),
    path("<int:unit_id>/thu-hoi/", views.board_remove, name="remove"),
]
