"""Keep the index in step with publishing: on commit, so a takedown leaves search in the same action."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)


def _later(action, *args):
    def run():
        try:
            action(*args)
        except Exception:  # the index must never break publishing; search_rebuild repairs it
            logger.exception("Không cập nhật được chỉ mục tìm kiếm.")

    transaction.on_commit(run)


@receiver(page_published)
def _page_published(sender, instance, **kwargs):
    from .services import search_document_sync

    _later(search_document_sync, instance)


@receiver(page_unpublished)
def _page_unpublished(sender, instance, **kwargs):
    from .services import search_subtree_sync

    _later(search_subtree_sync, instance)


@receiver(post_page_move)
def _page_moved(sender, instance, **kwargs):
    from .services import search_subtree_sync

    _later(search_subtree_sync, instance)


@receiver(post_delete)
def _deleted(sender, instance, **kwargs):
    from portal.interaction.models import Question
    from portal.procedures.models import Procedure

    if isinstance(instance, Page):
        source = "page"
    elif isinstance(instance, Procedure):
        source = "procedure"
    elif isinstance(instance, Question):
        source = "question"
    else:
        return
    from .services import _remove

    _later(_remove, source, instance.pk)


@receiver(post_save)
def _saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from portal.interaction.models import Question
    from portal.procedures.models import Procedure

    from .services import search_document_sync, search_subtree_sync

    if isinstance(instance, Procedure | Question):
        _later(search_document_sync, instance)
    elif isinstance(instance, PageViewRestriction):
        _later(search_subtree_sync, instance.page)


@receiver(post_delete, sender=PageViewRestriction)
def _restriction_deleted(sender, instance, **kwargs):
    from .services import search_subtree_sync

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _later(search_subtree_sync, page)
