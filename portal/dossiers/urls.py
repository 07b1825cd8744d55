from django.urls import include, path

from portal.dossiers import views

urlpatterns = [
    path("thu-tuc/<str:code>/nop-ho-so/", views.dossier_form, name="dossier_new"),
    path("ho-so/", views.my_dossiers, name="dossier_mine"),
    path("ho-so/<int:pk>/", views.dossier_detail, name="dossier_detail"),
    path("ho-so/<int:pk>/sua/", views.dossier_form, name="dossier_edit"),
    path("ho-so/<int:pk>/tep/<int:file_pk>/", views.dossier_file, name="dossier_file"),
    path("ho-so/<int:pk>/giay-tiep-nhan.pdf", views.dossier_receipt_pdf, name="dossier_receipt_pdf"),
    path("tra-cuu/", views.lookup, name="dossier_lookup"),
    path("thong-ke/", include("portal.dossiers.urls_statistics")),
]
