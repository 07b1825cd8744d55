"""Moderation admin (L-72-5): per-unit isolation, Điều 5 categories, transitions, audit, private attachments."""

import pytest
from wagtail.log_actions import registry as log_registry
from wagtail.models import PageLogEntry

from portal.consultation import services
from portal.consultation.models import DraftComment
from portal.consultation.tests.conftest import PDF_BYTES, make_consultation, pdf_upload
from portal.moderation.constants import ModerationStatus, ViolationCategory

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(registry):
    page = make_consultation(registry["stttt"], title="Dự thảo Quy chế an toàn thông tin")
    return services.comment_submit(
        consultation=page, name="Ngô Thị Hà", email="ha.nt@example.vn", content="Cần quy định rõ thời hạn báo cáo sự cố.",
        organisation="Trung tâm CNTT", attachment=pdf_upload("phu-luc.pdf"), notify=False,
    )


def admin_get(client, registry, user, url):
    client.force_login(user)
    return client.get(url, HTTP_HOST=registry["province"].hostname)


def admin_post(client, registry, user, url, data):
    client.force_login(user)
    return client.post(url, data, HTTP_HOST=registry["province"].hostname)


def test_board_of_the_unit_sees_its_queue_and_approves_with_an_audit_record(client, registry, moderators, comment):
    head = moderators["head"]
    listing = admin_get(client, registry, head, "/admin/gop-y-du-thao/").content.decode()
    assert comment.reference in listing and "Ngô Thị Hà" in listing
    assert "/admin/gop-y-du-thao/" in admin_get(client, registry, head, "/admin/").content.decode()  # the menu item

    detail = admin_get(client, registry, head, f"/admin/gop-y-du-thao/{comment.pk}/").content.decode()
    assert "ha.nt@example.vn" in detail and "phu-luc.pdf" in detail

    response = admin_post(client, registry, head, f"/admin/gop-y-du-thao/{comment.pk}/", {"action": "approve"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == ModerationStatus.APPROVED and comment.moderated_by == head
    entry = PageLogEntry.objects.get(action="portal.consultation.approve")
    assert entry.page_id == comment.consultation_id and entry.user_id == head.pk
    assert entry.data["reference"] == comment.reference
    assert log_registry.get_action_label("portal.consultation.approve") == "Duyệt công khai góp ý dự thảo"


def test_reject_needs_a_violation_category_and_keeps_it(client, registry, moderators, comment):
    editor = moderators["editor"]
    url = f"/admin/gop-y-du-thao/{comment.pk}/"
    admin_post(client, registry, editor, url, {"action": "reject", "category": "", "note": "x"})
    comment.refresh_from_db()
    assert comment.status == ModerationStatus.PENDING

    admin_post(client, registry, editor, url, {"action": "reject", "category": ViolationCategory.DEFAMATION, "note": "Xúc phạm cá nhân."})
    comment.refresh_from_db()
    assert comment.status == ModerationStatus.REJECTED
    assert comment.violation_category == "d" and comment.moderation_note == "Xúc phạm cá nhân."
    assert PageLogEntry.objects.filter(action="portal.consultation.reject", data__category="d").exists()
    # Listed under "Không duyệt" with its category on the detail page.
    assert comment.reference in admin_get(client, registry, editor, "/admin/gop-y-du-thao/?trang-thai=rejected").content.decode()
    assert "Xuyên tạc, vu khống" in admin_get(client, registry, editor, url).content.decode()


def test_transitions_follow_the_moderation_table(registry, moderators, comment):
    head = moderators["head"]
    services.comment_moderate(comment=comment, actor=head, approve=True)
    with pytest.raises(services.ConsultationError, match="Không thể chuyển"):
        services.comment_moderate(comment=comment, actor=head, approve=True)
    # Withdrawn after a report, then a mistake undone: both allowed by MODERATION_TRANSITIONS.
    services.comment_moderate(comment=comment, actor=head, approve=False, category=ViolationCategory.IMPERSONATION)
    services.comment_moderate(comment=comment, actor=head, approve=True)
    comment.refresh_from_db()
    assert comment.status == ModerationStatus.APPROVED and comment.violation_category == ""


def test_another_units_board_gets_404_and_an_empty_queue(client, registry, moderators, comment):
    for key in ("syt_editor", "main_head"):
        user = moderators[key]
        assert comment.reference not in admin_get(client, registry, user, "/admin/gop-y-du-thao/").content.decode()
        assert admin_get(client, registry, user, f"/admin/gop-y-du-thao/{comment.pk}/").status_code == 404
        assert admin_get(client, registry, user, f"/admin/gop-y-du-thao/{comment.pk}/tep-dinh-kem/").status_code == 404
        response = admin_post(client, registry, user, f"/admin/gop-y-du-thao/{comment.pk}/", {"action": "approve"})
        assert response.status_code == 404
        with pytest.raises(services.ConsultationError):
            services.comment_moderate(comment=comment, actor=user, approve=True)
    comment.refresh_from_db()
    assert comment.status == ModerationStatus.PENDING


@pytest.mark.parametrize("role", ["contributor", "site_admin"])
def test_contributors_and_site_admins_cannot_moderate(client, registry, moderators, comment, role):
    user = moderators[role]
    # Wagtail answers PermissionDenied in its admin with a redirect to the dashboard.
    for response in (
        admin_get(client, registry, user, "/admin/gop-y-du-thao/"),
        admin_get(client, registry, user, f"/admin/gop-y-du-thao/{comment.pk}/"),
        admin_get(client, registry, user, f"/admin/gop-y-du-thao/{comment.pk}/tep-dinh-kem/"),
        admin_post(client, registry, user, f"/admin/gop-y-du-thao/{comment.pk}/", {"action": "approve"}),
    ):
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert "/admin/gop-y-du-thao/" not in admin_get(client, registry, user, "/admin/").content.decode()
    with pytest.raises(services.ConsultationError):
        services.comment_moderate(comment=comment, actor=user, approve=True)
    assert DraftComment.objects.get(pk=comment.pk).status == ModerationStatus.PENDING


def test_private_attachment_downloads_only_for_the_units_moderators_and_is_logged(client, registry, moderators, comment, django_user_model):
    response = admin_get(client, registry, moderators["editor"], f"/admin/gop-y-du-thao/{comment.pk}/tep-dinh-kem/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"] and "phu-luc.pdf" in response["Content-Disposition"]
    assert PageLogEntry.objects.filter(action="portal.consultation.attachment", user=moderators["editor"]).exists()
    # Anonymous visitors are sent to the login page; the file has no public URL at all.
    client.logout()
    anonymous = client.get(f"/admin/gop-y-du-thao/{comment.pk}/tep-dinh-kem/", HTTP_HOST=registry["province"].hostname)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    # The platform operator sees every unit.
    operator = django_user_model.objects.create_superuser("vanhanh", "vh@example.vn", "x")
    assert admin_get(client, registry, operator, f"/admin/gop-y-du-thao/{comment.pk}/tep-dinh-kem/").status_code == 200


def test_response_to_an_approved_comment_is_public(client, registry, moderators, comment):
    head = moderators["head"]
    url = f"/admin/gop-y-du-thao/{comment.pk}/"
    admin_post(client, registry, head, url, {"action": "respond", "response": "Chưa duyệt thì chưa trả lời."})
    comment.refresh_from_db()
    assert comment.response == ""  # only approved comments are answered

    services.comment_moderate(comment=comment, actor=head, approve=True)
    admin_post(client, registry, head, url, {"action": "respond", "response": "Tiếp thu: bổ sung khoản 2 Điều 9."})
    comment.refresh_from_db()
    assert comment.response == "Tiếp thu: bổ sung khoản 2 Điều 9." and comment.responded_by == head
    assert PageLogEntry.objects.filter(action="portal.consultation.respond").exists()
    client.logout()
    html = client.get(comment.consultation.url, HTTP_HOST=registry["stttt"].hostname).content.decode()
    assert "Tiếp thu: bổ sung khoản 2 Điều 9." in html
    assert "Tiếp thu, giải trình của cơ quan soạn thảo" in html
