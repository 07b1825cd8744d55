from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from portal.compliance.models import AggregateSite, AggregateSiteLicence, MonitoringSetting
from portal.compliance.selectors import site_compliance_forget


def _purge_page_cache():
    # Cached public pages carry the footer licence and the EMC snippet.
    try:
        from portal.core.pagecache import page_cache_purge
    except ImportError:  # the page cache is optional
        return
    page_cache_purge()


@receiver([post_save, post_delete], sender=MonitoringSetting)
def _monitoring_changed(sender, instance, **kwargs):
    site_compliance_forget(instance.site_id)
    _purge_page_cache()


@receiver([post_save, post_delete], sender=AggregateSite)
@receiver([post_save, post_delete], sender=AggregateSiteLicence)
def _licence_changed(sender, instance, **kwargs):
    from portal.units.models import Unit

    site_id = Unit.objects.filter(pk=instance.unit_id).values_list("site_id", flat=True).first()
    site_compliance_forget(site_id)
    _purge_page_cache()
