from django.urls import path

from portal.pages import seo

urlpatterns = [
    path("robots.txt", seo.robots_txt, name="seo_robots"),
    path("sitemap.xml", seo.sitemap_xml, name="seo_sitemap"),
    path("sitemap-<int:number>.xml", seo.sitemap_part_xml, name="seo_sitemap_part"),
    path("so-do-trang/", seo.sitemap_page, name="seo_sitemap_page"),
]
