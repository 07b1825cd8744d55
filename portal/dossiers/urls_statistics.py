from django.urls import path

from portal.dossiers.views_statistics import statistics_page

app_name = "dossier_statistics"
urlpatterns = [path("", statistics_page, name="page")]
