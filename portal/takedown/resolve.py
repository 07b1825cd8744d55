"""Turn what people have (a public URL, a signed link on an item) into the object to take down."""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.http import Http404, HttpRequest
from wagtail.models import Page, Site

from portal.takedown.constants import ItemKind

_TOKEN_SALT = "portal.takedown.report-item"
_COMMENT_ANCHOR = re.compile(r"^gy-(\d+)$")


class ItemNotFound(Exception):
    """Raised with a message meant for the person who pasted the URL."""


@dataclass(frozen=True)
class ResolvedItem:
    kind: str
    obj: object
    unit: object
    label: str
    url: str

    @property
    def content_type(self):
        return ContentType.objects.get_for_model(type(self.obj))

    @property
    def object_id(self) -> int:
        return self.obj.pk


def _unit_for_page(page):
    unit = getattr(page, "unit", None)
    if unit is not None:
        return unit
    from portal.units.models import Unit

    site = page.get_site()
    return Unit.objects.filter(site=site).first() if site else None


def _interaction_url(question) -> str:
    from portal.interaction.models import InteractionIndexPage

    index = InteractionIndexPage.objects.live().filter(unit_id=question.unit_id).first()
    return f"{index.full_url}{question.code}/" if index else ""


def item_for_object(obj) -> ResolvedItem:
    """Describe a page, a published answer or an approved comment (label and URL snapshot)."""
    from portal.consultation.models import DraftComment
    from portal.interaction.models import Question

    if isinstance(obj, Question):
        return ResolvedItem(ItemKind.ANSWER, obj, obj.unit, f"Hỏi đáp {obj.code}: {obj.title}"[:500], _interaction_url(obj))
    if isinstance(obj, DraftComment):
        consultation = obj.consultation
        label = f"Góp ý {obj.reference} của {obj.name} về “{consultation.title}”"[:500]
        return ResolvedItem(ItemKind.COMMENT, obj, obj.unit, label, f"{consultation.full_url}#gy-{obj.pk}")
    if isinstance(obj, Page):
        page = obj.specific
        return ResolvedItem(ItemKind.PAGE, page, _unit_for_page(page), page.title[:500], page.full_url or "")
    raise ItemNotFound("Loại nội dung này không gỡ bỏ được ở đây.")


def item_from_url(url: str) -> ResolvedItem:
    """The public URL of a page, an answer (…/hoi-dap/HD-…/) or a comment (…/du-thao/#gy-12) → the item."""
    from portal.consultation.models import ConsultationPage, DraftComment
    from portal.interaction.constants import QuestionStatus
    from portal.interaction.models import InteractionIndexPage, Question
    from portal.moderation.constants import ModerationStatus

    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    site = Site.objects.filter(hostname=host).select_related("root_page").first() if host else None
    if site is None:
        raise ItemNotFound(f"“{url}” không thuộc trang nào của Cổng.")
    components = [c for c in parts.path.split("/") if c]
    request = HttpRequest()
    request.path = parts.path or "/"
    request.META["HTTP_HOST"] = host
    try:
        page, args, _kwargs = site.root_page.specific.route(request, components)
    except Http404 as error:
        raise ItemNotFound(f"Không tìm thấy trang đang công khai tại “{url}”.") from error
    page = page.specific
    # A routable page answers with args = (view, view_args, view_kwargs).
    route_kwargs = args[2] if isinstance(page, InteractionIndexPage) and len(args) == 3 else {}
    if route_kwargs.get("code"):
        question = Question.objects.select_related("unit").filter(
            unit_id=page.unit_id, code=route_kwargs["code"].upper(), status=QuestionStatus.PUBLISHED
        ).first()
        if question is None:
            raise ItemNotFound(f"Không có câu trả lời đang công khai tại “{url}”.")
        return item_for_object(question)
    match = _COMMENT_ANCHOR.match(parts.fragment or "")
    if isinstance(page, ConsultationPage) and match:
        comment = DraftComment.objects.filter(
            pk=int(match.group(1)), consultation=page, status=ModerationStatus.APPROVED
        ).select_related("consultation", "unit").first()
        if comment is None:
            raise ItemNotFound(f"Không có góp ý đang công khai tại “{url}”.")
        return item_for_object(comment)
    if not page.live:
        raise ItemNotFound(f"Trang “{page.title}” không còn công khai.")
    if page.pk == site.root_page_id:
        raise ItemNotFound("Không gỡ trang chủ của một trang; hãy chỉ ra tin, bài hoặc trang cụ thể.")
    return item_for_object(page)


def item_token(obj) -> str:
    """A signed reference to a public answer or comment, for the “Báo cáo vi phạm” link."""
    from portal.consultation.models import DraftComment
    from portal.interaction.models import Question

    if isinstance(obj, Question):
        kind = ItemKind.ANSWER
    elif isinstance(obj, DraftComment):
        kind = ItemKind.COMMENT
    else:
        raise ItemNotFound("Chỉ báo cáo được câu trả lời hỏi đáp và góp ý đã công khai.")
    # No query: the link is drawn once per comment on long listings.
    return signing.dumps([str(kind), obj.pk], salt=_TOKEN_SALT, compress=True)


def item_from_token(token: str) -> ResolvedItem:
    """The item a report link points at, only while it is public."""
    from portal.consultation.models import DraftComment
    from portal.interaction.constants import QuestionStatus
    from portal.interaction.models import Question
    from portal.moderation.constants import ModerationStatus

    try:
        kind, pk = signing.loads(token or "", salt=_TOKEN_SALT)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise ItemNotFound("Liên kết báo cáo không hợp lệ.") from error
    obj = None
    if kind == ItemKind.ANSWER:
        obj = Question.objects.select_related("unit").filter(pk=pk, status=QuestionStatus.PUBLISHED).first()
    elif kind == ItemKind.COMMENT:
        obj = DraftComment.objects.select_related("unit", "consultation").filter(pk=pk, status=ModerationStatus.APPROVED).first()
    if obj is None:
        raise ItemNotFound("Nội dung này không còn công khai.")
    return item_for_object(obj)
