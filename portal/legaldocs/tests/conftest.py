import datetime as dt
import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from portal.legaldocs.constants import DocumentType, ValidityStatus
from portal.legaldocs.demo import minimal_pdf
from portal.legaldocs.models import (
    LegalDocumentFile,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalDocumentRelation,
)


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


DOC_BYTES = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def make_document(filename="van-ban.pdf", data=None, title="Tệp văn bản", unit=None):
    Document = get_document_model()
    document = Document(title=title, **({"collection": unit.collection_link.collection} if unit else {}))
    document.file.save(filename, ContentFile(data if data is not None else minimal_pdf(["Van ban thu nghiem"])), save=False)
    document.save()
    return document


def index_for(unit) -> LegalDocumentIndexPage:
    return LegalDocumentIndexPage.objects.get(unit=unit, slug="van-ban")


def publish_document(unit, number, *, relations=(), files=None, **fields) -> LegalDocumentPage:
    values = {
        "title": f"Quyết định {number}",
        "document_type": DocumentType.QUYET_DINH,
        "issuing_body": "Ủy ban nhân dân tỉnh Quảng Bình",
        "number": number,
        "issue_date": dt.date(2024, 3, 1),
        "effective_date": dt.date(2024, 3, 15),
        "abstract": f"Ban hành quy chế số {number}",
        "field": "Công nghệ thông tin",
        "signer": "Trần Văn Phong",
        "status": ValidityStatus.IN_FORCE,
    }
    values.update(fields)
    page = LegalDocumentPage(**values)
    page.files = files if files is not None else [LegalDocumentFile(document=make_document())]
    page.relations = [LegalDocumentRelation(kind=kind, target=target) for kind, target in relations]
    index_for(unit).add_child(instance=page)
    return LegalDocumentPage.objects.get(pk=page.pk)


@pytest.fixture
def sites(registry):
    return registry


@pytest.fixture
def disk_media(settings, tmp_path):
    """Documents on a real disk: Wagtail serves them through sendfile, which needs a file path
    (the test settings' in-memory storage claims paths that do not exist)."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path / "media")}},
    }
    return tmp_path / "media"
