"""The standards' file-format whitelist, checked by content (L-39.*): every kind is accepted with a
real minimal file; programs and disguised files are refused, through the real upload paths."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.models import Collection

from portal.conftest import PASSWORD
from portal.core import uploads
from portal.core.uploads import STANDARD_KINDS, validate_upload
from portal.interaction.models import Question
from portal.interaction.tests.conftest import form_data, topics  # noqa: F401 (fixture)

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 100 + b"This program cannot be run in DOS mode."
HOST = "stttt.quangbinh.localhost"


def _zip(members: dict[str, bytes | str], *, stored_mimetype: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            compress = zipfile.ZIP_STORED if (stored_mimetype and name == "mimetype") else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=compress)
    return buffer.getvalue()


def _opendocument(mimetype: str) -> bytes:
    return _zip({"mimetype": mimetype, "content.xml": "<office:document-content/>", "META-INF/manifest.xml": "<m/>"}, stored_mimetype=True)


def _image(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (10, 120, 200)).save(buffer, format=fmt)
    return buffer.getvalue()


SAMPLES = {
    "pdf": ("van-ban.pdf", b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
    "doc": ("to-trinh.doc", OLE),
    "docx": ("to-trinh.docx", _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})),
    "odt": ("to-trinh.odt", _opendocument("application/vnd.oasis.opendocument.text")),
    "xls": ("bang-ke.xls", OLE),
    "xlsx": ("bang-ke.xlsx", _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})),
    "ods": ("bang-ke.ods", _opendocument("application/vnd.oasis.opendocument.spreadsheet")),
    "csv": ("so-lieu.csv", "Đơn vị;Số hồ sơ\nSở Thông tin và Truyền thông;12\n".encode()),
    "ppt": ("bao-cao.ppt", OLE),
    "pptx": ("bao-cao.pptx", _zip({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p:presentation/>"})),
    "odp": ("bao-cao.odp", _opendocument("application/vnd.oasis.opendocument.presentation")),
    "jpeg": ("anh.jpg", _image("JPEG")),
    "png": ("anh.png", _image("PNG")),
    "gif": ("anh.gif", _image("GIF")),
    "tiff": ("ban-do.tiff", _image("TIFF")),
    "zip": ("ho-so.zip", _zip({"to-trinh.pdf": b"%PDF-1.4\n", "phu-luc/bang-ke.csv": "a;b\n"})),
}


def test_standard_kinds_cover_the_list():
    assert {kind.code for kind in STANDARD_KINDS} == set(SAMPLES)


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_each_whitelisted_kind_is_recognised_by_content(code):
    name, data = SAMPLES[code]
    assert validate_upload(SimpleUploadedFile(name, data), kinds=STANDARD_KINDS).code == code


def test_existing_kind_lists_still_work():
    assert uploads.ATTACHMENT_KINDS[0] is uploads.PDF and uploads.DOCX in uploads.DOCUMENT_KINDS
    with pytest.raises(ValidationError) as caught:
        validate_upload(SimpleUploadedFile(*SAMPLES["zip"]), kinds=uploads.DOCUMENT_KINDS)
    assert caught.value.code == "bad_type"


@pytest.mark.parametrize(
    "name, data",
    [
        ("quyet-dinh.pdf", EXE),
        ("anh.jpg", b"\x7fELF\x02\x01\x01" + b"\x00" * 40),
        ("so-lieu.csv", b"#!/bin/sh\nrm -rf /\n"),
        ("cai-dat.exe", b"%PDF-1.4\n"),  # a program's name is refused even with innocent bytes
    ],
)
def test_programs_are_refused_whatever_their_name(name, data):
    with pytest.raises(ValidationError) as caught:
        validate_upload(SimpleUploadedFile(name, data), kinds=STANDARD_KINDS)
    assert caught.value.code == "executable"
    assert name in caught.value.messages[0] and "chương trình chạy được" in caught.value.messages[0]


def test_disguised_and_mismatched_files_are_refused():
    html = SimpleUploadedFile("anh.png", b"<html><script>alert(1)</script></html>")
    with pytest.raises(ValidationError) as caught:
        validate_upload(html, kinds=STANDARD_KINDS)
    assert caught.value.code == "bad_type"
    with pytest.raises(ValidationError) as caught:
        validate_upload(SimpleUploadedFile("bang-ke.xlsx", SAMPLES["pptx"][1]), kinds=STANDARD_KINDS)
    assert caught.value.code == "bad_extension"
    # CSV must be UTF-8 text without NUL bytes.
    for data in (b"a;b\x00c\n", "Đơn vị;Số\n".encode("utf-16")):
        with pytest.raises(ValidationError):
            validate_upload(SimpleUploadedFile("so-lieu.csv", data), kinds=STANDARD_KINDS)
    # Text that is not named .csv is not a CSV.
    with pytest.raises(ValidationError):
        validate_upload(SimpleUploadedFile("ghi-chu.txt", b"a;b\n"), kinds=STANDARD_KINDS)


@pytest.mark.parametrize("inner", ["setup.exe", "chay.bat", "macro.vbs", "lib/tool.dll", "script.ps1", "app.jar"])
def test_zip_carrying_a_program_is_refused(inner):
    data = _zip({"huong-dan.pdf": b"%PDF-1.4\n", inner: b"whatever"})
    with pytest.raises(ValidationError) as caught:
        validate_upload(SimpleUploadedFile("ho-so.zip", data), kinds=STANDARD_KINDS)
    assert caught.value.code == "zip_executable" and inner in caught.value.messages[0]


def test_zip_hiding_a_program_under_an_innocent_name_is_refused():
    data = _zip({"bang-ke.pdf": EXE})
    with pytest.raises(ValidationError) as caught:
        validate_upload(SimpleUploadedFile("ho-so.zip", data), kinds=STANDARD_KINDS)
    assert caught.value.code == "zip_executable"


def test_zip_bomb_is_refused():
    data = _zip({"rong.txt": b"\x00" * (20 * 1024 * 1024)})
    assert len(data) < 100 * 1024
    with pytest.raises(ValidationError) as caught:
        validate_upload(SimpleUploadedFile("ho-so.zip", data), kinds=STANDARD_KINDS)
    assert caught.value.code == "zip_bomb"


# --- Through the real upload paths ---------------------------------------------------------------


@pytest.fixture
def admin_client(client, registry, django_user_model):
    django_user_model.objects.create_superuser("quantri", "quantri@example.gov.vn", PASSWORD)
    assert client.login(username="quantri", password=PASSWORD)
    return client


def _upload_document(client, name, data):
    return client.post(
        "/admin/documents/add/",
        {"title": "Tài liệu", "collection": Collection.get_first_root_node().pk, "file": SimpleUploadedFile(name, data)},
        HTTP_HOST="quangbinh.localhost",
    )


@pytest.mark.django_db
def test_wagtail_document_library_refuses_a_renamed_exe(admin_client):
    response = _upload_document(admin_client, "quyet-dinh.pdf", EXE)
    assert response.status_code == 200
    assert "quyet-dinh.pdf" in response.content.decode() and "chương trình chạy được" in response.content.decode()
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
def test_wagtail_document_library_refuses_disguised_file_in_multiple_upload(admin_client):
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"collection": Collection.get_first_root_node().pk, "files[]": SimpleUploadedFile("bang-ke.xlsx", EXE)},
        HTTP_HOST="quangbinh.localhost",
    )
    assert response.json()["success"] is False
    assert "chương trình chạy được" in response.json()["error_message"]
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["odp", "pptx", "csv", "zip", "tiff"])
def test_wagtail_document_library_accepts_standard_kinds(admin_client, code):
    name, data = SAMPLES[code]
    response = _upload_document(admin_client, name, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert get_document_model().objects.get().file.name.endswith(name.rsplit(".", 1)[-1])


@pytest.mark.django_db
def test_public_form_refuses_a_renamed_exe(client, topics):  # noqa: F811
    data = form_data(topic=topics["vt"].pk)
    data["attachment"] = SimpleUploadedFile("giay-to.pdf", EXE)
    html = client.post("/hoi-dap/gui/", data, HTTP_HOST=HOST).content.decode()
    assert "id_attachment_error" in html and "giay-to.pdf" in html and "chương trình chạy được" in html
    assert not Question.objects.exists()
