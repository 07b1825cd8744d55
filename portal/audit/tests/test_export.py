"""Exports per user and per site, on the command line and in the admin, hold only what they should."""

import csv
import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from portal.audit.models import AuditEntry
from portal.audit.services import audit_append
from portal.conftest import PASSWORD

pytestmark = pytest.mark.django_db
MAIN = "quangbinh.localhost"
STTTT = "stttt.quangbinh.localhost"


@pytest.fixture
def entries(registry, board):
    head, syt = board["head"], board["syt_editor"]
    audit_append(action="portal.test.stttt", actor=head, unit_code="44-STTTT", object_label="Bài của Sở TTTT")
    audit_append(action="portal.test.syt", actor=syt, unit_code="44-SYT", object_label="Bài của Sở Y tế")
    audit_append(action="portal.test.stttt-by-syt", actor=syt, unit_code="44-STTTT", object_label="Sở Y tế sửa bài Sở TTTT")
    return {"head": head, "syt": syt}


def _export(*args) -> str:
    out = StringIO()
    call_command("audit_export", *args, stdout=out)
    return out.getvalue()


def test_export_per_user_holds_only_that_users_entries(entries):
    rows = [json.loads(line) for line in _export("--user", "syt.btv", "--format", "json").splitlines()]
    assert {row["action"] for row in rows if row["action"].startswith("portal.test.")} == {"portal.test.syt", "portal.test.stttt-by-syt"}
    assert {row["actor_name"] for row in rows} == {"syt.btv"}
    assert all(len(row["hash"]) == 64 for row in rows)


def test_export_per_site_holds_only_that_sites_entries(entries):
    rows = list(csv.DictReader(StringIO(_export("--site", "stttt"))))
    assert {row["unit_code"] for row in rows} == {"44-STTTT"}
    assert {"portal.test.stttt", "portal.test.stttt-by-syt"} <= {row["action"] for row in rows}
    assert "portal.test.syt" not in {row["action"] for row in rows}
    with pytest.raises(CommandError, match="Không có trang"):
        _export("--site", "khong-co")


def test_admin_log_board_head_sees_own_site_operator_sees_all(client, entries, django_assert_max_num_queries):
    client.force_login(entries["head"])
    with django_assert_max_num_queries(20):
        page = client.get(reverse("audit:log"), HTTP_HOST=STTTT)
    body = page.content.decode()
    assert page.status_code == 200
    assert "Bài của Sở TTTT" in body and "Sở Y tế sửa bài Sở TTTT" in body and "Bài của Sở Y tế" not in body
    assert client.get(reverse("audit:log"), {"don-vi": "44-SYT"}, HTTP_HOST=STTTT).status_code == 404
    filtered = client.get(reverse("audit:log"), {"nguoi-dung": "syt.btv"}, HTTP_HOST=STTTT).content.decode()
    assert "Sở Y tế sửa bài Sở TTTT" in filtered and "Bài của Sở TTTT" not in filtered

    download = client.get(reverse("audit:log"), {"tai-ve": "csv"}, HTTP_HOST=STTTT)
    text = b"".join(download.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(StringIO(text)))[1:]
    assert rows and {row[8] for row in rows} == {"44-STTTT"}
    assert AuditEntry.objects.filter(action="portal.audit.export", actor_name="stttt.tb").exists()

    # Editors do not read the log; the operator reads every site.
    client.force_login(entries["syt"])
    refused = client.get(reverse("audit:log"), HTTP_HOST=MAIN)
    assert (refused.status_code, refused.url) == (302, "/admin/")  # Wagtail turns PermissionDenied into a redirect
    operator = get_user_model().objects.create_superuser("vanhanh", "vanhanh@example.gov.vn", PASSWORD)
    client.force_login(operator)
    everything = client.get(reverse("audit:log"), {"hanh-dong": "portal.test."}, HTTP_HOST=MAIN).content.decode()
    assert "Bài của Sở Y tế" in everything and "Bài của Sở TTTT" in everything


def test_admin_log_is_paginated(client, registry, board):
    for n in range(60):
        audit_append(action="portal.test.many", actor=board["head"], unit_code="44-STTTT", object_label=f"Mục {n}")
    client.force_login(board["head"])
    first = client.get(reverse("audit:log"), {"hanh-dong": "portal.test.many"}, HTTP_HOST=STTTT).content.decode()
    assert "Mục 59" in first and "Mục 5<" not in first and "Trang 1 / 2" in first
    second = client.get(reverse("audit:log"), {"hanh-dong": "portal.test.many", "p": 2}, HTTP_HOST=STTTT).content.decode()
    assert "Mục 0<" in second
