from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from portal.rules.models import CalendarDay, LegalRule
from portal.rules.services import rules_changed


@receiver([post_save, post_delete], sender=LegalRule)
@receiver([post_save, post_delete], sender=CalendarDay)
def _invalidate(sender, **kwargs):
    rules_changed()
