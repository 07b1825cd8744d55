"""The citizen's side: the form, the receipt, the lookup, the published answers (L-43-12/14, L-42-8, L-72-5, L-PDP-consent)."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.interaction.constants import CODE_PATTERN, QuestionKind, QuestionStatus
from portal.interaction.models import Question
from portal.interaction.tests.conftest import form_data
from portal.moderation.models import ConsentRecord

pytestmark = pytest.mark.django_db
HOST = "stttt.quangbinh.localhost"
MAIN = "quangbinh.localhost"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def post_form(client, host=HOST, files=None, **overrides):
    data = form_data(**overrides)
    if files:
        data.update(files)
    return client.post("/hoi-dap/gui/", data, HTTP_HOST=host)


def test_form_page_renders_with_consent_unticked_and_topics(client, topics):
    html = client.get("/hoi-dap/gui/", HTTP_HOST=HOST).content.decode()
    assert 'name="consent"' in html and "checked" not in re.search(r'<input type="checkbox" name="consent"[^>]*>', html).group(0)
    assert "Viễn thông – Internet" in html
    assert 'class="hp" aria-hidden="true"' in html
    assert "Luật Bảo vệ dữ liệu cá nhân" in html  # the privacy notice is shown next to the box


def test_submission_gets_a_code_is_routed_to_the_unit_and_gets_a_receipt(client, registry, topics, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(client, topic=topics["vt"].pk, files={"attachment": SimpleUploadedFile("cv.pdf", PDF)})
    assert response.status_code == 302 and response["Location"].endswith("/hoi-dap/gui/da-tiep-nhan/")
    question = Question.objects.get()
    assert question.unit == registry["stttt"], "routed to the unit whose site received it"
    assert re.fullmatch(CODE_PATTERN, question.code) and question.code.startswith("HD-")
    assert question.status == QuestionStatus.RECEIVED
    assert question.attachment_content_type == "application/pdf"
    consent = ConsentRecord.objects.get()
    assert question.consent == consent and consent.subject_ref == question.code and consent.notice.purpose == "hoi-dap"

    receipt = client.get(response["Location"], HTTP_HOST=HOST).content.decode()
    assert question.code in receipt
    assert f"Hạn trả lời dự kiến: {question.due_date:%d/%m/%Y}" in receipt
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["an.nguyen@example.com"]
    assert question.code in mail.outbox[0].body and f"{question.due_date:%d/%m/%Y}" in mail.outbox[0].body

    # Submitted on the main portal, it belongs to the province, not to Sở TTTT.
    post_form(client, host=MAIN, title="Câu hỏi gửi Trang chính")
    assert Question.objects.get(title="Câu hỏi gửi Trang chính").unit == registry["province"]


def test_feedback_kind_has_its_own_prefix(client, topics):
    post_form(client, kind=QuestionKind.FEEDBACK, topic=topics["bc"].pk)
    assert Question.objects.get().code.startswith("PA-")


def test_consent_unticked_is_an_error_and_stores_nothing(client, topics):
    response = post_form(client, consent=None, topic=topics["vt"].pk)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bạn cần đánh dấu đồng ý xử lý dữ liệu cá nhân" in html
    assert 'id="id_consent_error"' in html and 'aria-describedby="consent-notice id_consent_error"' in html
    assert not Question.objects.exists() and not ConsentRecord.objects.exists()


def test_missing_fields_are_reported_and_linked(client, topics):
    html = post_form(client, asker_email="", title="", topic=topics["vt"].pk).content.decode()
    assert "Hãy nhập thư điện tử để nhận câu trả lời." in html and "Hãy nhập tiêu đề." in html
    assert re.search(r'aria-describedby="id_asker_email_helptext id_asker_email_error"', html)
    assert not Question.objects.exists()


def test_honeypot_and_forged_token_store_nothing(client, topics):
    assert post_form(client, website="http://spam.example", topic=topics["vt"].pk).status_code == 400
    assert post_form(client, token="forged", topic=topics["vt"].pk).status_code == 400
    assert not Question.objects.exists() and not ConsentRecord.objects.exists()


def test_per_ip_rate_limit(client, settings, topics):
    settings.PORTAL_PUBLIC_FORM_RATE_LIMIT = 2
    codes = [post_form(client, topic=topics["vt"].pk).status_code for _ in range(3)]
    assert codes == [302, 302, 429]
    assert Question.objects.count() == 2
    # Another address is not affected.
    assert client.post("/hoi-dap/gui/", form_data(topic=topics["vt"].pk), HTTP_HOST=HOST, REMOTE_ADDR="10.0.0.9").status_code == 302


def test_attachment_checked_by_content(client, topics):
    fake = SimpleUploadedFile("hoso.pdf", b"MZ\x90\x00 this is a program")
    html = post_form(client, topic=topics["vt"].pk, files={"attachment": fake}).content.decode()
    assert "id_attachment_error" in html
    assert not Question.objects.exists()


def test_nothing_is_public_before_publication(client, submit_question):
    question = submit_question(title="Câu hỏi chưa được duyệt")
    assert "Câu hỏi chưa được duyệt" not in client.get("/hoi-dap/", HTTP_HOST=HOST).content.decode()
    assert client.get(f"/hoi-dap/{question.code}/", HTTP_HOST=HOST).status_code == 404
    assert client.get(f"/api/v1/sites/{HOST}/answers/{question.code}", HTTP_HOST=HOST).status_code == 404


def test_published_answer_is_listed_and_found_without_diacritics(client, published, topics):
    question = published(title="Thủ tục đăng ký tên miền .vn cho cơ quan nhà nước", topic=topics["vt"])
    other = published(title="Cấp thẻ nhà báo", kind=QuestionKind.FEEDBACK, topic=topics["bc"], answer="Liên hệ Hội Nhà báo tỉnh.")

    listing = client.get("/hoi-dap/", HTTP_HOST=HOST).content.decode()
    assert question.title in listing and other.title in listing and "Viễn thông – Internet" in listing
    assert "Hồ sơ gồm đơn đề nghị" in listing  # the answer's excerpt

    found = client.get("/hoi-dap/", {"tu-khoa": "thu tuc dang ky ten mien"}, HTTP_HOST=HOST).content.decode()
    assert question.title in found and other.title not in found
    by_topic = client.get("/hoi-dap/", {"linh-vuc": topics["bc"].pk}, HTTP_HOST=HOST).content.decode()
    assert other.title in by_topic and question.title not in by_topic
    by_kind = client.get("/hoi-dap/", {"loai": "feedback"}, HTTP_HOST=HOST).content.decode()
    assert other.title in by_kind and question.title not in by_kind
    # Other units' answers stay on their own sites.
    assert question.title not in client.get("/hoi-dap/", HTTP_HOST=MAIN).content.decode()

    item = client.get(f"/hoi-dap/{question.code}/", HTTP_HOST=HOST)
    html = item.content.decode()
    assert item.status_code == 200 and question.title in html and "Nguyễn Văn An" in html
    assert "an.nguyen@example.com" not in html and "0912 345 678" not in html


def test_listing_query_count_does_not_grow_with_rows(client, published, django_assert_num_queries, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    published(title="Câu hỏi thứ nhất")
    client.get("/hoi-dap/", HTTP_HOST=HOST)  # warm the host routes and rule caches
    with CaptureQueriesContext(connection) as few:
        assert client.get("/hoi-dap/", HTTP_HOST=HOST).status_code == 200
    for n in range(14):
        published(title=f"Câu hỏi số {n + 2}")
    with django_assert_num_queries(len(few)):
        html = client.get("/hoi-dap/", HTTP_HOST=HOST).content.decode()
    assert "Trang 1 / 2" in html
    page_two = client.get("/hoi-dap/", {"trang": 2, "tu-khoa": "cau hoi"}, HTTP_HOST=HOST).content.decode()
    assert "Trang 2 / 2" in page_two and "tu-khoa=cau+hoi" in page_two  # paging keeps the search


def test_lookup_by_code_and_email(client, published, submit_question):
    answered = published()
    waiting = submit_question(title="Câu hỏi đang chờ")
    ok = client.post("/hoi-dap/tra-cuu/", {"code": answered.code.lower(), "email": "AN.NGUYEN@example.com"}, HTTP_HOST=HOST)
    html = ok.content.decode()
    assert answered.code in html and "Đã đăng công khai" in html and "Hồ sơ gồm đơn đề nghị" in html

    html = client.post("/hoi-dap/tra-cuu/", {"code": waiting.code, "email": "an.nguyen@example.com"}, HTTP_HOST=HOST).content.decode()
    assert "Đã tiếp nhận" in html and f"{waiting.due_date:%d/%m/%Y}" in html

    wrong_email = client.post("/hoi-dap/tra-cuu/", {"code": answered.code, "email": "khac@example.com"}, HTTP_HOST=HOST)
    wrong_code = client.post("/hoi-dap/tra-cuu/", {"code": "HD-260101-AAAA", "email": "an.nguyen@example.com"}, HTTP_HOST=HOST)

    def result(response):
        return re.search(r'<section class="lookup-result".*?</section>', response.content.decode(), re.S).group(0)

    assert "Không tìm thấy" in result(wrong_email)
    assert result(wrong_email) == result(wrong_code), "the same neutral answer for a wrong code and a wrong e-mail"
    missing = client.post("/hoi-dap/tra-cuu/", {"code": "", "email": ""}, HTTP_HOST=HOST).content.decode()
    assert "Hãy nhập mã tra cứu." in missing and "Hãy nhập thư điện tử." in missing


def test_lookup_is_rate_limited(client, settings, published):
    settings.PORTAL_LOOKUP_RATE_LIMIT = 3
    question = published()
    codes = [
        client.post("/hoi-dap/tra-cuu/", {"code": question.code, "email": "x@example.com"}, HTTP_HOST=HOST).status_code
        for _ in range(4)
    ]
    assert codes == [200, 200, 200, 429]
    assert "quá nhiều lần" in client.post("/hoi-dap/tra-cuu/", {"code": question.code}, HTTP_HOST=HOST).content.decode()
