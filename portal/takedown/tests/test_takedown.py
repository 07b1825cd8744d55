"""One takedown action removes an item everywhere it appears, and records the elapsed time (L-27-23b)."""

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import registry as log_registry
from wagtail.models import PageLogEntry

from portal.conftest import PASSWORD, make_user, news_section, publish_article
from portal.editorial.constants import Role
from portal.notifications.models import Message
from portal.syndication.constants import ProposalStatus
from portal.syndication.models import Proposal
from portal.syndication.services import proposal_create, proposal_decide
from portal.takedown import services
from portal.takedown.constants import Channel, TakedownStatus
from portal.takedown.models import TakedownRequest
from portal.takedown.resolve import item_for_object

pytestmark = pytest.mark.django_db
UNIT_HOST = "stttt.quangbinh.localhost"
MAIN_HOST = "quangbinh.localhost"
TITLE = "Khai trương Trung tâm điều hành đô thị thông minh Đồng Hới"


def login(client, username):
    client.logout()
    assert client.login(username=username, password=PASSWORD)


@pytest.fixture
def article(registry, board, django_capture_on_commit_callbacks):
    # The search index is updated after commit: run those callbacks as a real request would.
    with django_capture_on_commit_callbacks(execute=True):
        return publish_article(news_section(registry["stttt"]), title=TITLE, lead="Trung tâm IOC đi vào hoạt động.")


@pytest.fixture
def syndicated(article, board):
    proposal = proposal_create(article=article, actor=board["head"])
    proposal_decide(proposal=proposal, actor=board["main_head"], accept=True)
    return article


def search_titles(client, host) -> str:
    response = client.get("/api/v1/search", {"q": "trung tâm điều hành đô thị"}, HTTP_HOST=host)
    assert response.status_code == 200
    return json.dumps(response.json(), ensure_ascii=False)


def test_one_takedown_removes_the_item_everywhere_and_records_elapsed_time(client, settings, registry, board, syndicated):
    """THE acceptance test: unit site, main portal listing, sitemap, feed, search and page cache."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 60
    article_path = syndicated.get_url_parts()[2]

    # Warm the cache: the unit's page and the main portal's news listing, each MISS then HIT.
    first = client.get(article_path, HTTP_HOST=UNIT_HOST)
    assert first.status_code == 200 and TITLE in first.content.decode()
    assert first["X-Cache"] == "MISS"
    assert client.get(article_path, HTTP_HOST=UNIT_HOST)["X-Cache"] == "HIT"
    listing = client.get("/tin-tuc-su-kien/", HTTP_HOST=MAIN_HOST)
    assert TITLE in listing.content.decode(), "the accepted proposal is listed on the main portal"
    assert client.get("/tin-tuc-su-kien/", HTTP_HOST=MAIN_HOST)["X-Cache"] == "HIT"

    sitemap = client.get("/sitemap.xml", HTTP_HOST=UNIT_HOST).content.decode()
    assert article_path in sitemap
    assert TITLE in client.get("/rss/tin-moi.xml", HTTP_HOST=UNIT_HOST).content.decode()
    assert TITLE in search_titles(client, UNIT_HOST)

    # One action, through the admin, by the unit's board head: record the request, then “Gỡ bỏ ngay”.
    login(client, "stttt.tb")
    received = timezone.localtime() - dt.timedelta(minutes=50)
    response = client.post(
        reverse("takedown:create"),
        {
            "requester_name": "Nguyễn Văn Hải",
            "requester_organisation": "Sở Thông tin và Truyền thông",
            "requester_contact": "0232 3810 797",
            "channel": Channel.PHONE,
            "received_at": received.strftime("%Y-%m-%dT%H:%M"),
            "legal_basis": "Tin đăng sai sự thật (NĐ 72/2013 Điều 5).",
            "urls": f"http://{UNIT_HOST}{article_path}",
        },
        HTTP_HOST=UNIT_HOST,
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    takedown = TakedownRequest.objects.get()
    assert takedown.items.get().object_id == syndicated.pk
    detail = client.get(reverse("takedown:detail", args=[takedown.pk]), HTTP_HOST=UNIT_HOST).content.decode()
    assert "Gỡ bỏ ngay" in detail and "còn 2 giờ" in detail
    response = client.post(reverse("takedown:detail", args=[takedown.pk]), {"action": "execute"}, HTTP_HOST=UNIT_HOST)
    assert response.status_code == 302
    client.logout()

    takedown.refresh_from_db()
    assert takedown.status == TakedownStatus.DONE
    assert dt.timedelta(minutes=49) < takedown.elapsed < dt.timedelta(minutes=52)
    assert takedown.breached is False
    assert takedown.executed_by == board["head"]

    gone = client.get(article_path, HTTP_HOST=UNIT_HOST)
    assert gone.status_code == 404 and "X-Cache" not in gone
    listing = client.get("/tin-tuc-su-kien/", HTTP_HOST=MAIN_HOST)
    assert listing["X-Cache"] == "MISS" and TITLE not in listing.content.decode()
    assert article_path not in client.get("/sitemap.xml", HTTP_HOST=UNIT_HOST).content.decode()
    assert Proposal.objects.get(article=syndicated).status == ProposalStatus.WITHDRAWN
    actions = set(PageLogEntry.objects.filter(page=syndicated).values_list("action", flat=True))
    assert {"wagtail.unpublish", "portal.proposal.withdraw", "portal.takedown.item"} <= actions
    entry = log_registry.get_logs_for_instance(takedown).get(action="portal.takedown.execute")
    assert entry.data["breached"] is False and 2990 < entry.data["elapsed_seconds"] < 3120

    assert TITLE not in client.get("/rss/tin-moi.xml", HTTP_HOST=UNIT_HOST).content.decode()
    assert TITLE not in search_titles(client, UNIT_HOST)


def test_a_request_executed_after_three_hours_is_flagged_breached(registry, board, article):
    late = services.takedown_create(
        actor=board["head"], requester_name="Thanh tra Sở", channel=Channel.LETTER, legal_basis="Vi phạm bản quyền ảnh.",
        items=[item_for_object(article)], received_at=timezone.now() - dt.timedelta(hours=3, minutes=10),
    )
    assert services.timer(late)["text"].startswith("quá hạn 10 phút")
    late = services.takedown_execute(request=late, user=board["head"])
    assert late.breached is True and late.elapsed > dt.timedelta(hours=3)
    assert services.timer(late) == {"state": "breached", "text": "Đã gỡ sau 3 giờ 10 phút (quá hạn)"}
    with pytest.raises(services.TakedownError):
        services.takedown_execute(request=late, user=board["head"])  # done is final


def test_escalation_at_one_and_two_hours_once_each(registry, board, article, settings, django_capture_on_commit_callbacks):
    settings.PORTAL_OPERATOR_EMAIL = "vanhanh@quangbinh.gov.vn"
    now = timezone.now()
    takedown = services.takedown_create(
        actor=board["head"], requester_name="Công an tỉnh", channel=Channel.EMAIL, legal_basis="Lộ dữ liệu cá nhân.",
        items=[item_for_object(article)], received_at=now - dt.timedelta(minutes=50),
    )
    assert services.takedown_escalate(now=now) == 0, "nothing before 1 hour"

    assert services.takedown_escalate(now=now + dt.timedelta(minutes=15)) == 2
    level1 = Message.objects.filter(event="takedown.escalate.1")
    assert sorted(level1.values_list("recipient", flat=True)) == ["stttt.tb@example.gov.vn", "vanhanh@quangbinh.gov.vn"]
    assert "còn 1 giờ 55 phút" in level1.first().subject
    assert services.takedown_escalate(now=now + dt.timedelta(minutes=40)) == 0, "level 1 only once"

    from django.core.management import call_command

    takedown.received_at = now - dt.timedelta(hours=2, minutes=5)
    takedown.save(update_fields=["received_at"])
    call_command("takedown_escalate", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Message.objects.filter(event="takedown.escalate.2").count() == 2
    call_command("takedown_escalate", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Message.objects.filter(event__startswith="takedown.escalate").count() == 4
    services.takedown_execute(request=takedown, user=board["head"])
    takedown.refresh_from_db()
    assert takedown.escalation_level == 2


def test_a_board_head_cannot_take_down_another_sites_item(client, registry, board, article):
    make_user("syt.tb", (registry["syt"], Role.BOARD_HEAD))
    login(client, "syt.tb")
    response = client.post(
        reverse("takedown:create"),
        {
            "requester_name": "Ai đó", "channel": Channel.PHONE, "legal_basis": "Thử.",
            "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "urls": f"http://{UNIT_HOST}{article.get_url_parts()[2]}",
        },
        HTTP_HOST=UNIT_HOST,
    )
    assert response.status_code == 200 and "thuộc trang của đơn vị khác" in response.content.decode()
    assert not TakedownRequest.objects.exists()

    takedown = services.takedown_create(
        actor=board["head"], requester_name="Thanh tra", channel=Channel.LETTER, legal_basis="Sai sự thật.",
        items=[item_for_object(article)],
    )
    detail = reverse("takedown:detail", args=[takedown.pk])
    assert client.get(detail, HTTP_HOST=UNIT_HOST).status_code == 404
    assert client.post(detail, {"action": "execute"}, HTTP_HOST=UNIT_HOST).status_code == 404
    with pytest.raises(services.TakedownError):
        services.takedown_execute(request=takedown, user=board["syt_editor"])
    login(client, "stttt.btv")  # an editor is not a board head
    assert client.get(reverse("takedown:index"), HTTP_HOST=UNIT_HOST).status_code in (302, 403)
    takedown.refresh_from_db()
    assert takedown.status == TakedownStatus.RECEIVED
    assert article.__class__.objects.get(pk=article.pk).live


def test_request_list_shows_the_timer_in_text_with_a_fixed_number_of_queries(
    client, registry, board, article, django_assert_max_num_queries
):
    now = timezone.now()
    for minutes in (20, 130, 200):
        services.takedown_create(
            actor=board["head"], requester_name=f"Người {minutes}", channel=Channel.PHONE, legal_basis="Vi phạm.",
            items=[item_for_object(article)], received_at=now - dt.timedelta(minutes=minutes),
        )
    login(client, "stttt.tb")
    client.get(reverse("takedown:index"), HTTP_HOST=UNIT_HOST)  # warm Wagtail's menu caches
    with django_assert_max_num_queries(20):
        page = client.get(reverse("takedown:index"), HTTP_HOST=UNIT_HOST).content.decode()
    assert "còn 2 giờ 40 phút" in page and "còn 50 phút" in page and "quá hạn 20 phút" in page
    assert "⚠ quá hạn" in page, "overdue is said in text, not by colour alone"
