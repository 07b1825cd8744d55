"""Wagtail's document and image libraries check uploads the way public forms do.

Settings point Wagtail here: ``WAGTAILDOCS_DOCUMENT_FORM_BASE`` and
``WAGTAILIMAGES_IMAGE_FORM_BASE``. The single upload, the multiple upload and the edit
screens all build their forms from these bases, so a renamed ``.exe`` is refused everywhere
and photos are stored without their GPS tags.
"""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from portal.core.uploads import IMAGE_KINDS, STANDARD_KINDS, clean_upload


class PortalDocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):
            _, uploaded = clean_upload(uploaded, kinds=STANDARD_KINDS, max_bytes=settings.PORTAL_DOCUMENT_MAX_BYTES)
        return uploaded


class PortalImageForm(BaseImageForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):
            _, uploaded = clean_upload(
                uploaded, kinds=IMAGE_KINDS, max_bytes=settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE or None
            )
        return uploaded
