"""Keep the English flag of a unit's profile honest when the unit's Vietnamese name changes."""

from django.db.models.signals import post_save
from django.dispatch import receiver


@receiver(post_save, sender="units.Unit", dispatch_uid="registry_unit_renamed")
def unit_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from portal.registry.models import UnitProfile

    profile = UnitProfile.objects.select_related("unit").filter(unit_id=instance.pk).first()
    if profile is not None and profile.english_is_outdated() != profile.english_outdated:
        profile.unit = instance
        profile.save(update_fields=["english_outdated"])
