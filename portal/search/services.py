"""The one write path of the search index.

``search_document_sync(obj)`` puts a page, procedure or question in the index when it is public
and takes it out otherwise; ``search_document_remove(obj)`` takes it out. The signal receivers
(`signals.py`) call them on commit, so an unpublished page leaves search in the same action.
``search_rebuild`` rebuilds everything (or one site) in bulk.
"""

from __future__ import annotations

import logging

from django.db import transaction

from . import sources
from .backends import get_backend
from .models import SearchDocument

logger = logging.getLogger(__name__)


def _source_of(obj) -> str:
    from wagtail.models import Page

    from portal.interaction.models import Question
    from portal.procedures.models import Procedure

    if isinstance(obj, Page):
        return "page"
    if isinstance(obj, Procedure):
        return "procedure"
    if isinstance(obj, Question):
        return "question"
    raise TypeError(f"Không lập chỉ mục được đối tượng {type(obj).__name__}.")


def _fields_for(source: str, obj) -> dict | None:
    if source == "page":
        page = obj.specific
        return sources.page_fields(page) if sources.page_is_public(page) else None
    if source == "procedure":
        return sources.procedure_fields(obj)
    return sources.question_fields(obj)


def _remove(source: str, object_id: int) -> int:
    ids = list(SearchDocument.objects.filter(source=source, object_id=object_id).values_list("id", flat=True))
    if ids:
        SearchDocument.objects.filter(id__in=ids).delete()
        get_backend().remove(ids)
    return len(ids)


@transaction.atomic
def search_document_sync(obj) -> SearchDocument | None:
    """Index ``obj`` as it is now; remove it when it is not (or no longer) public."""
    source = _source_of(obj)
    fresh = type(obj)._default_manager.filter(pk=obj.pk).first()
    fields = _fields_for(source, fresh) if fresh is not None else None
    if fields is None:
        _remove(source, obj.pk)
        return None
    document, _ = SearchDocument.objects.update_or_create(source=source, object_id=obj.pk, defaults=fields)
    get_backend().index([document])
    return document


def search_document_remove(obj) -> int:
    return _remove(_source_of(obj), obj.pk)


def search_subtree_sync(page) -> None:
    """A moved page or a changed view restriction: every page below it (and itself) again."""
    from wagtail.models import Page

    for descendant in Page.objects.filter(path__startswith=page.path).order_by("path"):
        search_document_sync(descendant)


def search_rebuild(*, unit_ids=None, batch_size: int = 500) -> int:
    """Replace the index (or one set of units' part of it) with what is public now; returns the count."""
    backend = get_backend()
    with transaction.atomic():
        existing = SearchDocument.objects.all() if unit_ids is None else SearchDocument.objects.filter(unit_id__in=unit_ids)
        old_ids = list(existing.values_list("id", flat=True))
        existing.delete()
        if unit_ids is None:
            backend.clear()
        else:
            backend.remove(old_ids)
        batch, count = [], 0
        for source, object_id, fields in sources.all_documents(unit_ids):
            if unit_ids is not None and fields["unit_id"] not in unit_ids:
                continue
            batch.append(SearchDocument(source=source, object_id=object_id, **fields))
            if len(batch) >= batch_size:
                count += _flush(batch, backend)
                batch = []
        count += _flush(batch, backend)
    return count


def _flush(batch, backend) -> int:
    if not batch:
        return 0
    created = SearchDocument.objects.bulk_create(batch, batch_size=500, ignore_conflicts=False)
    if backend.name != "database":
        keys = [(d.source, d.object_id) for d in created]
        ids = {(s, o): pk for pk, s, o in SearchDocument.objects.filter(
            object_id__in=[k[1] for k in keys]).values_list("id", "source", "object_id")}
        for d in created:
            d.pk = ids.get((d.source, d.object_id))
        backend.index(created)
    return len(created)
