"""The public side (L-43-10.10, L-42-8, L-72-5, L-PDP-consent): listing, the page, the comment form."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.storage import default_storage, storages
from django.utils import timezone

from portal.consultation import services
from portal.consultation.models import DraftComment
from portal.consultation.tests.conftest import (
    comment_data,
    index_for,
    make_consultation,
    pdf_upload,
)
from portal.moderation.constants import ModerationStatus, ViolationCategory
from portal.moderation.models import ConsentRecord, ProhibitedTerm

pytestmark = pytest.mark.django_db


def get(client, unit, url, **kwargs):
    return client.get(url, HTTP_HOST=unit.hostname, **kwargs)


def post(client, unit, url, data):
    return client.post(url, data, HTTP_HOST=unit.hostname)


# --- the index (L-43-10.10 a: list of drafts open for comment) -------------------------------------


def test_index_lists_open_first_with_days_left_then_closed(client, registry):
    unit = registry["stttt"]
    now = timezone.now()
    make_consultation(unit, title="Dự thảo đã kết thúc", opens_at=now - timedelta(days=60), closes_at=now - timedelta(days=30))
    make_consultation(unit, title="Dự thảo đang mở", opens_at=now - timedelta(days=2), closes_at=now + timedelta(days=10, hours=1))
    make_consultation(unit, title="Dự thảo sắp mở", opens_at=now + timedelta(days=3), closes_at=now + timedelta(days=40))

    html = get(client, unit, "/lay-y-kien/").content.decode()

    open_at, upcoming_at, closed_at = html.index("Dự thảo đang mở"), html.index("Dự thảo sắp mở"), html.index("Dự thảo đã kết thúc")
    assert open_at < upcoming_at < closed_at
    assert html.index("Đang lấy ý kiến") < open_at < html.index("Đã kết thúc</h2>") < closed_at
    assert "Còn 10 ngày để góp ý" in html
    assert "Chưa công bố báo cáo tổng hợp" in html


def test_index_shows_only_its_own_sites_consultations(client, registry):
    make_consultation(registry["syt"], title="Dự thảo của Sở Y tế")
    html = get(client, registry["stttt"], "/lay-y-kien/").content.decode()
    assert "Dự thảo của Sở Y tế" not in html
    assert "Hiện chưa có dự thảo nào" in html


def test_index_costs_the_same_queries_with_few_and_many_consultations(client, registry):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    unit = registry["stttt"]
    now = timezone.now()
    make_consultation(unit, title="Dự thảo 1")
    get(client, unit, "/lay-y-kien/")  # warm the host routes and site caches
    with CaptureQueriesContext(connection) as few:
        assert get(client, unit, "/lay-y-kien/").status_code == 200
    for n in range(14):
        closed = n % 2
        make_consultation(
            unit,
            title=f"Dự thảo số {n + 2}",
            opens_at=now - timedelta(days=60 if closed else 1),
            closes_at=now - timedelta(days=30) if closed else now + timedelta(days=20),
            report_body="<p>Báo cáo.</p>" if closed and n % 4 == 1 else "",
        )
    with CaptureQueriesContext(connection) as many:
        response = get(client, unit, "/lay-y-kien/")
    assert response.status_code == 200
    assert "Trang 1 / 2" in response.content.decode()
    assert len(many.captured_queries) == len(few.captured_queries), "\n\n".join(
        [q["sql"][:300] for q in few.captured_queries] + ["======"] + [q["sql"][:300] for q in many.captured_queries]
    )


# --- the page: status from the clock ---------------------------------------------------------------


def test_open_consultation_shows_receiving_unit_defaults_and_the_form(client, registry):
    unit = registry["stttt"]
    page = make_consultation(unit, legal_basis="Luật Ban hành văn bản quy phạm pháp luật 2025")
    html = get(client, unit, page.url).content.decode()
    assert "Sở Thông tin và Truyền thông" in html
    assert "stttt@quangbinh.gov.vn" in html  # from the Unit: the page left it blank
    assert "Đường Hữu Nghị, TP Đồng Hới" in html
    assert "Luật Ban hành văn bản quy phạm pháp luật 2025" in html
    assert '<form class="public-form"' in html
    # Consent is asked for and never pre-ticked (NĐ 356/2025: no default opt-in).
    consent = re.search(r'<input type="checkbox" name="consent"[^>]*>', html).group(0)
    assert "checked" not in consent
    assert "Cơ quan chủ trì soạn thảo (bên kiểm soát dữ liệu)" in html  # the "gop-y-du-thao" notice
    assert '<div class="hp" aria-hidden="true">' in html


def test_before_opening_the_form_is_not_shown(client, registry):
    unit = registry["stttt"]
    now = timezone.now()
    page = make_consultation(unit, opens_at=now + timedelta(days=2), closes_at=now + timedelta(days=30))
    html = get(client, unit, page.url).content.decode()
    assert "Chưa đến thời gian lấy ý kiến" in html
    assert '<form class="public-form"' not in html


def test_after_closing_the_form_is_not_shown(client, registry):
    unit = registry["stttt"]
    now = timezone.now()
    page = make_consultation(unit, opens_at=now - timedelta(days=40), closes_at=now - timedelta(days=1))
    html = get(client, unit, page.url).content.decode()
    assert "Đã hết thời hạn góp ý từ" in html
    assert '<form class="public-form"' not in html


def test_a_post_one_second_after_closing_is_refused_and_nothing_is_stored(client, registry):
    unit = registry["stttt"]
    now = timezone.now()
    page = make_consultation(unit, opens_at=now - timedelta(days=30), closes_at=now + timedelta(seconds=30))
    data = comment_data(get(client, unit, page.url).content.decode())
    # The deadline passes while the citizen is typing.
    closes_at = timezone.now() - timedelta(seconds=1)
    type(page).objects.filter(pk=page.pk).update(closes_at=closes_at)

    response = post(client, unit, page.url, data)

    assert response.status_code == 403
    expected = timezone.localtime(closes_at).strftime("Đã hết thời hạn góp ý từ %H:%M ngày %d/%m/%Y")
    assert expected in response.content.decode()
    assert not DraftComment.objects.exists()
    assert not ConsentRecord.objects.exists()


def test_the_service_refuses_one_second_after_closes_at_and_accepts_one_second_before(registry):
    page = make_consultation(registry["stttt"])
    with pytest.raises(services.ConsultationClosed, match="Đã hết thời hạn góp ý từ"):
        services.comment_submit(
            consultation=page, name="A", email="a@example.vn", content="Góp ý.", now=page.closes_at + timedelta(seconds=1)
        )
    with pytest.raises(services.ConsultationClosed):
        services.comment_submit(consultation=page, name="A", email="a@example.vn", content="Góp ý.", now=page.closes_at)
    services.comment_submit(
        consultation=page, name="A", email="a@example.vn", content="Góp ý.", now=page.closes_at - timedelta(seconds=1), notify=False
    )
    assert DraftComment.objects.count() == 1


# --- sending a comment ------------------------------------------------------------------------------


def test_a_valid_comment_is_stored_pending_with_consent_and_redirects_to_a_thank_you(
    client, registry, django_capture_on_commit_callbacks
):
    unit = registry["stttt"]
    page = make_consultation(unit)
    data = comment_data(get(client, unit, page.url).content.decode(), organisation="Hội Luật gia tỉnh")

    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, unit, page.url, data)

    assert response.status_code == 302  # Post/Redirect/Get
    comment = DraftComment.objects.get()
    assert comment.status == ModerationStatus.PENDING
    assert comment.unit_id == unit.pk
    assert comment.organisation == "Hội Luật gia tỉnh"
    record = comment.consent
    assert record.notice.purpose == "gop-y-du-thao"
    assert record.notice_sha256 == record.notice.sha256
    assert record.subject_ref == comment.reference
    assert record.subject_email == "an.nv@example.vn"
    # The receiving unit is told, without the commenter's personal data.
    assert [m.to for m in mail.outbox] == [["stttt@quangbinh.gov.vn"]]
    assert comment.reference in mail.outbox[0].body
    assert "an.nv@example.vn" not in mail.outbox[0].body

    thanks = client.get(response["Location"], HTTP_HOST=unit.hostname).content.decode()
    assert "Cảm ơn bạn đã gửi góp ý" in thanks
    assert comment.reference in thanks
    # Pending: not public yet (L-72-5: pre-moderation).
    assert "Đề nghị bổ sung quy định về thời hạn trả lời" not in thanks
    # The thank-you shows once.
    again = client.get(response["Location"], HTTP_HOST=unit.hostname).content.decode()
    assert comment.reference not in again


def test_without_consent_nothing_is_stored_and_the_error_is_tied_to_the_box(client, registry):
    unit = registry["stttt"]
    page = make_consultation(unit)
    data = comment_data(get(client, unit, page.url).content.decode(), consent=None, email="không-phải-thư")
    response = post(client, unit, page.url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert not DraftComment.objects.exists()
    assert "Bạn cần đánh dấu đồng ý xử lý dữ liệu cá nhân" in html
    assert 'id="id_consent_error"' in html and 'aria-describedby="id_consent_error consent-notice"' in html
    email_input = re.search(r'<input type="email" name="email"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in email_input and "id_email_error" in email_input


@pytest.mark.parametrize(
    "overrides",
    [{"website": "http://spam.example"}, {"token": "giả-mạo"}],
    ids=["honeypot", "forged-token"],
)
def test_robots_are_refused_and_nothing_is_stored(client, registry, overrides):
    unit = registry["stttt"]
    page = make_consultation(unit)
    data = comment_data(get(client, unit, page.url).content.decode(), **overrides)
    response = post(client, unit, page.url, data)
    assert response.status_code == 400
    assert "Không gửi được góp ý" in response.content.decode()
    assert not DraftComment.objects.exists()


def test_too_many_comments_from_one_address_are_refused(client, registry, settings):
    settings.PORTAL_PUBLIC_FORM_RATE_LIMIT = 2
    unit = registry["stttt"]
    page = make_consultation(unit)
    for _ in range(2):
        data = comment_data(get(client, unit, page.url).content.decode())
        assert post(client, unit, page.url, data).status_code == 302
    data = comment_data(get(client, unit, page.url).content.decode())
    response = post(client, unit, page.url, data)
    assert response.status_code == 429
    assert DraftComment.objects.count() == 2


def test_attachment_is_checked_by_content_and_kept_private(client, registry):
    unit = registry["stttt"]
    page = make_consultation(unit)
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("du-thao.pdf", b"MZ\x90\x00 not a pdf at all", content_type="application/pdf")
    data = comment_data(get(client, unit, page.url).content.decode(), attachment=fake)
    response = post(client, unit, page.url, data)
    assert "không phải loại tệp được chấp nhận" in response.content.decode()
    assert not DraftComment.objects.exists()

    data = comment_data(get(client, unit, page.url).content.decode(), attachment=pdf_upload("y-kien cua toi.pdf"))
    assert post(client, unit, page.url, data).status_code == 302
    comment = DraftComment.objects.get()
    assert comment.attachment_name == "y-kien cua toi.pdf"
    assert storages["private"].exists(comment.attachment.name)
    assert not default_storage.exists(comment.attachment.name)
    assert comment.attachment.storage is storages["private"]


# --- what the public sees of comments (L-72-5) ------------------------------------------------------


def test_only_approved_comments_are_public_with_name_date_and_content_never_the_email(client, registry, moderators):
    unit = registry["stttt"]
    page = make_consultation(unit)
    approved = services.comment_submit(
        consultation=page, name="Phan Thị Bình", email="binh.pt@example.vn", content="Nên rút ngắn thủ tục.",
        attachment=pdf_upload(), notify=False,
    )
    pending = services.comment_submit(consultation=page, name="Lê Chờ", email="cho@example.vn", content="Đang chờ duyệt.", notify=False)
    rejected = services.comment_submit(consultation=page, name="Kẻ Quảng Cáo", email="qc@example.vn", content="Mua hàng giá rẻ.", notify=False)
    services.comment_moderate(comment=approved, actor=moderators["head"], approve=True)
    services.comment_moderate(comment=rejected, actor=moderators["head"], approve=False, category=ViolationCategory.OTHER)

    html = get(client, unit, page.url).content.decode()

    assert "Phan Thị Bình" in html and "Nên rút ngắn thủ tục." in html
    assert timezone.localtime(approved.created_at).strftime("%H:%M %d/%m/%Y") in html
    assert "binh.pt@example.vn" not in html
    assert approved.attachment.name not in html and "tep-dinh-kem" not in html
    assert pending.content not in html and rejected.content not in html
    assert "Ý kiến góp ý đã công khai (1)" in html


def test_screening_flags_prohibited_terms_for_moderators(registry, moderators, client):
    ProhibitedTerm.objects.create(term="lừa đảo", category=ViolationCategory.DEFAMATION)
    page = make_consultation(registry["stttt"])
    comment = services.comment_submit(
        consultation=page, name="Ẩn danh", email="a@example.vn", content="Cơ quan soạn thảo lua dao nhân dân.", notify=False
    )
    assert comment.screening_hits == [{"term": "lừa đảo", "category": "d"}]
    assert comment.status == ModerationStatus.PENDING  # flagged, never auto-published or auto-rejected

    client.force_login(moderators["editor"])
    html = client.get("/admin/gop-y-du-thao/", HTTP_HOST=registry["province"].hostname).content.decode()
    assert "“lừa đảo”" in html and "Xuyên tạc, vu khống" in html


def test_index_page_is_reachable_from_every_kind_of_site(client, registry):
    for key in ("province", "stttt", "donghoi", "baoninh"):
        unit = registry[key]
        assert index_for(unit).live
        assert get(client, unit, "/lay-y-kien/").status_code == 200
