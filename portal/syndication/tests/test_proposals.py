"""A unit proposes an article; the main board decides; the main portal shows the source live."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry

from portal.conftest import PASSWORD, make_user, news_section, publish_article
from portal.editorial.constants import Role
from portal.syndication.constants import ProposalStatus
from portal.syndication.models import Proposal

pytestmark = pytest.mark.django_db
UNIT_HOST = "stttt.quangbinh.localhost"
MAIN_HOST = "quangbinh.localhost"


@pytest.fixture
def article(registry, board):
    from django.utils import timezone

    return publish_article(
        news_section(registry["stttt"]),
        title="Ra mắt ứng dụng Quảng Bình Smart",
        lead="Ứng dụng giúp người dân gửi phản ánh và tra cứu hồ sơ.",
        authors="Trần Thị Bình",
        published_at=timezone.make_aware(timezone.datetime(2026, 11, 20, 9, 30)),
    )


def login(client, username):
    client.logout()
    assert client.login(username=username, password=PASSWORD)


def propose(client, article):
    login(client, "stttt.tb")
    return client.post(
        reverse("syndication:create", args=[article.pk]), {"note": "Kính đề nghị đăng tin."}, HTTP_HOST=UNIT_HOST
    )


def test_unit_board_proposes_and_main_board_accepts(client, registry, article, django_capture_on_commit_callbacks):
    main_head = make_user("tc.btv", (registry["province"], Role.EDITOR))
    with django_capture_on_commit_callbacks(execute=True):
        assert propose(client, article).status_code == 302
    proposal = Proposal.objects.get(article=article)
    assert proposal.status == ProposalStatus.PENDING
    assert proposal.unit == registry["stttt"]
    assert any(main_head.email in m.to for m in mail.outbox), "the main board is told by e-mail"

    news_url = "/tin-tuc-su-kien/"
    assert "Ra mắt ứng dụng" not in client.get(news_url, HTTP_HOST=MAIN_HOST).content.decode()

    login(client, "tc.tb")
    index = client.get(reverse("syndication:index"), HTTP_HOST=MAIN_HOST)
    assert "Ra mắt ứng dụng Quảng Bình Smart" in index.content.decode()
    client.post(reverse("syndication:decide", args=[proposal.pk]), {"decision": "accept"}, HTTP_HOST=MAIN_HOST)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    assert proposal.decided_by.username == "tc.tb"

    page = client.get(news_url, HTTP_HOST=MAIN_HOST).content.decode()
    assert "Ra mắt ứng dụng Quảng Bình Smart" in page
    assert "Sở Thông tin và Truyền thông" in page  # attribution: the unit
    assert "Trần Thị Bình" in page  # the author
    assert "20/11/2026 09:30" in page  # the original time
    assert "http://stttt.quangbinh.localhost/tin-tuc-su-kien/ra-mat-ung-dung-quang-binh-smart/" in page  # canonical link
    actions = set(PageLogEntry.objects.filter(page=article).values_list("action", flat=True))
    assert {"portal.proposal.create", "portal.proposal.accept"} <= actions


def test_edits_and_withdrawal_at_the_source_show_on_the_main_portal(client, registry, article):
    propose(client, article)
    login(client, "tc.tb")
    proposal = Proposal.objects.get(article=article)
    client.post(reverse("syndication:decide", args=[proposal.pk]), {"decision": "accept"}, HTTP_HOST=MAIN_HOST)

    article.title = "Ra mắt ứng dụng Quảng Bình Smart phiên bản 2"
    article.save_revision().publish()
    page = client.get("/tin-tuc-su-kien/", HTTP_HOST=MAIN_HOST).content.decode()
    assert "Quảng Bình Smart phiên bản 2" in page

    article.unpublish()
    page = client.get("/tin-tuc-su-kien/", HTTP_HOST=MAIN_HOST).content.decode()
    assert "Quảng Bình Smart" not in page


def test_declined_proposal_stays_off_the_main_portal(client, registry, article):
    propose(client, article)
    login(client, "tc.tb")
    proposal = Proposal.objects.get(article=article)
    client.post(
        reverse("syndication:decide", args=[proposal.pk]),
        {"decision": "decline", "note": "Tin mang tính nội bộ."},
        HTTP_HOST=MAIN_HOST,
    )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED
    assert proposal.decision_note == "Tin mang tính nội bộ."
    assert "Quảng Bình Smart" not in client.get("/tin-tuc-su-kien/", HTTP_HOST=MAIN_HOST).content.decode()
    # The unit sees the decision.
    login(client, "stttt.tb")
    assert "Tin mang tính nội bộ." in client.get(reverse("syndication:index"), HTTP_HOST=UNIT_HOST).content.decode()


def test_only_the_articles_own_board_may_propose(client, registry, article):
    for username in ("stttt.ctv", "syt.btv"):
        login(client, username)
        response = client.post(reverse("syndication:create", args=[article.pk]), {}, HTTP_HOST=UNIT_HOST)
        assert response.status_code in (403, 404)
    assert not Proposal.objects.exists()


def test_only_the_main_board_may_decide_and_not_twice(client, registry, article):
    propose(client, article)
    proposal = Proposal.objects.get(article=article)
    login(client, "stttt.tb")
    assert client.post(reverse("syndication:decide", args=[proposal.pk]), {"decision": "accept"}, HTTP_HOST=UNIT_HOST).status_code == 404
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PENDING
    # A second proposal of the same article is refused with a message.
    propose(client, article)
    assert Proposal.objects.filter(article=article).count() == 1
