from django.urls import path

from portal.payments import views

app_name = "payments"
urlpatterns = [
    path("bat-dau/<int:dossier_id>/", views.start, name="start"),
    path("ket-qua/<str:order_ref>/", views.result, name="result"),
    path("sandbox/<str:order_ref>/", views.sandbox, name="sandbox"),
    path("callback/<slug:gateway>/", views.callback, name="callback"),
]
