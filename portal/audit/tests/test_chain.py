"""The audit chain, fed by real actions: logins, page publishing in the admin, board roles and dossiers."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from portal.audit import guard_sql
from portal.audit.models import AuditAnchor, AuditEntry
from portal.audit.services import audit_append
from portal.conftest import PASSWORD, news_section
from portal.dossiers.tests.factories import online_procedure, submitted
from portal.editorial.constants import Role
from portal.pages.models import ArticlePage

pytestmark = pytest.mark.django_db
MAIN = "quangbinh.localhost"
STTTT = "stttt.quangbinh.localhost"


def _verify() -> str:
    from io import StringIO

    out = StringIO()
    call_command("audit_verify", stdout=out)
    return out.getvalue()


def _tamper(sql: str, params) -> None:
    """What a DBA with direct access could do: switch the guard off, change a row, switch it back."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {guard_sql.TABLE} DISABLE TRIGGER audit_entry_append_only")
            cursor.execute(sql, params)
            cursor.execute(f"ALTER TABLE {guard_sql.TABLE} ENABLE TRIGGER audit_entry_append_only")
        else:
            cursor.execute(f"DROP TRIGGER {guard_sql.SQLITE_UPDATE_TRIGGER_NAME}")
            cursor.execute(sql, params)
            cursor.execute(guard_sql.SQLITE_UPDATE_TRIGGER)


@pytest.fixture
def operator(db):
    return get_user_model().objects.create_superuser("vanhanh", "vanhanh@example.gov.vn", PASSWORD)


def test_real_actions_make_a_chain_that_verifies(client, registry, board, operator):
    start = AuditEntry.objects.count()
    # Admin login through the login form, from behind the proxy; then a failed attempt.
    response = client.post("/admin/login/", {"username": "vanhanh", "password": PASSWORD}, HTTP_HOST=MAIN,
                           REMOTE_ADDR="10.0.0.9", HTTP_USER_AGENT="Trình duyệt thử")
    assert response.status_code == 302
    login = AuditEntry.objects.filter(action="portal.auth.login").latest("seq")
    assert (login.actor_id, login.actor_name, login.unit_code, login.user_agent) == (operator.pk, "vanhanh", "44", "Trình duyệt thử")
    assert login.ip_address == "10.0.0.9"
    failed_client = client.__class__()
    assert failed_client.post("/admin/login/", {"username": "stttt.btv", "password": "sai-mat-khau"}, HTTP_HOST=STTTT).status_code == 200
    failed = AuditEntry.objects.filter(action="portal.auth.login_failed").latest("seq")
    assert failed.actor_id is None and failed.actor_name == "stttt.btv" and failed.unit_code == "44-STTTT"
    assert "sai-mat-khau" not in str(failed.data)

    # A draft published in the admin (bulk publish).
    article = ArticlePage(title="Hội nghị chuyển đổi số", lead="Sapo.", body="<p>Nội dung.</p>", authors="Ban biên tập")
    news_section(registry["stttt"]).add_child(instance=article)
    article.save_revision(user=operator)
    response = client.post(f"/admin/bulk/wagtailcore/page/publish/?id={article.pk}&next=/admin/", {}, HTTP_HOST=MAIN)
    assert response.status_code == 302
    published = AuditEntry.objects.get(action="wagtail.publish", object_id=str(article.pk))
    assert published.actor_name == "vanhanh" and published.unit_code == "44-STTTT" and published.object_type == "portal_pages.articlepage"

    # A role granted through the board members screen: the role entry and the group change.
    client.post(reverse("editorial:add", args=[registry["stttt"].pk]), {"username": "stttt.btv2", "role": Role.EDITOR,
                "full_name": "Trần Thị Hoa", "email": "hoa@example.gov.vn", "password": "Mat-khau-moi-2026"}, HTTP_HOST=MAIN)
    grant = AuditEntry.objects.get(action="portal.role.grant", object_label__contains="stttt.btv2")
    assert grant.actor_name == "vanhanh" and grant.unit_code == "44-STTTT"
    groups = AuditEntry.objects.filter(action="portal.permission.groups.add", object_label="stttt.btv2").get()
    assert groups.actor_name == "vanhanh" and groups.unit_code == ""

    # A dossier submitted (the dossier services write their log entries in bulk).
    procedure = online_procedure(registry["baoninh"])
    dossier = submitted(procedure, receiving=registry["baoninh"])
    submit = AuditEntry.objects.get(action="portal.dossier.submit", object_id=str(dossier.pk))
    assert submit.unit_code == "18898"
    assert "0912345678" not in str(AuditEntry.objects.filter(seq__gt=start).values_list("data", flat=True))

    seqs = list(AuditEntry.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))
    assert "toàn vẹn" in _verify()


def test_an_altered_entry_fails_verification_and_is_named(client, registry, operator):
    client.post("/admin/login/", {"username": "vanhanh", "password": "sai"}, HTTP_HOST=MAIN)
    client.post("/admin/login/", {"username": "vanhanh", "password": PASSWORD}, HTTP_HOST=MAIN)
    victim = AuditEntry.objects.filter(action="portal.auth.login_failed").latest("seq")
    assert AuditEntry.objects.filter(seq__gt=victim.seq).exists()
    _verify()

    _tamper(f"UPDATE {guard_sql.TABLE} SET actor_name = %s WHERE id = %s", ["nguoi-khac", victim.pk])
    with pytest.raises(CommandError) as error:
        call_command("audit_verify")
    message = str(error.value)
    assert f"mục số {victim.seq} (id {victim.pk})" in message
    assert timezone.localtime(victim.occurred_at).strftime("%d/%m/%Y %H:%M:%S") in message
    assert "portal.auth.login_failed" in message


def test_a_deleted_entry_breaks_the_chain_at_the_next_one(registry):
    entries = [audit_append(action=f"portal.test.{n}", actor_name="thu") for n in range(3)]
    _verify()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {guard_sql.TABLE} DISABLE TRIGGER audit_entry_append_only")
        else:
            cursor.execute(f"DROP TRIGGER {guard_sql.SQLITE_DELETE_TRIGGER_NAME}")
        cursor.execute(f"DELETE FROM {guard_sql.TABLE} WHERE id = %s", [entries[1].pk])
    with pytest.raises(CommandError, match=f"mục số {entries[2].seq} "):
        call_command("audit_verify")


def test_the_database_refuses_updates_and_deletes(registry):
    entry = audit_append(action="portal.test.guard", actor_name="thu", data={"a": 1})
    for sql in (f"UPDATE {guard_sql.TABLE} SET action = 'x' WHERE id = %s", f"DELETE FROM {guard_sql.TABLE} WHERE id = %s"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [entry.pk])
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.get(pk=entry.pk).action == "portal.test.guard"


def test_secrets_and_contacts_are_masked(db):
    entry = audit_append(action="portal.test.mask", data={"password": "bí-mật", "phone": "0912345678",
                                                          "nested": {"email": "an@example.vn", "api_token": "abc"}, "code": "H44-1"})
    assert entry.data == {"password": "***", "phone": "09******78", "nested": {"email": "a***@example.vn", "api_token": "***"}, "code": "H44-1"}
    assert entry.actor_name == "ẩn danh"


def test_purge_refuses_young_entries_and_keeps_the_rest_verifiable(registry):
    now = timezone.now()
    old = [audit_append(action="portal.test.old", actor_name="thu", occurred_at=now - dt.timedelta(days=800 - n)) for n in range(3)]
    young = audit_append(action="portal.test.young", actor_name="thu", occurred_at=now - dt.timedelta(days=100))
    with pytest.raises(CommandError, match="chưa đủ thời hạn lưu trữ"):
        call_command("audit_purge", "--before", (timezone.localdate() - dt.timedelta(days=100)).isoformat())
    assert AuditEntry.objects.filter(pk__in=[e.pk for e in old]).count() == 3

    call_command("audit_purge", "--before", (timezone.localdate() - dt.timedelta(days=790)).isoformat())
    assert not AuditEntry.objects.filter(pk__in=[e.pk for e in old]).exists()
    assert AuditEntry.objects.filter(pk=young.pk).exists()
    anchor = AuditAnchor.objects.get(pk=1)
    assert (anchor.seq, anchor.hash) == (old[-1].seq, old[-1].hash)
    assert AuditEntry.objects.filter(action="portal.audit.purge").exists()
    assert "toàn vẹn" in _verify()
    # The guard is back after the purge.
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=young.pk).delete()


def test_citizen_login_is_recorded_and_names_never_enter_the_chain(client, registry):
    from portal.citizens.services import citizen_register

    user = citizen_register(kind="individual", full_name="Võ Thị Sen", email="vo.thi.sen@example.vn", phone="0978654321",
                            password="Hoa-phuong-do-2026", ip_address="203.0.113.7")
    register = AuditEntry.objects.get(action="portal.citizen.register")
    assert register.object_label == f"#{register.object_id}" and register.actor_name == user.username
    wrong = client.post("/tai-khoan/dang-nhap/", {"identifier": "vo.thi.sen@example.vn", "password": "sai-mat-khau"},
                        HTTP_HOST=MAIN, REMOTE_ADDR="203.0.113.9")
    assert wrong.status_code == 200
    failed = AuditEntry.objects.filter(action="portal.auth.login_failed").latest("seq")
    assert failed.ip_address == "203.0.113.9" and failed.actor_name and "vo.thi.sen@example.vn" not in failed.actor_name
    response = client.post("/tai-khoan/dang-nhap/", {"identifier": "vo.thi.sen@example.vn", "password": "Hoa-phuong-do-2026"},
                           HTTP_HOST=MAIN, REMOTE_ADDR="203.0.113.8")
    assert response.status_code == 302
    login = AuditEntry.objects.filter(action="portal.auth.login").latest("seq")
    assert (login.actor_id, login.ip_address, login.unit_code) == (user.pk, "203.0.113.8", "44")
    everything = " ".join(f"{e.actor_name} {e.object_label} {e.data}" for e in AuditEntry.objects.all())
    assert "Võ Thị Sen" not in everything and "vo.thi.sen@example.vn" not in everything and "0978654321" not in everything
    assert "toàn vẹn" in _verify()
