from django.urls import path

from portal.pages import feeds, seo

urlpatterns = [
    path("robots.txt", seo.robots_txt, name="seo_robots"),
    path("sitemap.xml", seo.sitemap_xml, name="seo_sitemap"),
    path("sitemap-<int:number>.xml", seo.sitemap_part_xml, name="seo_sitemap_part"),
    path("so-do-trang/", seo.sitemap_page, name="seo_sitemap_page"),
    path("rss/", feeds.feed_index, name="feed_index"),
]
for _kind in feeds.FORMATS:
    urlpatterns += [
        path(f"{_kind}/tin-moi.xml", feeds.feed_view(feeds.LatestArticlesFeed, _kind), name=f"feed_{_kind}_latest"),
        path(f"{_kind}/chuyen-muc/<path:section_path>.xml", feeds.feed_view(feeds.SectionFeed, _kind), name=f"feed_{_kind}_section"),
        path(f"{_kind}/van-ban.xml", feeds.feed_view(feeds.LegalDocumentFeed, _kind), name=f"feed_{_kind}_legal"),
        path(f"{_kind}/thu-tuc.xml", feeds.feed_view(feeds.ProcedureFeed, _kind), name=f"feed_{_kind}_procedures"),
    ]
