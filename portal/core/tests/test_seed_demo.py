"""The demo seed: content on four sites, accounts with one role each, proposals, idempotency."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils.html import escape
from wagtail.images.models import Image
from wagtail.models import Revision

from portal.core.demo import content
from portal.core.demo.seed import PASSWORD, SCENES
from portal.editorial.constants import Role
from portal.editorial.models import SiteRole
from portal.pages.models import ArticlePage, StandardPage
from portal.search.tests.relevance_checks import check_relevance_set_on_the_demo
from portal.syndication.constants import ProposalStatus
from portal.syndication.models import Proposal
from portal.units.models import Unit
from portal.units.services import unit_main

SEEDED_SITES = {"trangchinh": None, "stttt": "44-STTTT", "donghoi": "450", "baoninh": "18889"}
ROLES = {
    "truongban": Role.BOARD_HEAD,
    "bientapvien": Role.EDITOR,
    "congtacvien": Role.CONTRIBUTOR,
    "quantri": Role.SITE_ADMIN,
    "motcua": Role.ONE_STOP,
}


def _counts() -> dict[str, int]:
    return {
        "articles": ArticlePage.objects.count(),
        "standard_pages": StandardPage.objects.count(),
        "images": Image.objects.count(),
        "users": get_user_model().objects.count(),
        "proposals": Proposal.objects.count(),
        "revisions": Revision.objects.count(),
        "memberships": get_user_model().groups.through.objects.count(),
    }


def test_every_picture_uses_a_drawable_scene():
    scenes = {a.picture.scene for site in content.SITES for a in site.articles if a.picture}
    assert scenes <= set(SCENES)


@pytest.mark.django_db(transaction=False)
def test_seed_demo_fills_the_demo_and_runs_again_without_duplicates(client):
    call_command("import_units", "--province", "44", stdout=StringIO())
    call_command("provision_sites", stdout=StringIO())

    first = StringIO()
    call_command("seed_demo", stdout=first)
    after_first = _counts()
    # The search relevance set is judged on this demo (building it twice would double the suite's slowest step).
    check_relevance_set_on_the_demo()
    second = StringIO()
    call_command("seed_demo", stdout=second)

    assert _counts() == after_first
    assert "không tạo thêm gì" in second.getvalue()
    assert "stttt.truongban" in first.getvalue() and PASSWORD in first.getvalue()

    units = {prefix: (unit_main() if code is None else Unit.objects.get(code=code)) for prefix, code in SEEDED_SITES.items()}
    for unit in units.values():
        illustrated = ArticlePage.objects.live().filter(unit=unit, main_image__isnull=False).exclude(main_image_alt="")
        assert illustrated.count() >= 5, unit
        assert all(a.main_image.collection_id == unit.collection_link.collection_id for a in illustrated)
        assert StandardPage.objects.live().filter(unit=unit).exists()
    assert unit_main().address.startswith("Số 12 Quang Trung")

    for prefix, unit in units.items():
        for suffix, role in ROLES.items():
            user = get_user_model().objects.get(username=f"{prefix}.{suffix}")
            assert client.login(username=user.username, password=PASSWORD)
            client.logout()
            held = set(SiteRole.objects.filter(group__user=user).values_list("unit_id", "role"))
            assert held == {(unit.pk, role)}
            assert user.groups.count() == 1
    operator = get_user_model().objects.get(username="vanhanh")
    assert operator.is_superuser and operator.is_staff
    assert client.login(username="vanhanh", password=PASSWORD)
    client.logout()

    statuses = list(Proposal.objects.values_list("status", flat=True))
    assert statuses.count(ProposalStatus.ACCEPTED) >= 1
    assert statuses.count(ProposalStatus.PENDING) == 1
    assert statuses.count(ProposalStatus.DECLINED) == 1
    assert Proposal.objects.filter(status=ProposalStatus.DECLINED).exclude(decision_note="").exists()

    accepted = Proposal.objects.filter(status=ProposalStatus.ACCEPTED).select_related("article").first()
    response = client.get("/tin-tuc-su-kien/", HTTP_HOST="quangbinh.localhost")
    assert response.status_code == 200
    assert escape(accepted.article.title) in response.content.decode()

    # Mandatory information: the main portal and Sở TTTT are complete, the district and the commune are
    # not — and the check names what they lack. Ten days later without new articles, news goes stale.
    from datetime import timedelta

    from django.utils import timezone

    from portal.completeness.registry import Status
    from portal.completeness.selectors import site_completeness

    for prefix in ("trangchinh", "stttt"):
        report = site_completeness(units[prefix])
        assert report.complete, [(i.code, i.detail) for i in report.problems]
    donghoi = site_completeness(units["donghoi"])
    baoninh = site_completeness(units["baoninh"])
    assert donghoi.present_count > baoninh.present_count
    assert 0 < len(donghoi.problems) < len(donghoi.items)
    missing = {item.code for item in baoninh.problems}
    assert {"lanh-dao", "van-ban", "hoi-dap", "nguoi-phat-ngon", "lich-cong-tac"} <= missing
    later = site_completeness(units["stttt"], now=timezone.now() + timedelta(days=10))
    assert next(i for i in later.items if i.code == "tin-tuc").status == Status.STALE
    api = client.get(f"/api/v1/sites/{units['stttt'].hostname}/completeness", HTTP_HOST="quangbinh.localhost").json()
    assert api["complete"] is True and api["missing"] == 0

    # Online public services: the national sample on its units, online submission at Bảo Ninh and Sở TTTT,
    # a verified citizen, dossiers in every state, overdue ones with and without an apology letter.
    from portal.dossiers.constants import DossierStatus
    from portal.dossiers.models import Dossier, DossierApology
    from portal.dossiers.selectors import is_overdue
    from portal.dossiers.services import dossier_needs_apology
    from portal.procedures.models import Procedure, ProcedureHandling

    assert Procedure.objects.exclude(national_code__startswith="DEMO.").count() == 120
    for prefix in ("baoninh", "stttt"):
        assert ProcedureHandling.objects.filter(unit=units[prefix], online_enabled=True).exists(), prefix
    assert set(Dossier.objects.values_list("status", flat=True)) == set(DossierStatus.values)
    open_dossiers = Dossier.objects.filter(status__in=["received", "processing", "suspended"])
    overdue = [d for d in open_dossiers if is_overdue(d)]
    assert any(dossier_needs_apology(d) for d in overdue)
    assert DossierApology.objects.filter(late=True).exists() and DossierApology.objects.filter(late=False).exists()
    assert Dossier.objects.filter(channel="in_person").exists()
    assert client.login(username="congdan", password=PASSWORD)
    mine = client.get("/dich-vu-cong/ho-so/", HTTP_HOST="quangbinh.localhost")
    assert mine.status_code == 200 and Dossier.objects.filter(applicant__username="congdan").count() >= 20
