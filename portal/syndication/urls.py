from django.urls import path

from portal.syndication import views

app_name = "syndication"
urlpatterns = [
    path("", views.proposal_index, name="index"),
    path("de-nghi/<int:page_id>/", views.proposal_create, name="create"),
    path("<int:pk>/quyet-dinh/", views.proposal_decide, name="decide"),
    path("<int:pk>/rut/", views.proposal_withdraw, name="withdraw"),
]
