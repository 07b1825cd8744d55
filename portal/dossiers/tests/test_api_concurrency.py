"""Submission API, lookup, and unique codes under concurrent submissions."""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import override_settings

from portal.dossiers.models import Dossier
from portal.dossiers.services import dossier_parse_code
from portal.dossiers.tests.factories import online_procedure, simple_units, submitted

KEYS = "cong-quoc-gia:khoa-bi-mat-1"
HOST = "quangbinh.localhost"


def _body(procedure, unit, **extra):
    return {
        "procedure": procedure.national_code, "receiving_unit": unit.code,
        "applicant": {"name": "Trần Thị Bích", "phone": "0905 123 456", "email": "bich@example.vn"},
        "form_data": {"ten_tre": "Trần Văn Cường"}, **extra,
    }


@pytest.mark.django_db
@override_settings(PORTAL_SUBMISSION_API_KEYS=KEYS, ALLOWED_HOSTS=["*"])
def test_submission_api_needs_a_key_and_answers_a_retry_with_the_same_dossier(client, registry):
    procedure = online_procedure(registry["baoninh"])
    url = "/api/v1/dossiers"
    body = _body(procedure, registry["baoninh"])
    assert client.post(url, body, content_type="application/json", HTTP_HOST=HOST).status_code == 401
    headers = {"HTTP_X_API_KEY": "khoa-bi-mat-1", "HTTP_IDEMPOTENCY_KEY": "yeu-cau-7", "HTTP_HOST": HOST}
    first = client.post(url, body, content_type="application/json", **headers)
    again = client.post(url, body, content_type="application/json", **headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["code"] == again.json()["code"] and Dossier.objects.count() == 1
    assert first.json()["status_label"] == "Đã nộp, chờ tiếp nhận"
    missing_key = client.post(url, body, content_type="application/json", HTTP_X_API_KEY="khoa-bi-mat-1", HTTP_HOST=HOST)
    assert missing_key.status_code == 400 and "Idempotency-Key" in missing_key.json()["detail"]


@pytest.mark.django_db
@override_settings(ALLOWED_HOSTS=["*"], PORTAL_LOOKUP_RATE_LIMIT=4)
def test_lookup_answers_unknown_code_and_wrong_phone_identically_and_is_rate_limited(client, registry):
    procedure = online_procedure(registry["baoninh"])
    dossier = submitted(procedure, receiving=registry["baoninh"], phone="0912345678")
    def lookup(code, tail):
        return client.post("/api/v1/dossiers/lookup", {"code": code, "phone_tail": tail}, content_type="application/json",
                           HTTP_HOST=HOST)

    ok = lookup(dossier.code.lower(), "5678")  # any case
    assert ok.status_code == 200
    assert ok.json()["status"] == "submitted" and ok.json()["timeline"][0]["action"] == "submit"
    assert "Nguyễn" not in ok.content.decode()  # no personal data in the answer
    wrong_phone = lookup(dossier.code, "0000")
    unknown = lookup("18898-260101-9999", "5678")
    assert (wrong_phone.status_code, wrong_phone.content) == (unknown.status_code, unknown.content)
    assert wrong_phone.status_code == 404
    statuses = [lookup(dossier.code, "5678").status_code for _ in range(2)]
    assert statuses == [200, 429]  # four lookups allowed per window, the fifth is refused


def _submit_many(procedure, unit, count: int, workers: int) -> list[str]:
    barrier = threading.Barrier(workers)

    def one(index: int) -> str:
        if index < workers:
            barrier.wait()  # start together
        try:
            return submitted(procedure, receiving=unit, key=str(uuid.uuid4())).code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, range(count)))


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="Threads need a database server; SQLite's in-memory test database is one connection (the benchmark covers SQLite).")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_submissions_get_unique_consecutive_codes():
    units = simple_units()
    procedure = online_procedure(units["commune"])
    codes = _submit_many(procedure, units["commune"], count=200, workers=16)
    assert len(codes) == len(set(codes)) == 200
    assert sorted(dossier_parse_code(code)["seq"] for code in codes) == list(range(1, 201))
    assert Dossier.objects.count() == 200
