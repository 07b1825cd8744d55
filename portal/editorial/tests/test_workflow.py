"""Cộng tác viên submits → Biên tập viên reviews → Trưởng ban approves and publishes (Điều 9)."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from portal.conftest import PASSWORD, news_section
from portal.pages.models import ArticlePage

pytestmark = pytest.mark.django_db
HOST = "stttt.quangbinh.localhost"


def login(client, username):
    client.logout()
    assert client.login(username=username, password=PASSWORD)


def article_form(title, **actions):
    from django.utils.text import slugify

    from portal.core.text import fold

    return nested_form_data(
        {
            "title": title,
            "slug": slugify(fold(title)),
            "lead": "Sở Thông tin và Truyền thông tổ chức hội nghị chuyển đổi số năm 2026.",
            "body": rich_text("<p>Sáng nay, hội nghị đã diễn ra tại Đồng Hới.</p>"),
            "authors": "Nguyễn Văn An",
            "photographer": "",
            "published_at": "29/11/2026 08:00",
            "tags": "",
            "main_image": "",
            "main_image_alt": "",
            "main_image_caption": "",
            "source_name": "",
            "source_author": "",
            "source_url": "",
            "source_published_at": "",
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
            **actions,
        }
    )


def submit_as_contributor(client, section, title):
    login(client, "stttt.ctv")
    url = reverse("wagtailadmin_pages:add", args=("portal_pages", "articlepage", section.pk))
    response = client.post(url, article_form(title, **{"action-submit": "1"}), HTTP_HOST=HOST)
    assert response.status_code == 302, response.content.decode()[:3000]
    return ArticlePage.objects.get(title=title)


def act_on_task(client, article, action, **data):
    state = WorkflowState.objects.get(object_id=str(article.pk), status="in_progress")
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(article.pk, action, task_state.pk))
    return client.post(url, data, HTTP_HOST=HOST)


def test_three_step_workflow_publishes_and_is_logged(client, registry, board):
    section = news_section(registry["stttt"])
    article = submit_as_contributor(client, section, "Hội nghị chuyển đổi số năm 2026")
    assert not article.live
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.current_task_state.task.name.endswith("Biên tập viên duyệt")

    # A contributor cannot publish or approve their own submission.
    login(client, "stttt.ctv")
    act_on_task(client, article, "approve")
    state.refresh_from_db()
    assert state.current_task_state.task.name.endswith("Biên tập viên duyệt")

    # The board head cannot skip the editor's step through the workflow either.
    login(client, "stttt.tb")
    act_on_task(client, article, "approve")
    state.refresh_from_db()
    assert state.current_task_state.task.name.endswith("Biên tập viên duyệt")

    login(client, "stttt.btv")
    assert act_on_task(client, article, "approve").status_code in (200, 302)
    state.refresh_from_db()
    assert state.current_task_state.task.name.endswith("Trưởng ban duyệt và xuất bản")
    article.refresh_from_db()
    assert not article.live

    login(client, "stttt.tb")
    assert act_on_task(client, article, "approve").status_code in (200, 302)
    article.refresh_from_db()
    assert article.live
    state.refresh_from_db()
    assert state.status == "approved"

    public = client.get(article.url_path.replace(registry["stttt"].site.root_page.url_path, "/"), HTTP_HOST=HOST)
    assert public.status_code == 200
    assert "Hội nghị chuyển đổi số năm 2026" in public.content.decode()

    entries = list(
        PageLogEntry.objects.filter(page=article).order_by("timestamp", "pk").values_list("action", "user__username")
    )
    assert ("wagtail.workflow.start", "stttt.ctv") in entries
    assert ("wagtail.workflow.approve", "stttt.btv") in entries
    assert ("wagtail.workflow.approve", "stttt.tb") in entries
    assert ("wagtail.publish", "stttt.tb") in entries
    assert all(ts for ts in PageLogEntry.objects.filter(page=article).values_list("timestamp", flat=True))


def test_rejection_returns_the_article_with_a_comment(client, registry, board):
    section = news_section(registry["stttt"])
    article = submit_as_contributor(client, section, "Bài cần sửa lại")
    login(client, "stttt.btv")
    response = act_on_task(client, article, "reject", comment="Đề nghị bổ sung số liệu và ảnh minh hoạ.")
    assert response.status_code in (200, 302)
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == "needs_changes"
    article.refresh_from_db()
    assert not article.live
    entry = PageLogEntry.objects.get(page=article, action="wagtail.workflow.reject")
    assert entry.user.username == "stttt.btv"
    assert "bổ sung số liệu" in str(entry.data)

    # The contributor sees the request for changes and can resubmit.
    login(client, "stttt.ctv")
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)), HTTP_HOST=HOST)
    assert edit.status_code == 200
    assert "bổ sung số liệu" in edit.content.decode()


def test_contributor_cannot_publish_directly(client, registry, board):
    section = news_section(registry["stttt"])
    login(client, "stttt.ctv")
    url = reverse("wagtailadmin_pages:add", args=("portal_pages", "articlepage", section.pk))
    client.post(url, article_form("Tin tự xuất bản", **{"action-publish": "1"}), HTTP_HOST=HOST)
    article = ArticlePage.objects.get(title="Tin tự xuất bản")
    assert not article.live


def test_board_head_may_publish_directly(client, registry, board):
    section = news_section(registry["stttt"])
    login(client, "stttt.tb")
    url = reverse("wagtailadmin_pages:add", args=("portal_pages", "articlepage", section.pk))
    response = client.post(url, article_form("Thông báo khẩn của Trưởng ban", **{"action-publish": "1"}), HTTP_HOST=HOST)
    assert response.status_code == 302
    assert ArticlePage.objects.get(title="Thông báo khẩn của Trưởng ban").live
