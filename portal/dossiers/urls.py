from django.urls import include, path

urlpatterns = [path("thong-ke/", include("portal.dossiers.urls_statistics"))]
