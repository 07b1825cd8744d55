"""Published pages deleted within their retention period are withdrawn and archived, then purged when it ends."""

import datetime as dt
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from portal.audit.models import AuditEntry, RetainedPage
from portal.conftest import PASSWORD, news_section, publish_article

pytestmark = pytest.mark.django_db
MAIN = "quangbinh.localhost"
STTTT = "stttt.quangbinh.localhost"


@pytest.fixture
def operator(db):
    return get_user_model().objects.create_superuser("vanhanh", "vanhanh@example.gov.vn", PASSWORD)


def _article(registry, title: str, *, days_ago: int):
    article = publish_article(news_section(registry["stttt"]), title=title, authors="Ban biên tập")
    first = timezone.now() - dt.timedelta(days=days_ago)
    Page.objects.filter(pk=article.pk).update(first_published_at=first)
    article.refresh_from_db()
    return article


def _purge(*args) -> str:
    out = StringIO()
    call_command("purge_retained_content", *args, stdout=out)
    return out.getvalue()


def test_a_ten_day_old_article_deleted_in_the_admin_is_kept_hidden_and_purged_only_after_retention(client, registry, board, operator):
    article = _article(registry, "Tin mười ngày", days_ago=10)
    assert client.get(article.url, HTTP_HOST=STTTT).status_code == 200
    client.force_login(operator)

    confirm = client.get(f"/admin/pages/{article.pk}/delete/", HTTP_HOST=MAIN)
    assert "lưu trữ đến hết ngày" in confirm.content.decode()
    response = client.post(f"/admin/pages/{article.pk}/delete/", {}, HTTP_HOST=MAIN, follow=True)
    until = timezone.localdate(article.first_published_at) + dt.timedelta(days=90)
    assert f"lưu trữ đến hết ngày {until:%d/%m/%Y}" in response.content.decode()

    # Still in the database with its revisions, not public, hidden from the explorer, listed in the archive.
    kept = Page.objects.get(pk=article.pk)
    assert not kept.live and kept.revisions.exists()
    retained = RetainedPage.objects.get(page_id=article.pk)
    assert (retained.retain_until, retained.deleted_by, retained.unit_id) == (until, operator, registry["stttt"].pk)
    assert client.get(article.url, HTTP_HOST=STTTT).status_code == 404
    explorer = client.get(f"/admin/pages/{article.get_parent().pk}/", HTTP_HOST=MAIN).content.decode()
    assert "Tin mười ngày" not in explorer
    AuditEntry.objects.get(action="portal.page.soft_delete", object_id=str(article.pk), actor_name="vanhanh")
    AuditEntry.objects.get(action="wagtail.unpublish", object_id=str(article.pk))

    # Staff of the unit see it in the archive with its history; another unit's staff do not.
    client.force_login(board["head"])
    archive = client.get(reverse("audit:archive"), HTTP_HOST=STTTT).content.decode()
    assert "Tin mười ngày" in archive and until.strftime("%d/%m/%Y") in archive
    assert reverse("wagtailadmin_pages:history", args=[article.pk]) in archive
    client.force_login(board["syt_editor"])
    assert "Tin mười ngày" not in client.get(reverse("audit:archive"), HTTP_HOST=MAIN).content.decode()

    # The purge skips it while it is kept ...
    assert "0 trang" in _purge()
    assert Page.objects.filter(pk=article.pk).exists()
    # ... and removes it once the retention has ended (the day after retain_until).
    RetainedPage.objects.filter(pk=retained.pk).update(retain_until=timezone.localdate() - dt.timedelta(days=1))
    assert "Tin mười ngày" in _purge("--dry-run") and Page.objects.filter(pk=article.pk).exists()
    assert "Đã xoá hẳn 1 trang" in _purge()
    assert not Page.objects.filter(pk=article.pk).exists()
    assert not RetainedPage.objects.exists()
    AuditEntry.objects.get(action="portal.page.purge", object_id=str(article.pk))


def test_retention_counts_from_first_publication(client, registry, operator):
    """A 100-day-old article is past the 90 days: deleting it deletes it; a never-published draft too."""
    old = _article(registry, "Tin một trăm ngày", days_ago=100)
    draft = news_section(registry["stttt"]).add_child(instance=_draft("Bản nháp chưa đăng"))
    client.force_login(operator)
    client.post(f"/admin/pages/{old.pk}/delete/", {}, HTTP_HOST=MAIN)
    client.post(f"/admin/pages/{draft.pk}/delete/", {}, HTTP_HOST=MAIN)
    assert not Page.objects.filter(pk__in=[old.pk, draft.pk]).exists()
    assert not RetainedPage.objects.exists()


def _draft(title):
    from portal.pages.models import ArticlePage

    return ArticlePage(title=title, lead="Sapo.", body="<p>Nội dung.</p>", live=False)


def test_bulk_delete_archives_published_pages_and_deletes_the_rest(client, registry, operator):
    young = _article(registry, "Tin mới đăng", days_ago=3)
    draft = news_section(registry["stttt"]).add_child(instance=_draft("Bản nháp"))
    client.force_login(operator)
    client.post(f"/admin/bulk/wagtailcore/page/delete/?id={young.pk}&id={draft.pk}&next=/admin/", {}, HTTP_HOST=MAIN)
    assert RetainedPage.objects.filter(page_id=young.pk).exists()
    assert not Page.objects.get(pk=young.pk).live
    assert not Page.objects.filter(pk=draft.pk).exists()


def test_restoring_brings_the_page_back_as_a_draft(client, registry, board, operator):
    article = _article(registry, "Tin khôi phục", days_ago=5)
    client.force_login(operator)
    client.post(f"/admin/pages/{article.pk}/delete/", {}, HTTP_HOST=MAIN)
    retained = RetainedPage.objects.get(page_id=article.pk)
    # Editing a retained page is refused until it is restored.
    assert client.get(f"/admin/pages/{article.pk}/edit/", HTTP_HOST=MAIN).url == reverse("audit:archive")

    client.force_login(board["syt_editor"])
    refused = client.post(reverse("audit:restore", args=[retained.pk]), HTTP_HOST=MAIN)
    assert (refused.status_code, refused.url) == (302, "/admin/")  # Wagtail's answer to PermissionDenied
    assert RetainedPage.objects.filter(pk=retained.pk).exists()
    client.force_login(board["head"])
    client.post(reverse("audit:restore", args=[retained.pk]), HTTP_HOST=STTTT)
    assert not RetainedPage.objects.exists()
    page = Page.objects.get(pk=article.pk)
    assert not page.live
    AuditEntry.objects.get(action="portal.page.restore", object_id=str(article.pk), actor_name="stttt.tb")
    client.force_login(operator)
    assert "Tin khôi phục" in client.get(f"/admin/pages/{article.get_parent().pk}/", HTTP_HOST=MAIN).content.decode()
