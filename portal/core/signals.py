"""Normalise every text field to NFC before it reaches the database.

The middleware covers form input; this covers management commands, the API
and any other write path. Text pasted in the old TCVN3/VNI encodings is converted to
Unicode here when the conversion is certain (forms refuse the uncertain cases).
"""

from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver

from portal.core.legacy_encodings import convert_if_confident
from portal.core.text import nfc


@receiver(pre_save)
def normalise_text_fields(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField)):
            value = getattr(instance, field.attname, None)
            if isinstance(value, str) and not value.isascii():
                # Text in the old TCVN3/VNI encodings becomes Unicode when that is certain.
                setattr(instance, field.attname, convert_if_confident(nfc(value)))
