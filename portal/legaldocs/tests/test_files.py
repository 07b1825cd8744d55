"""Files download with the right Content-Type; Vietnamese file names survive (L-43-10.6 (c))."""

from urllib.parse import quote

import pytest

from portal.legaldocs.demo import minimal_pdf
from portal.legaldocs.tests.conftest import DOC_BYTES, docx_bytes, make_document

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("filename", "data", "content_type"),
    [
        ("quyết-định-06.pdf", minimal_pdf(["Quyet dinh 06"]), "application/pdf"),
        ("quyết-định-06.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("công-văn-12.doc", DOC_BYTES, "application/msword"),
    ],
)
def test_document_download_has_the_right_content_type(client, registry, disk_media, filename, data, content_type):
    document = make_document(filename=filename, data=data, unit=registry["stttt"])
    response = client.get(document.url, HTTP_HOST=registry["stttt"].hostname)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    body = b"".join(response.streaming_content)
    assert body == data
    disposition = response["Content-Disposition"]
    if content_type == "application/pdf":
        assert disposition.startswith("inline")
    else:
        # RFC 6266: the UTF-8 name in filename*, so "Quyết định" is saved as such.
        assert disposition.startswith("attachment")
        assert f"filename*=UTF-8''{quote(document.filename)}" in disposition
        assert "%C3%B4" in disposition or "%E1%BA%BF" in disposition  # "ô" / "ế", percent-encoded UTF-8


def test_minimal_pdf_is_a_real_pdf():
    data = minimal_pdf(["Nghi dinh 42/2022/ND-CP"])
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    xref_at = int(data.rsplit(b"startxref", 1)[1].split()[0])
    assert data[xref_at:].startswith(b"xref")
