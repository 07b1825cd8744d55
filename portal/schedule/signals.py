def week_published(sender, instance, revision, **kwargs):
    """Each publication of a week that was already published records what changed (L-43-12/14)."""
    from portal.schedule.services import week_record_changes

    week_record_changes(page=instance, revision=revision)
