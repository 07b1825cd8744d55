"""The read API (NĐ 42/2022 Điều 5), the completeness check “hoi-dap” (L-43-12/14) and the demo data."""


import pytest
from django.utils import timezone

from portal.completeness.registry import Status
from portal.completeness.selectors import site_completeness
from portal.conftest import make_user
from portal.editorial.constants import Role
from portal.interaction.constants import QuestionStatus
from portal.interaction.models import Question
from portal.interaction.tests.conftest import at

pytestmark = pytest.mark.django_db
HOST = "stttt.quangbinh.localhost"


def test_api_lists_only_published_answers_without_contact_details(client, published, submit_question, topics):
    answered = published(title="Thủ tục đăng ký tên miền .vn", topic=topics["vt"])
    published(title="Cấp thẻ nhà báo", topic=topics["bc"])
    submit_question(title="Câu hỏi chưa trả lời")
    response = client.get(f"/api/v1/sites/{HOST}/answers", HTTP_HOST=HOST)
    assert response.status_code == 200
    body = response.json()
    assert body["meta"]["count"] == 2
    titles = {item["title"] for item in body["items"]}
    assert titles == {"Thủ tục đăng ký tên miền .vn", "Cấp thẻ nhà báo"}
    item = next(i for i in body["items"] if i["code"] == answered.code)
    assert item["topic"] == "Viễn thông – Internet" and item["kind"] == "question" and item["answer"].startswith("Hồ sơ gồm")
    assert item["url"].endswith(f"/hoi-dap/{answered.code}/")
    assert "an.nguyen@example.com" not in response.content.decode() and "0912" not in response.content.decode()

    found = client.get(f"/api/v1/sites/{HOST}/answers", {"q": "ten mien"}, HTTP_HOST=HOST).json()
    assert [i["code"] for i in found["items"]] == [answered.code]
    by_topic = client.get(f"/api/v1/sites/{HOST}/answers", {"topic": topics["bc"].pk}, HTTP_HOST=HOST).json()
    assert [i["title"] for i in by_topic["items"]] == ["Cấp thẻ nhà báo"]

    one = client.get(f"/api/v1/sites/{HOST}/answers/{answered.code}", HTTP_HOST=HOST)
    assert one.status_code == 200 and one.json()["question"] == answered.content
    assert client.get(f"/api/v1/sites/quangbinh.localhost/answers/{answered.code}", HTTP_HOST=HOST).status_code == 404
    assert client.get("/api/v1/sites/khong-co.quangbinh.localhost/answers", HTTP_HOST=HOST).status_code == 404


def _finding(unit, now=None):
    report = site_completeness(unit, now=now)
    return next(item for item in report.items if item.code == "hoi-dap")


def test_completeness_missing_stale_present(registry, submit_question, published, board):
    stttt = registry["stttt"]
    assert _finding(stttt).status == Status.MISSING
    question = submit_question(now=at(2026, 2, 13))
    on_time = at(2026, 3, 6, 12)
    assert _finding(stttt, now=on_time).status == Status.MISSING
    late = _finding(stttt, now=at(2026, 3, 9, 12))
    assert late.status == Status.STALE and question.code in late.detail and "1 câu hỏi" in late.detail and "06/03/2026" in late.detail
    published()
    assert _finding(stttt, now=at(2026, 3, 9, 12)).status == Status.STALE
    Question.objects.filter(pk=question.pk).update(status=QuestionStatus.CLOSED)
    assert _finding(stttt, now=at(2026, 3, 9, 12)).status == Status.PRESENT
    assert _finding(registry["baoninh"]).status == Status.MISSING


def test_demo_is_idempotent_and_fills_main_and_stttt(registry):
    from portal.interaction import demo

    units = {"main": registry["province"], "stttt": registry["stttt"], "donghoi": registry["donghoi"], "baoninh": registry["baoninh"]}
    users = {
        key: {role: make_user(f"{key}.{role}", (unit, role)) for role in Role.values}
        for key, unit in units.items()
    }
    lines = []
    now = timezone.now()
    created = demo.seed(units, users, now, lines.append)
    assert created > 20 and lines
    assert demo.seed(units, users, now, lines.append) == 0, "a second run creates nothing"

    assert Question.objects.filter(unit=units["main"], status=QuestionStatus.PUBLISHED).count() >= 6
    assert Question.objects.filter(unit=units["stttt"], status=QuestionStatus.PUBLISHED).count() >= 6
    assert _finding(units["main"]).status == Status.PRESENT
    assert _finding(units["stttt"]).status == Status.PRESENT
    assert _finding(units["donghoi"]).status == Status.STALE
    assert _finding(units["baoninh"]).status == Status.MISSING
    assert not Question.objects.filter(unit=units["baoninh"]).exists()
