"""The hook for the issuing unit's digital signature on the one-stop forms (TT 01/2018: “ký số của cơ quan”).

`settings.PORTAL_DOCUMENT_SIGNER` is the dotted path of a callable `(pdf_bytes, unit) -> bytes` that returns the
signed PDF (PAdES through the province's signing service, a USB token bridge, …). Empty: forms leave unsigned.
"""

from django.conf import settings
from django.utils.module_loading import import_string


class SigningError(Exception):
    """The configured signer failed or returned something that is not a PDF."""


def document_signer():
    """The configured signer, or None. Read on each call so a changed setting takes effect without a restart."""
    signer = getattr(settings, "PORTAL_DOCUMENT_SIGNER", "")
    if not signer:
        return None
    if callable(signer):
        return signer
    try:
        return import_string(signer)
    except ImportError as error:
        raise SigningError(f"Không tải được dịch vụ ký số “{signer}”: {error}") from error


def sign_pdf(pdf_bytes: bytes, *, unit) -> bytes:
    """Sign `pdf_bytes` in the name of `unit`; unchanged when no signer is configured.

    A failing signer raises instead of handing out an unsigned paper that looks signed.
    """
    signer = document_signer()
    if signer is None:
        return pdf_bytes
    signed = signer(pdf_bytes, unit)
    if not isinstance(signed, (bytes, bytearray)) or not bytes(signed[:5]) == b"%PDF-":
        raise SigningError("Dịch vụ ký số không trả về tệp PDF.")
    return bytes(signed)
