from django.conf import settings
from django.http import HttpResponse
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.api import api_v1


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("healthz", healthz),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api_v1.urls),
]

if getattr(settings, "SERVE_MEDIA", False):
    # The demo has no nginx in front; production serves media from nginx or S3.
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

# Wagtail serves only slug-like path segments; the schedule's "lich.ics" feeds need their own route.
urlpatterns += [
    path("", include("portal.pages.urls_seo")),
    path("", include("portal.schedule.urls")),
    path("dich-vu-cong/", include("portal.procedures.urls")),
    path("dich-vu-cong/", include("portal.dossiers.urls")),
    path("dich-vu-cong/thanh-toan/", include("portal.payments.urls")),
    path("", include("portal.privacy.urls")),
    path("tai-khoan/du-lieu/", include("portal.privacy.urls_account")),
    path("tai-khoan/", include("portal.citizens.urls")),
    path("bao-cao-vi-pham/", include("portal.takedown.public_urls")),
    path("tim-kiem/", include("portal.search.urls")),
    path("", include(wagtail_urls)),
]
