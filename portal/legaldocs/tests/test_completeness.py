"""Completeness check "van-ban": a complete live document; STALE when an expired one still says in force."""

import datetime as dt

import pytest

from portal.completeness.registry import Status
from portal.completeness.selectors import site_completeness
from portal.legaldocs.models import LegalDocumentPage
from portal.legaldocs.tests.conftest import index_for, publish_document

pytestmark = pytest.mark.django_db


def finding(unit):
    return next(item for item in site_completeness(unit).items if item.code == "van-ban")


def test_missing_until_a_complete_document_is_live(registry):
    unit = registry["stttt"]
    item = finding(unit)
    assert item.status == Status.MISSING and "/admin/pages/add/legaldocs/legaldocumentpage/" in item.fix_url
    index_for(unit).add_child(instance=LegalDocumentPage(title="Nháp", number="1/2024/QĐ-UBND", live=False))
    assert finding(unit).status == Status.MISSING
    publish_document(unit, "2/2024/QĐ-UBND")
    item = finding(unit)
    assert item.status == Status.PRESENT and item.group == "Văn bản"


def test_stale_when_an_expired_document_still_says_in_force(registry):
    unit = registry["stttt"]
    publish_document(unit, "2/2024/QĐ-UBND")
    stale = publish_document(unit, "3/2020/QĐ-UBND", issue_date=dt.date(2020, 1, 1), effective_date=dt.date(2020, 1, 5),
                             expiry_date=dt.date(2024, 1, 1))
    item = finding(unit)
    assert item.status == Status.STALE
    assert "3/2020/QĐ-UBND" in item.detail and "01/01/2024" in item.detail
    assert item.fix_url.endswith(f"/pages/{stale.pk}/edit/")
    stale.status = "het-hieu-luc-toan-bo"
    stale.save()
    assert finding(unit).status == Status.PRESENT


def test_check_is_cheap(registry, django_assert_max_num_queries):
    unit = registry["stttt"]
    publish_document(unit, "2/2024/QĐ-UBND")
    from portal.completeness.registry import checks_for
    from portal.completeness.selectors import CheckContext

    check = next(c for c in checks_for(unit.kind) if c.code == "van-ban")
    with django_assert_max_num_queries(4):
        check.func(unit, CheckContext(unit=unit, now=dt.datetime.now(dt.UTC)))
