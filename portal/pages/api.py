import datetime as dt

from ninja import Router, Schema

from portal.core.api import PageMeta, api_slice, api_unit_or_404
from portal.pages import selectors

router = Router(tags=["Tin, bài"])


class ArticleOut(Schema):
    id: int
    title: str
    lead: str
    url: str
    published_at: dt.datetime
    authors: str
    unit_code: str


class ArticleList(Schema):
    meta: PageMeta
    items: list[ArticleOut]


@router.get("/sites/{hostname}/articles", response=ArticleList, summary="Tin, bài đã đăng của một trang, mới nhất trước")
def site_articles(request, hostname: str, limit: int = 20, offset: int = 0):
    unit = api_unit_or_404(hostname)
    meta, articles = api_slice(selectors.article_list_for_unit(unit.pk), limit, offset)
    base = unit.site_url.rstrip("/")
    home_path = selectors.home_for_unit(unit).url_path
    return ArticleList(
        meta=meta,
        items=[
            ArticleOut(
                id=a.pk, title=a.title, lead=a.lead, url=base + "/" + a.url_path[len(home_path):],
                published_at=a.published_at, authors=a.authors, unit_code=unit.code,
            )
            for a in articles
        ],
    )
