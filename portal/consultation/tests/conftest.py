"""Helpers for the consultation tests: real pages published through Wagtail, real comments through the service."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from portal.conftest import make_user
from portal.consultation.models import ConsultationIndexPage, ConsultationPage
from portal.editorial.constants import Role

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_upload(name="gop-y.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def index_for(unit) -> ConsultationIndexPage:
    return ConsultationIndexPage.objects.get(unit=unit, slug="lay-y-kien")


def make_consultation(unit, *, title="Dự thảo Quyết định ban hành Quy chế thử nghiệm", opens_at=None, closes_at=None, **fields):
    now = timezone.now()
    page = ConsultationPage(
        title=title,
        summary=fields.pop("summary", "Tóm tắt nội dung dự thảo."),
        body=fields.pop("body", "<p>Điều 1. Phạm vi điều chỉnh.</p>"),
        opens_at=opens_at or now - timedelta(days=5),
        closes_at=closes_at or now + timedelta(days=25),
        **fields,
    )
    index_for(unit).add_child(instance=page)
    page.save_revision().publish()
    return ConsultationPage.objects.get(pk=page.pk)


def comment_data(page_html: str, **overrides) -> dict:
    """A valid POST for the public form, with the time token taken from the rendered page."""
    import re

    token = re.search(r'name="token" value="([^"]+)"', page_html).group(1)
    data = {
        "name": "Nguyễn Văn An",
        "email": "an.nv@example.vn",
        "organisation": "",
        "content": "Đề nghị bổ sung quy định về thời hạn trả lời ý kiến của người dân.",
        "consent": "on",
        "website": "",
        "token": token,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def moderators(registry):
    """Board of Sở TTTT (head, editor, contributor, site admin), a Sở Y tế editor and the main portal's head."""
    stttt, syt, main = registry["stttt"], registry["syt"], registry["province"]
    return {
        "head": make_user("stttt.tb", (stttt, Role.BOARD_HEAD)),
        "editor": make_user("stttt.btv", (stttt, Role.EDITOR)),
        "contributor": make_user("stttt.ctv", (stttt, Role.CONTRIBUTOR)),
        "site_admin": make_user("stttt.qt", (stttt, Role.SITE_ADMIN)),
        "syt_editor": make_user("syt.btv", (syt, Role.EDITOR)),
        "main_head": make_user("tc.tb", (main, Role.BOARD_HEAD)),
    }
