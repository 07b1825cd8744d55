import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.core.uploads import DOCUMENT_KINDS, DOCX, PDF, validate_upload


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_files_are_recognised_by_content():
    assert validate_upload(SimpleUploadedFile("du-thao.pdf", b"%PDF-1.4\n..."), kinds=DOCUMENT_KINDS) == PDF
    assert validate_upload(SimpleUploadedFile("gop-y.docx", _docx()), kinds=DOCUMENT_KINDS) == DOCX


def test_a_renamed_program_is_refused_with_a_vietnamese_message():
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile("van-ban.pdf", b"MZ\x90\x00 this is a windows program"), kinds=DOCUMENT_KINDS)
    assert "không phải loại tệp được chấp nhận" in error.value.messages[0]


def test_a_zip_that_is_not_a_word_file_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("virus.exe", b"MZ")
    with pytest.raises(ValidationError):
        validate_upload(SimpleUploadedFile("bao-cao.docx", buffer.getvalue()), kinds=DOCUMENT_KINDS)


def test_size_limit_and_mismatched_extension_are_explained():
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile("lon.pdf", b"%PDF-" + b"0" * 2048), kinds=DOCUMENT_KINDS, max_bytes=1024)
    assert "vượt quá mức cho phép" in error.value.messages[0]
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile("anh.docx", b"%PDF-1.7"), kinds=DOCUMENT_KINDS)
    assert "đổi tên tệp thành .pdf" in error.value.messages[0]
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile("rong.pdf", b""), kinds=DOCUMENT_KINDS)
    assert "rỗng" in error.value.messages[0]
