"""Dublin Core (Thông tư 24/2011), JSON-LD and Open Graph on every public page type, and the
publish gate for an article's creator and description."""

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from lxml import html as lxml_html
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from portal.compliance.models import MonitoringSetting
from portal.conftest import PASSWORD, host, news_section, publish_article
from portal.pages.models import ArticlePage, StandardPage

MANDATORY = ("DC.title", "DC.creator", "DC.date", "DC.description", "DC.publisher", "DC.identifier")


def head_of(client, url, hostname):
    response = client.get(url, HTTP_HOST=hostname)
    assert response.status_code == 200, (url, response.status_code)
    return lxml_html.fromstring(response.content).find("head")


def check_head(head, url):
    metas = {m.get("name"): m.get("content") for m in head.iter("meta") if m.get("name")}
    props = {m.get("property"): m.get("content") for m in head.iter("meta") if m.get("property")}
    for name in MANDATORY:
        assert (metas.get(name) or "").strip(), (url, name, metas)
    value = metas["DC.date"]
    parsed = dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)
    assert parsed, (url, value)
    assert metas["DC.language"] == "vi"
    assert metas["DC.identifier"].startswith("http://") and metas["DC.identifier"].endswith(url.split("?")[0])
    schema = [link for link in head.iter("link") if link.get("rel") == "schema.DC"]
    assert schema and schema[0].get("href") == "http://purl.org/dc/elements/1.1/"
    scripts = [s for s in head.iter("script") if s.get("type") == "application/ld+json"]
    assert len(scripts) == 1
    data = json.loads(scripts[0].text)
    assert data["@context"] == "https://schema.org" and data["@type"], url
    assert props.get("og:title") and props.get("og:url") == metas["DC.identifier"]
    feeds = [link.get("href") for link in head.iter("link") if link.get("type") == "application/rss+xml"]
    assert "/rss/tin-moi.xml" in feeds
    return metas, props, data


def test_every_public_page_type_has_dublin_core_json_ld_and_open_graph(client, registry):
    from portal.consultation.models import ConsultationIndexPage, ConsultationPage
    from portal.legaldocs.tests.conftest import publish_document
    from portal.procedures.models import Procedure, ProcedureStatus
    from portal.publicinfo.models import (
        PressReleasePage,
        ProcurementNoticePage,
        ProcurementSectionPage,
    )
    from portal.registry.models import Person, Spokesperson
    from portal.schedule.models import ScheduleIndexPage, WeekSchedulePage

    stttt = registry["stttt"]
    hostname = host(stttt)
    root = stttt.site.root_page
    article = publish_article(
        news_section(stttt), title="Hội nghị chuyển đổi số", lead="Sáng nay, Sở tổ chức hội nghị.",
        authors="Minh Quân", photographer="Hoài Nam",
    )
    legal = publish_document(stttt, "12/2026/QĐ-UBND", title="Quyết định ban hành quy chế", issuing_body="UBND tỉnh Quảng Bình",
                             issue_date=dt.date(2024, 3, 1), abstract="Ban hành quy chế quản lý cổng")
    week = WeekSchedulePage(iso_year=2026, iso_week=10, live=False)
    ScheduleIndexPage.objects.get(unit=stttt).add_child(instance=week)
    week.save_revision().publish()
    now = dt.datetime.now(dt.UTC)
    consultation = ConsultationPage(
        title="Dự thảo quy chế", summary="Tóm tắt dự thảo.", body="<p>Điều 1. Phạm vi điều chỉnh. Điều 2.</p>",
        opens_at=now - dt.timedelta(days=1), closes_at=now + dt.timedelta(days=20),
    )
    ConsultationIndexPage.objects.get(unit=stttt).add_child(instance=consultation)
    consultation.save_revision().publish()
    notice = ProcurementNoticePage(
        title="Mời thầu thiết bị", lead="Thông báo mời thầu.", body="<p>x</p>", deadline=now + dt.timedelta(days=10)
    )
    ProcurementSectionPage.objects.get(unit=stttt).add_child(instance=notice)
    notice.save_revision().publish()
    person = Person.objects.create(owner_unit=stttt, full_name="Trần Văn Minh")
    spokesperson = Spokesperson.objects.create(
        unit=stttt, person=person, title="Phó Giám đốc Sở", phone="0232 3811 111", email="minhtv@quangbinh.gov.vn"
    )
    press = PressReleasePage(title="Thông cáo báo chí", lead="Thông cáo về hội nghị.", body="<p>x</p>", spokesperson=spokesperson)
    Page.objects.get(url_path=root.url_path + "thong-tin-bao-chi/").add_child(instance=press)
    press.save_revision().publish()
    standard = StandardPage(title="Giới thiệu chung", body="<p>Sở là cơ quan <b>chuyên môn</b>. Có chức năng tham mưu.</p>")
    root.add_child(instance=standard)
    standard.save_revision().publish()
    Procedure.objects.create(
        national_code="1.000100", name="Cấp giấy phép trang thông tin điện tử tổng hợp", unit=stttt,
        primary_level="province", status=ProcedureStatus.PUBLISHED,
    )

    pages = Page.objects.live().public().descendant_of(root, inclusive=True).specific()
    urls = {}
    for page in pages:
        urls.setdefault(type(page).__name__, page.get_url())
    expected = {
        "UnitHomePage", "SectionPage", "ArticlePage", "LegalDocumentIndexPage", "LegalDocumentPage",
        "ScheduleIndexPage", "WeekSchedulePage", "ConsultationIndexPage", "ConsultationPage", "InteractionIndexPage",
        "PressReleasePage", "AccessToInformationPage", "OrganisationPage", "ContactPage",
        "ProcurementSectionPage", "ProcurementNoticePage", "StandardPage",
    }
    assert expected <= set(urls), expected - set(urls)
    urls["catalogue"] = "/dich-vu-cong/"
    urls["procedure"] = "/dich-vu-cong/thu-tuc/1.000100/"
    urls["sitemap"] = "/so-do-trang/"
    urls["feeds"] = "/rss/"
    seen_types = set()
    for url in urls.values():
        _metas, _props, data = check_head(head_of(client, url, hostname), url)
        seen_types.add(data["@type"])
    assert {"WebSite", "NewsArticle", "Legislation", "CollectionPage", "WebPage"} <= seen_types

    # The article: its own creator, description, date and contributor.
    metas, props, data = check_head(head_of(client, article.url, hostname), article.url)
    assert metas["DC.creator"] == "Minh Quân"
    assert metas["DC.description"] == "Sáng nay, Sở tổ chức hội nghị."
    assert metas["DC.contributor"] == "Hoài Nam"
    assert metas["DC.publisher"] == "Sở Thông tin và Truyền thông"
    assert metas["DC.subject"] == "Tin tức – Sự kiện"
    assert dt.datetime.fromisoformat(metas["DC.date"]).utcoffset() == dt.timedelta(hours=7)
    assert data["@type"] == "NewsArticle" and data["author"]["name"] == "Minh Quân"
    assert props["og:type"] == "article"
    # The legal document: the issuer is the creator; the description falls back to "<title> — <unit>".
    metas, _props, data = check_head(head_of(client, legal.url, hostname), legal.url)
    assert metas["DC.creator"] == "UBND tỉnh Quảng Bình"
    assert metas["DC.date"] == "2024-03-01"
    assert metas["DC.description"] == "Ban hành quy chế quản lý cổng"
    assert metas["DC.subject"] == "Công nghệ thông tin"
    assert metas["DC.contributor"] == "Trần Văn Phong"
    # A week schedule without a note: the description falls back to "<title> — <unit>".
    week = WeekSchedulePage.objects.get(pk=week.pk)
    metas, _props, _data = check_head(head_of(client, week.url, hostname), week.url)
    assert metas["DC.description"] == f"{week.title} — Sở Thông tin và Truyền thông"
    assert metas["DC.creator"] == "Sở Thông tin và Truyền thông"
    metas, _props, _data = check_head(head_of(client, consultation.url, hostname), consultation.url)
    assert metas["DC.description"] == "Tóm tắt dự thảo."
    # A text page without a summary: the description is the body's first sentence.
    metas, _props, data = check_head(head_of(client, standard.url, hostname), standard.url)
    assert metas["DC.description"] == "Sở là cơ quan chuyên môn."
    assert data["@type"] == "WebPage"
    # A section page links its own feed.
    section_head = head_of(client, news_section(stttt).url, hostname)
    feeds = [link.get("href") for link in section_head.iter("link") if link.get("type") == "application/rss+xml"]
    assert "/rss/chuyen-muc/tin-tuc-su-kien.xml" in feeds


def test_metadata_adds_no_query_to_an_article(client, registry, django_assert_max_num_queries):
    stttt = registry["stttt"]
    article = publish_article(news_section(stttt), title="Tin đo truy vấn")
    client.get(article.url, HTTP_HOST=host(stttt))  # warm the per-process and compliance caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(article.url, HTTP_HOST=host(stttt))
    assert not any("compliance_" in q["sql"] for q in queries.captured_queries)


HOST = "stttt.quangbinh.localhost"


def article_form(title, *, lead, authors, **actions):
    return nested_form_data(
        {
            "title": title, "slug": "bai-kiem-tra-xuat-ban", "lead": lead,
            "body": rich_text("<p>Sáng nay, hội nghị đã diễn ra tại Đồng Hới.</p>"),
            "authors": authors, "photographer": "", "published_at": "29/11/2026 08:00", "tags": "",
            "main_image": "", "main_image_alt": "", "main_image_caption": "",
            "source_name": "", "source_author": "", "source_url": "", "source_published_at": "",
            "related_links": inline_formset([]), "comments": inline_formset([]),
            **actions,
        }
    )


def test_publishing_an_article_needs_authors_and_lead(client, registry, board):
    section = news_section(registry["stttt"])
    assert client.login(username="stttt.tb", password=PASSWORD)
    add_url = reverse("wagtailadmin_pages:add", args=("portal_pages", "articlepage", section.pk))

    # Saving a draft without authors or lead is fine.
    response = client.post(add_url, article_form("Bài kiểm tra xuất bản", lead="", authors=""), HTTP_HOST=HOST)
    assert response.status_code == 302, response.content.decode()[:3000]
    draft = ArticlePage.objects.get(title="Bài kiểm tra xuất bản")
    assert not draft.live
    edit_url = reverse("wagtailadmin_pages:edit", args=(draft.pk,))

    # Publishing (or submitting to the workflow) is refused, with the reason on each field.
    for action in ("action-publish", "action-submit"):
        response = client.post(edit_url, article_form(draft.title, lead="", authors="", **{action: "1"}), HTTP_HOST=HOST)
        assert response.status_code == 200, action
        text = response.content.decode()
        assert "hãy ghi tên tác giả" in text and "hãy viết sapo" in text
    response = client.post(edit_url, article_form(draft.title, lead="Sapo đầy đủ.", authors="  ", **{"action-publish": "1"}), HTTP_HOST=HOST)
    assert response.status_code == 200 and "hãy ghi tên tác giả" in response.content.decode()
    assert not ArticlePage.objects.get(pk=draft.pk).live

    # With both, it publishes.
    response = client.post(
        edit_url, article_form(draft.title, lead="Sapo đầy đủ.", authors="Thanh Hà", **{"action-publish": "1"}), HTTP_HOST=HOST
    )
    assert response.status_code == 302
    published = ArticlePage.objects.get(pk=draft.pk)
    assert published.live and published.authors == "Thanh Hà"


def test_workflow_approval_of_a_revision_without_authors_is_refused_with_a_message(client, registry, board):
    section = news_section(registry["stttt"])
    assert client.login(username="stttt.ctv", password=PASSWORD)
    add_url = reverse("wagtailadmin_pages:add", args=("portal_pages", "articlepage", section.pk))
    response = client.post(
        add_url, article_form("Bài qua quy trình", lead="Sapo.", authors="Ngọc Mai", **{"action-submit": "1"}), HTTP_HOST=HOST
    )
    assert response.status_code == 302
    article = ArticlePage.objects.get(title="Bài qua quy trình")
    # The revision under review loses its authors (as an edit during review could do).
    revision = article.latest_revision
    revision.content["authors"] = ""
    revision.save()

    for username in ("stttt.btv", "stttt.tb"):
        client.logout()
        assert client.login(username=username, password=PASSWORD)
        state = WorkflowState.objects.get(object_id=str(article.pk), status="in_progress")
        url = reverse("wagtailadmin_pages:workflow_action", args=(article.pk, "approve", state.current_task_state.pk))
        response = client.post(url, {}, HTTP_HOST=HOST, HTTP_REFERER=f"http://{HOST}/admin/")
        assert response.status_code == 302, response.status_code
    followed = client.get(response["Location"], HTTP_HOST=HOST)
    assert "hãy ghi tên tác giả" in followed.content.decode()
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert WorkflowState.objects.get(object_id=str(article.pk)).status == "in_progress"


def test_publishing_in_code_is_refused_without_authors(registry):
    section = news_section(registry["stttt"])
    draft = ArticlePage(title="Bài duyệt", slug="bai-duyet", lead="Sapo.", body="<p>x</p>", live=False)
    section.add_child(instance=draft)
    revision = draft.save_revision()
    with pytest.raises(ValidationError) as error:
        revision.publish()
    assert "tác giả" in str(error.value)
    assert not ArticlePage.objects.get(pk=draft.pk).live


def test_emc_snippet_only_when_enabled(client, registry, settings):
    stttt = registry["stttt"]
    hostname = host(stttt)
    settings.PORTAL_EMC_SCRIPT_URL = "https://emc.example.gov.vn/giam-sat.js"
    assert "emc-monitoring" not in client.get("/", HTTP_HOST=hostname).content.decode()
    MonitoringSetting.objects.update_or_create(site=stttt.site, defaults={"enabled": True, "tracking_id": "qb-stttt-01"})
    page = client.get("/", HTTP_HOST=hostname).content.decode()
    assert '<script async src="https://emc.example.gov.vn/giam-sat.js" data-emc-site-id="qb-stttt-01" id="emc-monitoring">' in page
    assert "emc-monitoring" in client.get("/dich-vu-cong/", HTTP_HOST=hostname).content.decode()
    # Other sites are not affected; an http:// address is never rendered.
    assert "emc-monitoring" not in client.get("/", HTTP_HOST=host(registry["syt"])).content.decode()
    MonitoringSetting.objects.filter(site=stttt.site).update(script_url="http://khong-an-toan.example/x.js")
    MonitoringSetting.objects.get(site=stttt.site).save()
    assert "emc-monitoring" not in client.get("/", HTTP_HOST=hostname).content.decode()
    MonitoringSetting.objects.filter(site=stttt.site).update(script_url="", enabled=False)
    MonitoringSetting.objects.get(site=stttt.site).save()
    assert "emc-monitoring" not in client.get("/", HTTP_HOST=hostname).content.decode()
