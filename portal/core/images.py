"""Photos lose the tags that locate people before they are stored.

A phone writes the place a photo was taken into its EXIF GPS block (tag 0x8825) and often
again into XMP or IPTC. ``strip_location`` removes them and keeps everything else that
matters to show the photo (orientation, colour profile). JPEGs are re-encoded with their own
quantisation tables (``quality="keep"``), so the picture does not visibly change; PNG and TIFF
are lossless anyway (a TIFF's orientation is applied to its pixels, since Pillow does not write
the tag back). A photo without location tags is returned untouched.
"""

import io
import os

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageSequence, UnidentifiedImageError

GPS_IFD = 0x8825
ORIENTATION_TAG = 0x0112
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
XMP_TIFF_TAG = 700
IPTC_TIFF_TAG = 33723
PHOTOSHOP_TIFF_TAG = 34377  # carries IPTC too
_XMP_PNG_KEYS = ("XML:com.adobe.xmp", "xmp", "Raw profile type xmp", "Raw profile type iptc")


def _has_location(image: Image.Image) -> bool:
    exif = image.getexif()
    if GPS_IFD in exif:
        return True
    info = image.info
    if image.format in ("JPEG", "MPO"):  # phones often write MPO: a JPEG with a second picture
        if "xmp" in info or "photoshop" in info:
            return True
        return any(marker == "APP13" for marker, _ in getattr(image, "applist", []))
    if image.format == "PNG":
        return any(key in info for key in _XMP_PNG_KEYS)
    if image.format == "TIFF":
        tags = getattr(image, "tag_v2", {})
        return any(tag in tags for tag in (XMP_TIFF_TAG, IPTC_TIFF_TAG, PHOTOSHOP_TIFF_TAG))
    if image.format == "WEBP":
        return "xmp" in info
    return False


def has_location(uploaded) -> bool:
    """True when the image file carries GPS, XMP or IPTC tags."""
    uploaded.seek(0)
    try:
        with Image.open(uploaded) as image:
            return _has_location(image)
    except (UnidentifiedImageError, OSError):
        return False
    finally:
        uploaded.seek(0)


def _exif_without_gps(image: Image.Image) -> bytes:
    exif = image.getexif()
    if GPS_IFD in exif:
        del exif[GPS_IFD]
    return exif.tobytes() if len(exif) else b""


def _reencode(image: Image.Image) -> bytes:
    output = io.BytesIO()
    exif = _exif_without_gps(image)
    icc = image.info.get("icc_profile")
    options = {"icc_profile": icc} if icc else {}
    if exif:
        options["exif"] = exif
    if image.format in ("JPEG", "MPO"):
        try:
            image.save(output, format="JPEG", quality="keep", subsampling="keep", optimize=True, **options)
        except ValueError:  # "keep" needs the original JPEG tables
            output = io.BytesIO()
            image.save(output, format="JPEG", quality=95, optimize=True, **options)
    elif image.format == "PNG":
        image.save(output, format="PNG", optimize=False, **options)
    elif image.format == "TIFF":
        # Pillow's TIFF writer does not keep the orientation tag: turn the pixels instead
        # (lossless), and write only what is needed to show the picture.
        method = _TRANSPOSE.get(image.getexif().get(ORIENTATION_TAG))
        frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
        if method is not None:
            frames = [frame.transpose(method) for frame in frames]
        compression = image.info.get("compression", "raw")
        if compression not in ("raw", "tiff_lzw", "tiff_adobe_deflate", "packbits", "group4", "tiff_deflate"):
            compression = "tiff_lzw"
        extra = {"dpi": image.info["dpi"]} if "dpi" in image.info else {}
        if icc:
            extra["icc_profile"] = icc
        frames[0].save(
            output,
            format="TIFF",
            save_all=len(frames) > 1,
            append_images=frames[1:],
            compression=compression,
            **extra,
        )
    elif image.format == "WEBP":
        image.save(output, format="WEBP", lossless=True, **options)
    else:
        image.save(output, format=image.format, **options)
    return output.getvalue()


def strip_location(uploaded):
    """Return a file with no location tags: ``uploaded`` itself when it had none."""
    uploaded.seek(0)
    try:
        with Image.open(uploaded) as image:
            if not _has_location(image):
                return uploaded
            image.load()
            data = _reencode(image)
    except (UnidentifiedImageError, OSError):
        return uploaded
    finally:
        uploaded.seek(0)
    name = os.path.basename(getattr(uploaded, "name", "") or "anh")
    content_type = getattr(uploaded, "content_type", None) or Image.MIME.get(image.format, "")
    return SimpleUploadedFile(name, data, content_type=content_type)
