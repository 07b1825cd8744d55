from django.apps import AppConfig


class TakedownConfig(AppConfig):
    name = "portal.takedown"
    label = "takedown"
    verbose_name = "Gỡ bỏ thông tin và báo cáo vi phạm"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from portal.core import pagecache

        pagecache.connect_signals()
        # Answers, approved comments and procedures are rendered on public pages without a page publish.
        for model in ("interaction.Question", "consultation.DraftComment", "procedures.Procedure"):
            post_save.connect(pagecache.page_cache_purge, sender=model, dispatch_uid=f"pagecache-{model}")
