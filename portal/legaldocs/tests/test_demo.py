"""Demo data: real documents, main portal and Sở TTTT complete, Đồng Hới a draft, Bảo Ninh empty; idempotent."""

import pytest
from django.utils import timezone

from portal.completeness.registry import Status
from portal.conftest import make_user
from portal.editorial.constants import Role
from portal.legaldocs import demo
from portal.legaldocs.models import LegalDocumentPage

pytestmark = pytest.mark.django_db


def test_seed_twice_creates_once(registry, client, disk_media):
    from portal.legaldocs.tests.test_completeness import finding

    units = {"main": registry["province"], "stttt": registry["stttt"], "donghoi": registry["donghoi"], "baoninh": registry["baoninh"]}
    users = {
        key: {role.value: make_user(f"{key}.{role.value}", (unit, role)) for role in Role}
        for key, unit in units.items()
    }
    lines = []
    created = demo.seed(units, users, timezone.now(), lines.append)
    assert created == len(demo.PLAN["main"]) + len(demo.PLAN["stttt"]) + 1
    assert demo.seed(units, users, timezone.now(), lines.append) == 0
    assert finding(units["main"]).status == Status.PRESENT
    assert finding(units["stttt"]).status == Status.PRESENT
    assert finding(units["donghoi"]).status == Status.MISSING
    assert finding(units["baoninh"]).status == Status.MISSING
    assert not LegalDocumentPage.objects.get(unit=units["donghoi"]).live

    old = LegalDocumentPage.objects.get(unit=units["main"], number="43/2011/NĐ-CP")
    html = client.get(old.get_url(), HTTP_HOST=units["main"].hostname).content.decode()
    assert "Bị thay thế" in html and "42/2022/NĐ-CP" in html
    new = LegalDocumentPage.objects.get(unit=units["main"], number="42/2022/NĐ-CP")
    assert new.issue_date.isoformat() == "2022-06-24" and new.effective_date.isoformat() == "2022-08-15"
    assert "vbpl.vn" in new.abstract
    pdf = new.files.get().document
    response = client.get(pdf.url, HTTP_HOST=units["main"].hostname)
    assert response["Content-Type"] == "application/pdf"
