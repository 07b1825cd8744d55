from django.urls import include, path
from wagtail import hooks


@hooks.register("register_admin_urls")
def register_dossier_admin_urls():
    return [path("mot-cua/so-theo-doi/", include("portal.dossiers.admin_book"))]
