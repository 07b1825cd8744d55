"""Checks for the introduction, leaders, contacts, English and spokesperson of every site."""

from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from portal.completeness.registry import ALL_KINDS, PEOPLES_COMMITTEES, Finding, Status, register
from portal.completeness.selectors import admin_add_url, admin_edit_url, admin_snippet_list_url
from portal.pages.selectors import page_at
from portal.publicinfo.catalogue import STANDARD, nodes_for
from portal.registry.models import (
    AdministrativeMapPage,
    OrganisationPage,
    OrgUnit,
    Position,
    Spokesperson,
    SpokespersonPage,
    UnitProfile,
)
from portal.rules.services import rule_value, working_days_add

INTRO = "Giới thiệu"


def _page_fix(context, page, relative_path, model) -> str:
    """Edit the page when it exists; otherwise add it under its catalogue parent."""
    if page is not None:
        return admin_edit_url(page)
    parent = page_at(context.home, relative_path.rsplit("/", 1)[0]) if "/" in relative_path else context.home
    return admin_add_url(parent, model) if parent is not None else ""


def _profile(unit):
    return UnitProfile.objects.select_related("unit").filter(unit=unit).first()


@register(
    "co-cau-to-chuc",
    title="Cơ cấu tổ chức, chức năng, nhiệm vụ",
    legal_basis="NĐ 43/2011/NĐ-CP Điều 10 khoản 1; NĐ 42/2022/NĐ-CP Điều 4 khoản 1 điểm đ",
    kinds=ALL_KINDS,
    group=INTRO,
    order=100,
)
def organisation_published(unit, context) -> Finding:
    page = OrganisationPage.objects.filter(unit=unit).order_by("-live", "path").first()
    if page is None or not page.live:
        return Finding(Status.MISSING, "Chưa có trang cơ cấu tổ chức đang xuất bản.", _page_fix(context, page, "gioi-thieu/co-cau-to-chuc", OrganisationPage))
    count = OrgUnit.objects.filter(unit=unit).count()
    if not count:
        return Finding(Status.MISSING, "Chưa nhập bộ phận nào trong cơ cấu tổ chức.", admin_snippet_list_url(OrgUnit))
    profile = _profile(unit)
    if profile is None or not profile.functions.strip():
        return Finding(Status.MISSING, "Chưa nhập chức năng, nhiệm vụ, quyền hạn của đơn vị.", admin_snippet_list_url(UnitProfile))
    return Finding(Status.PRESENT, f"Sơ đồ tổ chức có {count} bộ phận; đã có chức năng, nhiệm vụ.", admin_snippet_list_url(OrgUnit))


@register(
    "lanh-dao",
    title="Tiểu sử và nhiệm vụ của lãnh đạo",
    legal_basis="NĐ 43/2011/NĐ-CP Điều 10 khoản 1",
    kinds=ALL_KINDS,
    group=INTRO,
    order=110,
)
def leaders_described(unit, context) -> Finding:
    leaders = list(Position.objects.current(context.today).filter(unit=unit, is_leader=True).select_related("person"))
    if not leaders:
        return Finding(Status.MISSING, "Chưa nhập lãnh đạo đương nhiệm nào.", admin_snippet_list_url(Position))
    complete = [p for p in leaders if p.person.biography.strip() and p.duties.strip()]
    if not complete:
        return Finding(
            Status.MISSING, "Lãnh đạo đương nhiệm chưa có tiểu sử tóm tắt và nhiệm vụ được phân công.", admin_snippet_list_url(Position)
        )
    lacking = [str(p.person) for p in leaders if p not in complete]
    detail = f"{len(complete)} lãnh đạo có tiểu sử và nhiệm vụ."
    if lacking:
        detail += " Còn thiếu tiểu sử hoặc nhiệm vụ: " + ", ".join(lacking) + "."
    return Finding(Status.PRESENT, detail, admin_snippet_list_url(Position))


@register(
    "gioi-thieu-trang",
    title="Lịch sử, điều kiện tự nhiên, di tích, danh thắng",
    legal_basis="NĐ 43/2011/NĐ-CP Điều 10 khoản 1",
    kinds=ALL_KINDS,
    group=INTRO,
    order=120,
)
def intro_text_pages(unit, context) -> Finding:
    from portal.pages.models import StandardPage

    if context.home is None:
        return Finding(Status.MISSING, "Trang của đơn vị chưa được khởi tạo.")
    nodes = [n for n in nodes_for(unit.kind) if n.model == STANDARD and n.path.startswith("gioi-thieu/")]
    url_paths = {context.home.url_path + n.path + "/": n for n in nodes}
    pages = {p.url_path: p for p in StandardPage.objects.filter(url_path__in=url_paths, path__startswith=context.home.path)}
    missing, fix = [], ""
    for url_path, node in url_paths.items():
        page = pages.get(url_path)
        if page is None or not page.live or not strip_tags(page.body or "").strip():
            missing.append(node.title_for(unit.kind))
            fix = fix or _page_fix(context, page, node.path, StandardPage)
    if missing:
        return Finding(Status.MISSING, "Chưa viết hoặc chưa xuất bản: " + "; ".join(missing) + ".", fix)
    return Finding(Status.PRESENT, "Đã xuất bản: " + "; ".join(n.title_for(unit.kind) for n in nodes) + ".")


@register(
    "ban-do-hanh-chinh",
    title="Bản đồ địa giới hành chính",
    legal_basis="NĐ 43/2011/NĐ-CP Điều 10 khoản 1",
    kinds=PEOPLES_COMMITTEES,
    group=INTRO,
    order=130,
)
def administrative_map(unit, context) -> Finding:
    page = AdministrativeMapPage.objects.filter(unit=unit).order_by("-live", "path").first()
    fix = _page_fix(context, page, "gioi-thieu/ban-do-hanh-chinh", AdministrativeMapPage)
    if page is None or not page.live:
        return Finding(Status.MISSING, "Chưa có trang bản đồ hành chính đang xuất bản.", fix)
    if page.map_image_id is None:
        return Finding(Status.MISSING, "Trang bản đồ hành chính chưa có ảnh bản đồ.", fix)
    return Finding(Status.PRESENT, "Đã đăng bản đồ hành chính.", fix)


@register(
    "lien-he",
    title="Thông tin liên hệ và đầu mối liên hệ",
    legal_basis="NĐ 43/2011/NĐ-CP Điều 10 khoản 11, 12; NĐ 42/2022/NĐ-CP Điều 4 khoản 1 điểm đ",
    kinds=ALL_KINDS,
    group="Liên hệ",
    order=150,
)
def contacts_complete(unit, context) -> Finding:
    labels = {"address": "địa chỉ", "phone": "điện thoại", "email": "thư điện tử", "responsible_person": "người chịu trách nhiệm"}
    lacking = [label for name, label in labels.items() if not (getattr(unit, name) or "").strip()]
    if lacking:
        fix = reverse("wagtailsnippets_units_unit:edit", args=[unit.pk])
        return Finding(Status.MISSING, "Thông tin của đơn vị còn thiếu: " + ", ".join(lacking) + " (Quản trị hệ thống cập nhật).", fix)
    contacts = (
        Position.objects.current(context.today).filter(unit=unit, is_contact_point=True).exclude(phone="").exclude(email="").count()
    )
    if not contacts:
        return Finding(
            Status.MISSING, "Chưa có cán bộ đầu mối liên hệ nào có đủ số điện thoại và thư điện tử công vụ.", admin_snippet_list_url(Position)
        )
    return Finding(Status.PRESENT, f"Có {contacts} đầu mối liên hệ có đủ điện thoại và thư điện tử.", admin_snippet_list_url(Position))


@register(
    "tieng-anh",
    title="Thông tin tiếng Anh về cơ cấu, chức năng và liên hệ",
    legal_basis="NĐ 42/2022/NĐ-CP Điều 7 khoản 2",
    kinds=ALL_KINDS,
    group=INTRO,
    order=190,
)
def english_current(unit, context) -> Finding:
    profile = _profile(unit)
    records = [
        *([profile] if profile else []),
        *OrgUnit.objects.filter(unit=unit),
        *Position.objects.current(context.today).filter(unit=unit, is_contact_point=True).select_related("person"),
    ]
    if not any(record.has_english for record in records):
        fix = admin_snippet_list_url(UnitProfile)
        return Finding(Status.MISSING, "Chưa có bản tiếng Anh của chức năng, cơ cấu tổ chức và danh bạ liên hệ.", fix)
    outdated = [record for record in records if record.english_is_outdated()]
    if outdated:
        names = [str(record) if not isinstance(record, UnitProfile) else "Chức năng, nhiệm vụ của đơn vị" for record in outdated]
        fix = admin_snippet_list_url(type(outdated[0])) + "?english_outdated=true"
        return Finding(Status.STALE, "Bản tiếng Anh chưa có hoặc chưa cập nhật theo tiếng Việt: " + "; ".join(names) + ".", fix)
    return Finding(Status.PRESENT, f"Bản tiếng Anh đã cập nhật ({len(records)} mục).", admin_snippet_list_url(UnitProfile))


@register(
    "nguoi-phat-ngon",
    title="Người phát ngôn được công bố",
    legal_basis="NĐ 09/2017/NĐ-CP Điều 2",
    kinds=ALL_KINDS,
    group="Báo chí",
    order=600,
)
def spokesperson_published(unit, context) -> Finding:
    today = context.today
    active = Spokesperson.objects.filter(unit=unit).exclude(valid_from__gt=today).exclude(valid_to__lt=today)
    if not active.exists():
        return Finding(Status.MISSING, "Chưa có người phát ngôn còn hiệu lực.", admin_snippet_list_url(Spokesperson))
    newest = Spokesperson.objects.filter(unit=unit, decision_date__isnull=False).order_by("-decision_date").first()
    page = SpokespersonPage.objects.filter(unit=unit).order_by("-live", "path").first()
    fix = admin_edit_url(page) if page is not None else admin_snippet_list_url(Spokesperson)
    if newest is not None:
        days = rule_value("spokesperson.publish_working_days", today)
        deadline = working_days_add(newest.decision_date, days)
        published = timezone.localdate(page.last_published_at) if page is not None and page.last_published_at else None
        if today > deadline and (page is None or not page.live or published is None or published < newest.decision_date):
            return Finding(
                Status.STALE,
                f"Quyết định số {newest.decision_number or '(chưa ghi số)'} ngày {newest.decision_date:%d/%m/%Y} chưa được đăng lại "
                f"trên trang Người phát ngôn (hạn {deadline:%d/%m/%Y}, {days} ngày làm việc).",
                fix,
            )
    return Finding(Status.PRESENT, f"Có {active.count()} người phát ngôn còn hiệu lực.", fix)
