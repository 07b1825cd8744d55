"""Normalise every text field to NFC before it reaches the database.

The middleware covers form input; this covers management commands, the API
and any other write path.
"""

from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver

from portal.core.text import nfc


@receiver(pre_save)
def normalise_text_fields(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField)):
            value = getattr(instance, field.attname, None)
            if isinstance(value, str) and not value.isascii():
                setattr(instance, field.attname, nfc(value))
