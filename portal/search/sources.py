"""What goes in the index, one function per source. Only public, live content.

- pages: every live page below a site's home that no view restriction covers: tin, bài
  (``article``), văn bản with its full text (``legaldoc``), every other page (``page``);
- procedures: published ones (``procedure``), on the owning unit's site;
- questions: published answers only (``answer``), on the unit's Hỏi đáp page.
"""

from __future__ import annotations

import datetime as dt
import html

from django.utils import timezone
from django.utils.html import strip_tags

from portal.core.text import collapse_spaces, nfc

from .text import folded, number_key

# Page types never indexed themselves (the home pages are the sites, not results).
SKIPPED_PAGE_MODELS = {"portalhomepage", "unithomepage"}


def plain(value) -> str:
    """Rich text or HTML as plain text (block ends become spaces)."""
    value = str(value or "")
    if "<" in value:
        value = value.replace("</p>", "</p> ").replace("<br", " <br").replace("</li>", "</li> ").replace("</h", " </h")
        value = html.unescape(strip_tags(value))
    return collapse_spaces(nfc(value))


def _date(value) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def document_fields(*, kind, unit_id, url, title, number="", abstract="", body="", published=None) -> dict:
    title, number, abstract, body = (collapse_spaces(nfc(v or "")) for v in (title, number, abstract, body))
    head_f = " ".join(filter(None, [folded(title), folded(number), folded(abstract)]))
    return {
        "kind": kind, "unit_id": unit_id, "url": url[:500], "title": title, "number": number[:100],
        "number_key": number_key(number)[:100], "abstract": abstract, "body": body, "published": _date(published),
        "title_f": folded(title), "head_f": head_f, "all_f": " ".join(filter(None, [head_f, folded(body)])),
    }


# ---------------------------------------------------------------------------- pages

def restricted_paths() -> list[str]:
    from wagtail.models import PageViewRestriction

    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def page_is_public(page, restricted: list[str] | None = None) -> bool:
    if not page.live or page.depth <= 2:
        return False
    if page.specific_class is None or page.specific_class._meta.model_name in SKIPPED_PAGE_MODELS:
        return False
    restricted = restricted_paths() if restricted is None else restricted
    return not any(page.path.startswith(path) for path in restricted)


def page_fields(page) -> dict | None:
    """Index fields of a live public page (``page`` specific), or None when it has no URL."""
    from portal.legaldocs.models import LegalDocumentPage
    from portal.pages.models import ArticlePage

    parts = page.get_url_parts()
    if parts is None:
        return None
    _, root, path = parts
    url = (root or "") + path
    unit_id = getattr(page, "unit_id", None)
    if isinstance(page, ArticlePage):
        return document_fields(
            kind="article", unit_id=unit_id, url=url, title=page.title, abstract=page.lead, body=plain(page.body),
            published=page.published_at,
        )
    if isinstance(page, LegalDocumentPage):
        extra = " ".join(filter(None, [page.type_label, page.issuing_body, page.signer, page.field]))
        return document_fields(
            kind="legaldoc", unit_id=unit_id, url=url, title=page.title, number=page.number, abstract=page.abstract,
            body=(plain(page.full_text) + " " + extra).strip(), published=page.issue_date or page.first_published_at,
        )
    abstract = getattr(page, "intro", "") or getattr(page, "lead", "") or getattr(page, "abstract", "") or page.search_description
    body = plain(getattr(page, "body", "") or getattr(page, "content", ""))
    return document_fields(
        kind="page", unit_id=unit_id, url=url, title=page.title, abstract=plain(abstract), body=body,
        published=page.last_published_at or page.first_published_at,
    )


def page_documents(pages=None):
    """(source, id, fields) for live public pages; ``pages`` defaults to every page."""
    from wagtail.models import Page

    restricted = restricted_paths()
    pages = Page.objects.live().filter(depth__gt=2) if pages is None else pages
    for page in pages.specific().iterator(chunk_size=200):
        if not page_is_public(page, restricted):
            continue
        fields = page_fields(page)
        if fields is not None:
            yield "page", page.pk, fields


# ---------------------------------------------------------------------------- procedures

def procedure_fields(procedure) -> dict | None:
    from django.urls import reverse

    from portal.procedures.models import ProcedureStatus

    if procedure.status != ProcedureStatus.PUBLISHED or procedure.unit is None:
        return None
    root = procedure.unit.site_url or ""
    url = root.rstrip("/") + reverse("procedures:detail", args=[procedure.national_code])
    body = " ".join(filter(None, [
        procedure.field.name if procedure.field_id else "", procedure.steps, procedure.conditions, procedure.result,
        procedure.competent_agency, procedure.implementing_agency, procedure.fee_text, procedure.legal_basis,
    ]))
    return document_fields(
        kind="procedure", unit_id=procedure.unit_id, url=url, title=procedure.name, number=procedure.national_code,
        abstract=procedure.field.name if procedure.field_id else "", body=body, published=None,
    )


def procedure_documents(procedures=None):
    from portal.procedures.models import Procedure, ProcedureStatus

    if procedures is None:
        procedures = Procedure.objects.filter(status=ProcedureStatus.PUBLISHED)
    for procedure in procedures.select_related("unit", "field").iterator(chunk_size=200):
        fields = procedure_fields(procedure)
        if fields is not None:
            yield "procedure", procedure.pk, fields


# ---------------------------------------------------------------------------- answers

def question_fields(question, index_urls: dict | None = None) -> dict | None:
    from portal.interaction.constants import QuestionStatus
    from portal.interaction.selectors import index_page_for_unit

    if question.status != QuestionStatus.PUBLISHED or question.published_at is None:
        return None
    if index_urls is not None and question.unit_id in index_urls:
        base = index_urls[question.unit_id]
    else:
        index_page = index_page_for_unit(question.unit_id)
        base = index_page.get_full_url() if index_page is not None else None
        if index_urls is not None:
            index_urls[question.unit_id] = base
    if not base:
        return None
    return document_fields(
        kind="answer", unit_id=question.unit_id, url=base + question.code + "/", title=question.title,
        abstract=question.content, body=question.answer, published=question.published_at,
    )


def question_documents(questions=None):
    from portal.interaction.constants import QuestionStatus
    from portal.interaction.models import Question

    if questions is None:
        questions = Question.objects.filter(status=QuestionStatus.PUBLISHED, published_at__isnull=False)
    urls: dict = {}
    for question in questions.iterator(chunk_size=200):
        fields = question_fields(question, urls)
        if fields is not None:
            yield "question", question.pk, fields


def all_documents(unit_ids=None):
    from wagtail.models import Page

    from portal.interaction.models import Question
    from portal.procedures.models import Procedure

    pages = Page.objects.live().filter(depth__gt=2)
    procedures = questions = None
    if unit_ids is not None:
        from portal.interaction.constants import QuestionStatus
        from portal.procedures.models import ProcedureStatus

        roots = Page.objects.filter(depth=2, sites_rooted_here__in=_sites_for(unit_ids))
        from django.db.models import Q

        subtree = Q(pk__in=[])
        for root in roots:
            subtree |= Q(path__startswith=root.path)
        pages = pages.filter(subtree)
        procedures = Procedure.objects.filter(status=ProcedureStatus.PUBLISHED, unit_id__in=unit_ids)
        questions = Question.objects.filter(status=QuestionStatus.PUBLISHED, published_at__isnull=False, unit_id__in=unit_ids)
    yield from page_documents(pages)
    yield from procedure_documents(procedures)
    yield from question_documents(questions)


def _sites_for(unit_ids):
    from wagtail.models import Site

    return Site.objects.filter(unit__pk__in=unit_ids)
