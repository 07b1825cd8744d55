import json

import pytest
from django.core.management import call_command

from portal.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_json_report_per_site(registry, client):
    unit = registry["baoninh"]
    response = client.get(f"/api/v1/sites/{unit.hostname}/completeness", HTTP_HOST=registry["province"].hostname)
    assert response.status_code == 200
    data = response.json()
    assert data["hostname"] == unit.hostname and data["complete"] is False
    codes = {item["code"]: item for item in data["items"]}
    assert codes["chuyen-muc"]["status"] == "present"
    assert codes["tin-tuc"]["status"] == "missing" and codes["tin-tuc"]["legal_basis"]
    assert "chuong-trinh-du-an" not in codes  # not required of communes
    assert data["missing"] + data["stale"] + data["present"] == len(data["items"])


def test_unknown_site_is_404(registry, client):
    response = client.get("/api/v1/sites/khong-co.quangbinh.localhost/completeness", HTTP_HOST=registry["province"].hostname)
    assert response.status_code == 404


def test_board_sees_its_own_report_only(registry, board, client):
    stttt, syt = registry["stttt"], registry["syt"]
    client.login(username=board["editor"].username, password=PASSWORD)
    host = registry["province"].hostname
    own = client.get(f"/admin/kiem-tra-thong-tin/{stttt.pk}/", HTTP_HOST=host)
    assert own.status_code == 200 and "Kiểm tra thông tin bắt buộc" in own.content.decode()
    assert client.get(f"/admin/kiem-tra-thong-tin/{syt.pk}/", HTTP_HOST=host).status_code == 404
    dashboard = client.get("/admin/", HTTP_HOST=host).content.decode()
    assert "Thông tin bắt buộc trên trang" in dashboard and stttt.display_name in dashboard
    listing = client.get("/admin/kiem-tra-thong-tin/", HTTP_HOST=host).content.decode()
    assert stttt.display_name in listing and syt.display_name not in listing


def test_operator_command_reports_every_site(registry, capsys):
    call_command("completeness_report", "--json")
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {line["hostname"] for line in lines} == {u.hostname for u in registry.values()}
