"""Photos are stored without the tags that locate people (GPS EXIF, XMP, IPTC); orientation stays."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageOps
from wagtail.images import get_image_model
from wagtail.models import Collection

from portal.conftest import PASSWORD
from portal.core.images import GPS_IFD, has_location, strip_location
from portal.interaction.models import Question
from portal.interaction.tests.conftest import form_data, topics  # noqa: F401 (fixture)

GPS = {1: "N", 2: (17.0, 28.0, 5.5), 3: "E", 4: (106.0, 37.0, 1.25), 5: 0, 6: 12.0}
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="17,28.09N"/></rdf:RDF></x:xmpmeta>'
)


def _exif(orientation: int = 6):
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "Máy ảnh thử nghiệm"
    exif[GPS_IFD] = GPS
    return exif


def photo(fmt: str = "JPEG", *, size=(160, 120)) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (200, 120, 40))
    for x in range(0, size[0], 4):  # some detail, so JPEG re-encoding has something to keep
        image.putpixel((x, x * size[1] // size[0]), (0, 0, 0))
    options = {"exif": _exif().tobytes()}
    if fmt == "JPEG":
        options["quality"] = 92
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def gps_of(data: bytes) -> dict:
    with Image.open(io.BytesIO(data)) as image:
        return dict(image.getexif().get_ifd(GPS_IFD))


def orientation_of(data: bytes) -> int | None:
    with Image.open(io.BytesIO(data)) as image:
        return image.getexif().get(0x0112)


@pytest.mark.parametrize("fmt, name", [("JPEG", "anh.jpg"), ("PNG", "anh.png"), ("TIFF", "anh.tiff")])
def test_strip_location_removes_gps_and_keeps_orientation(fmt, name):
    data = photo(fmt)
    assert gps_of(data), "the sample must carry GPS tags"
    uploaded = SimpleUploadedFile(name, data)
    assert has_location(uploaded)
    cleaned = strip_location(uploaded)
    stored = cleaned.read()
    assert gps_of(stored) == {}
    with Image.open(io.BytesIO(stored)) as image, Image.open(io.BytesIO(data)) as original:
        assert image.format == fmt
        if fmt == "TIFF":  # the orientation is applied to the pixels: turned a quarter
            upright = ImageOps.exif_transpose(original)
            assert image.size == upright.size and orientation_of(stored) in (None, 1)
            assert image.convert("RGB").tobytes() == upright.convert("RGB").tobytes()
        else:
            assert image.size == original.size and orientation_of(stored) == 6
    assert cleaned.name == name


def test_jpeg_xmp_location_is_removed():
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), (1, 2, 3)).save(buffer, format="JPEG", xmp=XMP)
    uploaded = SimpleUploadedFile("anh.jpg", buffer.getvalue())
    assert has_location(uploaded)
    assert b"GPSLatitude" not in strip_location(uploaded).read()


def test_photo_without_location_is_left_untouched():
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), (1, 2, 3)).save(buffer, format="JPEG")
    uploaded = SimpleUploadedFile("anh.jpg", buffer.getvalue())
    assert strip_location(uploaded) is uploaded


@pytest.mark.django_db
def test_wagtail_image_upload_stores_no_gps(client, registry, django_user_model):
    django_user_model.objects.create_superuser("quantri", "quantri@example.gov.vn", PASSWORD)
    assert client.login(username="quantri", password=PASSWORD)
    response = client.post(
        "/admin/images/add/",
        {"title": "Hội nghị", "collection": Collection.get_first_root_node().pk, "file": SimpleUploadedFile("hoi-nghi.jpg", photo())},
        HTTP_HOST="quangbinh.localhost",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get()
    with image.file.open("rb") as handle:
        stored = handle.read()
    assert gps_of(stored) == {} and orientation_of(stored) == 6
    assert image.file_size == len(stored)
    # The multiple-upload screen goes through the same form.
    response = client.post(
        "/admin/images/multiple/add/",
        {"collection": Collection.get_first_root_node().pk, "files[]": SimpleUploadedFile("hien-truong.png", photo("PNG"))},
        HTTP_HOST="quangbinh.localhost",
    )
    assert response.json()["success"] is True
    second = get_image_model().objects.get(pk=response.json()["image_id"])
    with second.file.open("rb") as handle:
        assert gps_of(handle.read()) == {}


@pytest.mark.django_db
def test_wagtail_image_upload_accepts_tiff_and_refuses_a_renamed_program(client, registry, django_user_model):
    django_user_model.objects.create_superuser("quantri", "quantri@example.gov.vn", PASSWORD)
    assert client.login(username="quantri", password=PASSWORD)
    response = client.post(
        "/admin/images/add/",
        {"title": "Bản đồ", "collection": Collection.get_first_root_node().pk, "file": SimpleUploadedFile("ban-do.tiff", photo("TIFF"))},
        HTTP_HOST="quangbinh.localhost",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get()
    rendition = image.get_rendition("width-80")
    assert rendition.url.endswith(".png")  # browsers cannot show TIFF; Wagtail serves PNG renditions
    response = client.post(
        "/admin/images/add/",
        {"title": "Ảnh", "collection": Collection.get_first_root_node().pk, "file": SimpleUploadedFile("anh.jpg", b"MZ\x90\x00" + b"\x00" * 64)},
        HTTP_HOST="quangbinh.localhost",
    )
    assert response.status_code == 200
    assert get_image_model().objects.count() == 1


@pytest.mark.django_db
def test_public_form_attachment_photo_loses_gps(client, topics):  # noqa: F811
    data = form_data(topic=topics["vt"].pk)
    data["attachment"] = SimpleUploadedFile("hien-truong.jpg", photo(), content_type="image/jpeg")
    response = client.post("/hoi-dap/gui/", data, HTTP_HOST="stttt.quangbinh.localhost")
    assert response.status_code == 302, response.content.decode()[:2000]
    question = Question.objects.get()
    assert question.attachment_content_type == "image/jpeg"
    with question.attachment.open("rb") as handle:
        stored = handle.read()
    assert gps_of(stored) == {} and orientation_of(stored) == 6
