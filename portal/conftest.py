"""Shared fixtures: a small real registry, provisioned through the real services."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from portal.editorial.constants import Role
from portal.editorial.services import role_grant
from portal.units.constants import UnitKind
from portal.units.models import Unit
from portal.units.provisioning import sites_provision
from portal.units.services import units_relabel

PASSWORD = "mật-khẩu-thử-nghiệm-2026"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def build_registry() -> dict[str, Unit]:
    province = Unit.objects.create(code="44", kind=UnitKind.PROVINCE, name="Tỉnh Quảng Bình", division_type="Tỉnh", sort_order=0)
    Unit.objects.create(
        code="44-STTTT", kind=UnitKind.AGENCY, name="Sở Thông tin và Truyền thông", abbreviation="STTTT",
        parent=province, sort_order=1, address="Đường Hữu Nghị, TP Đồng Hới", phone="0232 3810 797", email="stttt@quangbinh.gov.vn",
    )
    Unit.objects.create(code="44-SYT", kind=UnitKind.AGENCY, name="Sở Y tế", abbreviation="SYT", parent=province, sort_order=2)
    donghoi = Unit.objects.create(
        code="450", kind=UnitKind.DISTRICT, name="Thành phố Đồng Hới", division_type="Thành phố", gso_code="450", parent=province, sort_order=3
    )
    baoninh = Unit.objects.create(
        code="18898", kind=UnitKind.COMMUNE, name="Xã Bảo Ninh", division_type="Xã", gso_code="18898", parent=donghoi, sort_order=4
    )
    units_relabel()
    sites_provision()
    names = {"44": "province", "44-STTTT": "stttt", "44-SYT": "syt", "450": "donghoi", baoninh.code: "baoninh"}
    return {names[u.code]: u for u in Unit.objects.select_related("site").filter(code__in=names)}


@pytest.fixture
def registry(db):
    return build_registry()


def make_user(username: str, *roles: tuple[Unit, str], **extra):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, email=f"{username}@example.gov.vn", **extra)
    for unit, role in roles:
        role_grant(user=user, unit=unit, role=role)
    return user


@pytest.fixture
def board(registry):
    """One person per role on Sở TTTT, plus the main portal's board head and a Sở Y tế editor."""
    stttt, main, syt = registry["stttt"], registry["province"], registry["syt"]
    return {
        "contributor": make_user("stttt.ctv", (stttt, Role.CONTRIBUTOR)),
        "editor": make_user("stttt.btv", (stttt, Role.EDITOR)),
        "head": make_user("stttt.tb", (stttt, Role.BOARD_HEAD)),
        "site_admin": make_user("stttt.qt", (stttt, Role.SITE_ADMIN)),
        "main_head": make_user("tc.tb", (main, Role.BOARD_HEAD)),
        "syt_editor": make_user("syt.btv", (syt, Role.EDITOR)),
    }


def host(unit: Unit) -> str:
    return unit.hostname


def publish_article(section, *, title, lead="Sapo của bài viết.", body="<p>Nội dung bài viết.</p>", user=None, **fields):
    from portal.pages.models import ArticlePage

    fields.setdefault("authors", "Ban biên tập")  # publishing needs a creator (Thông tư 24/2011)
    article = ArticlePage(title=title, lead=lead, body=body, **fields)
    section.add_child(instance=article)
    article.save_revision(user=user).publish(user=user)
    return ArticlePage.objects.get(pk=article.pk)


def news_section(unit: Unit):
    from portal.pages.models import SectionPage

    return SectionPage.objects.get(unit=unit, slug="tin-tuc-su-kien")
