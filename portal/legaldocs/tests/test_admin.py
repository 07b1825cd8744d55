"""Publishing needs every mandatory attribute; a draft does not (L-43-10.6 (c), L-42-4.1a)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from portal.conftest import PASSWORD
from portal.legaldocs.models import LegalDocumentPage
from portal.legaldocs.tests.conftest import index_for, make_document, publish_document

pytestmark = pytest.mark.django_db
HOST = "stttt.quangbinh.localhost"


def document_form(*, files=(), relations=(), **overrides):
    data = {
        "title": "Quyết định ban hành Quy chế quản lý Cổng thông tin điện tử",
        "slug": "quyet-dinh-quy-che",
        "document_type": "quyet-dinh",
        "is_normative": "on",
        "issuing_body": "Ủy ban nhân dân tỉnh Quảng Bình",
        "number": "15/2024/QĐ-UBND",
        "issue_date": "2024-05-02",
        "effective_date": "2024-05-15",
        "expiry_date": "",
        "signer": "Trần Phong",
        "field": "Công nghệ thông tin",
        "status": "con-hieu-luc",
        "abstract": "Ban hành Quy chế quản lý, vận hành Cổng thông tin điện tử tỉnh",
        "full_text": rich_text(""),
        "sync_source": "",
        "files": inline_formset([{"document": str(f.pk), "title": "", "external_url": ""} for f in files]),
        "relations": inline_formset([{"kind": k, "target": str(t.pk), "target_number": ""} for k, t in relations]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def errors(response) -> str:
    form = response.context["form"]
    found = {name: list(e) for name, e in form.errors.items()}
    for name, formset in form.formsets.items():
        found[name] = [f.errors for f in formset.forms] + list(formset.non_form_errors())
    return str(found)


def add_url(unit):
    return reverse("wagtailadmin_pages:add", args=("legaldocs", "legaldocumentpage", index_for(unit).pk))


@pytest.fixture
def head(client, registry, board):
    assert client.login(username="stttt.tb", password=PASSWORD)
    return client


def test_publishing_without_a_number_is_refused_with_a_clear_message(head, registry):
    unit = registry["stttt"]
    pdf = make_document(unit=unit)
    response = head.post(add_url(unit), document_form(files=[pdf], number="", **{"action-publish": "1"}), HTTP_HOST=HOST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Chưa có số, ký hiệu" in html
    assert not LegalDocumentPage.objects.filter(live=True).exists()


def test_publishing_without_a_file_or_dates_is_refused(head, registry):
    unit = registry["stttt"]
    response = head.post(add_url(unit), document_form(effective_date="", **{"action-publish": "1"}), HTTP_HOST=HOST)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Chưa có ngày có hiệu lực" in html and "Chưa có tệp văn bản để tải về" in html
    assert not LegalDocumentPage.objects.exists()


def test_draft_with_missing_attributes_is_saved_then_published_when_complete(head, registry):
    unit = registry["stttt"]
    data = document_form(number="", abstract="", field="", document_type="", issue_date="", effective_date="",
                         issuing_body="", **{"action-save": "1"})
    response = head.post(add_url(unit), data, HTTP_HOST=HOST)
    assert response.status_code == 302, errors(response)
    page = LegalDocumentPage.objects.get()
    assert not page.live and page.number == ""

    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = head.post(edit, document_form(number="", **{"action-publish": "1"}), HTTP_HOST=HOST)
    assert response.status_code == 200 and "Chưa có số, ký hiệu" in response.content.decode()
    page.refresh_from_db()
    assert not page.live

    pdf = make_document(unit=unit)
    response = head.post(edit, document_form(files=[pdf], number=" 15/2024/QĐ-UBND ", **{"action-publish": "1"}), HTTP_HOST=HOST)
    assert response.status_code == 302, errors(response)
    page.refresh_from_db()
    assert page.live and page.number == "15/2024/QĐ-UBND" and page.number_key == "15/2024/qd-ubnd"
    assert page.files.count() == 1


def test_a_live_document_may_be_edited_as_a_draft_with_missing_attributes(head, registry):
    unit = registry["stttt"]
    pdf = make_document(unit=unit)
    response = head.post(add_url(unit), document_form(files=[pdf], **{"action-publish": "1"}), HTTP_HOST=HOST)
    assert response.status_code == 302, errors(response)
    page = LegalDocumentPage.objects.get(number="15/2024/QĐ-UBND")
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = head.post(edit, document_form(files=[pdf], abstract="", **{"action-save": "1"}), HTTP_HOST=HOST)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.abstract  # the public version is untouched
    assert page.get_latest_revision_as_object().abstract == ""


def test_a_file_that_is_not_pdf_or_word_by_content_is_refused(head, registry):
    unit = registry["stttt"]
    fake = make_document(filename="quyet-dinh.pdf", data=b"MZ\x90\x00 this is not a PDF", unit=unit)
    response = head.post(add_url(unit), document_form(files=[fake], **{"action-publish": "1"}), HTTP_HOST=HOST)
    assert response.status_code == 200
    assert "không phải loại tệp được chấp nhận" in response.content.decode()
    assert not LegalDocumentPage.objects.exists()


def test_the_same_number_twice_on_one_site_is_refused(head, registry):
    unit = registry["stttt"]
    publish_document(unit, "15/2024/QĐ-UBND")
    pdf = make_document(unit=unit)
    response = head.post(add_url(unit), document_form(files=[pdf], number="15/2024/qđ-ubnd", **{"action-save": "1"}), HTTP_HOST=HOST)
    assert response.status_code == 200
    assert "Số, ký hiệu này đã có" in response.content.decode()


def test_contributor_cannot_submit_an_incomplete_document_for_review(client, registry, board):
    unit = registry["stttt"]
    assert client.login(username="stttt.ctv", password=PASSWORD)
    response = client.post(add_url(unit), document_form(number="", **{"action-submit": "1"}), HTTP_HOST=HOST)
    assert response.status_code == 200 and "Chưa có số, ký hiệu" in response.content.decode()


def test_publishing_in_code_checks_the_same_attributes(registry):
    unit = registry["stttt"]
    page = LegalDocumentPage(title="Văn bản thiếu số", live=False, abstract="Thiếu số, ký hiệu")
    index_for(unit).add_child(instance=page)
    revision = page.save_revision()
    with pytest.raises(ValidationError) as error:
        revision.publish()
    assert "number" in error.value.message_dict and "issuing_body" in error.value.message_dict
    assert not LegalDocumentPage.objects.get(pk=page.pk).live
