import pytest

from portal.moderation.constants import ViolationCategory
from portal.moderation.models import ProhibitedTerm
from portal.moderation.services import consent_notice_current, consent_record, screen_text

pytestmark = pytest.mark.django_db


def test_terms_match_with_or_without_diacritics_and_only_whole_words():
    ProhibitedTerm.objects.create(term="lừa đảo", category=ViolationCategory.DEFAMATION)
    ProhibitedTerm.objects.create(term="cờ bạc", category=ViolationCategory.VIOLENCE)
    hits = screen_text("Cán bộ này LUA DAO người dân", "")
    assert [(h.term, h.category) for h in hits] == [("lừa đảo", "d")]
    assert screen_text("Xin hỏi về thủ tục cấp phép", "cờ bạc") and not screen_text("cờ bạcx không phải từ cấm")


def test_inactive_terms_and_list_changes_apply_at_once():
    term = ProhibitedTerm.objects.create(term="đánh bạc", category=ViolationCategory.VIOLENCE)
    assert screen_text("tổ chức đánh bạc")
    term.active = False
    term.save()
    assert not screen_text("tổ chức đánh bạc")


def test_consent_record_keeps_the_notice_fingerprint():
    notice = consent_notice_current("hoi-dap")
    record = consent_record(notice=notice, name="Nguyễn Thị Hoa", email="hoa@example.com", subject_ref="HD-1", ip_address="127.0.0.1")
    assert record.notice_sha256 == notice.sha256 and len(notice.sha256) == 64
    assert consent_notice_current("hoi-dap").pk == notice.pk
