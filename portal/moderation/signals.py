from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from portal.moderation.models import ProhibitedTerm
from portal.moderation.services import terms_changed


@receiver([post_save, post_delete], sender=ProhibitedTerm)
def _invalidate(sender, **kwargs):
    terms_changed()
