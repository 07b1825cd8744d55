"""The consultation page in the editor and after closing (L-43-10.10 b–c): dates, draft files, the response report."""

import datetime as dt
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from portal.consultation import services
from portal.consultation.models import ConsultationPage
from portal.consultation.tests.conftest import PDF_BYTES, index_for, make_consultation
from portal.units.models import UnitCollection

pytestmark = pytest.mark.django_db

TZ = timezone.get_fixed_timezone(7 * 60)


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=TZ)


def test_closing_must_follow_opening_and_a_report_waits_for_the_closing(registry):
    now = timezone.now()
    page = make_consultation(registry["stttt"])
    page.closes_at = page.opens_at - timedelta(minutes=1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "phải sau thời điểm bắt đầu" in str(error.value)

    page.closes_at = now + timedelta(days=3)
    page.report_body = "<p>Báo cáo tổng hợp.</p>"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "Chỉ đăng được báo cáo tổng hợp, tiếp thu, giải trình sau khi hết hạn góp ý" in str(error.value)

    page.closes_at = now - timedelta(seconds=1)
    page.full_clean()  # closed: the report may go out


def test_the_minimum_window_follows_the_rule_in_force_on_the_opening_day(registry):
    page = make_consultation(registry["stttt"])
    # 60 days until 31/03/2025 (Luật 2015), 20 days from 01/04/2025 (Luật 2025).
    page.opens_at, page.closes_at = at(2025, 3, 1, 8), at(2025, 3, 31, 8)
    assert "ngắn hơn mức tối thiểu 60 ngày" in page.window_warning()
    page.opens_at, page.closes_at = at(2025, 4, 1, 8), at(2025, 4, 21, 8)
    assert page.window_warning() == ""
    page.closes_at = at(2025, 4, 11, 8)
    assert "ngắn hơn mức tối thiểu 20 ngày" in page.window_warning()


def _form(**fields):
    data = {
        "title": "Dự thảo Quyết định quy định về quản lý dữ liệu số",
        "slug": "quan-ly-du-lieu-so",
        "summary": "Quy định việc thu thập, chia sẻ dữ liệu số của tỉnh.",
        "body": rich_text(""),
        "documents": inline_formset([]),
        "comments": inline_formset([]),
        "legal_basis": "",
        "opens_at": "2025-05-01 08:00",
        "closes_at": "2025-05-11 08:00",
        "drafting_unit_name": "",
        "receiving_address": "",
        "receiving_email": "",
        "report_body": rich_text(""),
        "report_document": "",
        "action-publish": "action-publish",
    }
    data.update(fields)
    return nested_form_data(data)


def _document(unit, name: str, content: bytes) -> Document:
    collection = UnitCollection.objects.get(unit=unit).collection
    return Document.objects.create(title=name, file=ContentFile(content, name=name), collection=collection)


def test_editor_form_defaults_checks_draft_files_by_content_and_warns_on_a_short_window(client, registry, moderators):
    unit = registry["stttt"]
    index = index_for(unit)
    add_url = f"/admin/pages/add/consultation/consultationpage/{index.pk}/"
    host = registry["province"].hostname
    client.force_login(moderators["head"])

    # Contact details start from the unit's own.
    form_html = client.get(add_url, HTTP_HOST=host).content.decode()
    assert 'value="stttt@quangbinh.gov.vn"' in form_html
    assert 'value="Đường Hữu Nghị, TP Đồng Hới"' in form_html

    # Neither text nor file: refused.
    response = client.post(add_url, _form(), HTTP_HOST=host)
    assert response.status_code == 200
    assert "Cần có toàn văn dự thảo" in response.content.decode()

    # A "PDF" that is not one: refused, by content.
    fake = _document(unit, "du-thao.pdf", b"MZ\x90\x00 this is an executable")
    response = client.post(add_url, _form(documents=inline_formset([{"document": fake.pk, "label": ""}])), HTTP_HOST=host)
    assert response.status_code == 200
    assert "không phải loại tệp được chấp nhận" in response.content.decode()
    assert not ConsultationPage.objects.exists()

    # A real PDF and a 10-day window (20 required from 01/04/2025): saved and published, with a warning.
    real = _document(unit, "du-thao-that.pdf", PDF_BYTES)
    response = client.post(
        add_url, _form(documents=inline_formset([{"document": real.pk, "label": "Toàn văn dự thảo"}])), HTTP_HOST=host, follow=True
    )
    page = ConsultationPage.objects.get()
    assert page.live and page.unit_id == unit.pk
    assert [d.document_id for d in page.documents.all()] == [real.pk]
    assert "ngắn hơn mức tối thiểu 20 ngày" in response.content.decode()


def test_after_closing_the_published_report_and_the_responses_show(client, registry, moderators):
    unit = registry["stttt"]
    now = timezone.now()
    page = make_consultation(unit, title="Dự thảo Quy chế chữ ký số", opens_at=now - timedelta(days=40), closes_at=now + timedelta(days=1))
    comment = services.comment_submit(consultation=page, name="Đỗ Văn Nam", email="nam@example.vn", content="Đề nghị làm rõ Điều 3.", notify=False)
    services.comment_moderate(comment=comment, actor=moderators["head"], approve=True)
    services.comment_respond(comment=comment, actor=moderators["head"], response="Tiếp thu, đã sửa Điều 3.")
    ConsultationPage.objects.filter(pk=page.pk).update(closes_at=now - timedelta(days=2))
    page.refresh_from_db()

    index_html = client.get("/lay-y-kien/", HTTP_HOST=unit.hostname).content.decode()
    assert "Chưa công bố báo cáo tổng hợp" in index_html

    page.report_body = "<p>Tổng hợp 01 ý kiến; tiếp thu toàn bộ.</p>"
    page.report_document = Document.objects.create(title="Báo cáo tổng hợp", file=ContentFile(PDF_BYTES, name="bao-cao.pdf"))
    page.save_revision(user=moderators["head"]).publish(user=moderators["head"])

    html = client.get(page.url, HTTP_HOST=unit.hostname).content.decode()
    assert 'id="bao-cao"' in html and "Báo cáo tổng hợp, tiếp thu, giải trình" in html
    assert "Tổng hợp 01 ý kiến; tiếp thu toàn bộ." in html
    assert "bao-cao" in html and page.report_document.url in html
    # The report comes before the draft itself.
    assert html.index('id="bao-cao"') < html.index('id="toan-van"')
    assert "Đỗ Văn Nam" in html and "Tiếp thu, đã sửa Điều 3." in html
    assert "Đã hết thời hạn góp ý từ" in html

    index_html = client.get("/lay-y-kien/", HTTP_HOST=unit.hostname).content.decode()
    assert f"/lay-y-kien/{page.slug}/#bao-cao" in index_html


def test_a_report_saved_while_still_open_stays_hidden(client, registry):
    unit = registry["stttt"]
    page = make_consultation(unit)
    # Written around the validation (e.g. straight into the database): the page still does not show it.
    ConsultationPage.objects.filter(pk=page.pk).update(report_body="<p>Báo cáo sớm.</p>")
    html = client.get(page.url, HTTP_HOST=unit.hostname).content.decode()
    assert "Báo cáo sớm." not in html and 'id="bao-cao"' not in html
