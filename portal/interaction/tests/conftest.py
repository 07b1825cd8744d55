import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from portal.conftest import PASSWORD
from portal.interaction import services
from portal.interaction.constants import QuestionKind
from portal.interaction.models import Topic
from portal.moderation.forms import form_token

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(year, month, day, hour=9, minute=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=VN)


def login(client, username):
    client.logout()
    assert client.login(username=username, password=PASSWORD)


def form_data(**overrides) -> dict:
    data = {
        "token": form_token(),
        "website": "",
        "kind": QuestionKind.QUESTION,
        "title": "Thủ tục cấp giấy phép thiết lập trang thông tin điện tử tổng hợp",
        "content": "Doanh nghiệp tôi muốn lập trang tin tổng hợp thì cần hồ sơ gì và nộp ở đâu?",
        "asker_name": "Nguyễn Văn An",
        "asker_email": "an.nguyen@example.com",
        "asker_phone": "0912 345 678",
        "asker_address": "Phường Đồng Phú, TP Đồng Hới",
        "consent": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def topics(registry):
    stttt = registry["stttt"]
    return {
        "vt": Topic.objects.create(unit=stttt, name="Viễn thông – Internet", sort_order=1),
        "bc": Topic.objects.create(unit=stttt, name="Báo chí – Xuất bản", sort_order=2),
    }


@pytest.fixture
def submit_question(registry, topics):
    """Receive a question on Sở TTTT through the service, as the form would."""

    def make(**fields):
        values = {
            "unit": registry["stttt"],
            "kind": QuestionKind.QUESTION,
            "topic": topics["vt"],
            "title": "Thủ tục cấp giấy phép thiết lập trang thông tin điện tử tổng hợp",
            "content": "Doanh nghiệp tôi cần hồ sơ gì?",
            "asker_name": "Nguyễn Văn An",
            "asker_email": "an.nguyen@example.com",
            "asker_phone": "0912 345 678",
        }
        values.update(fields)
        return services.question_submit(**values)

    return make


@pytest.fixture
def published(submit_question, board):
    """A question taken through the whole board workflow to publication."""

    def make(**fields):
        answer = fields.pop("answer", "Hồ sơ gồm đơn đề nghị theo mẫu và đề án hoạt động; nộp tại Bộ phận một cửa của Sở.")
        question = submit_question(**fields)
        services.question_assign(question=question, actor=board["head"], assignee=board["editor"])
        services.question_answer(question=question, actor=board["editor"], answer=answer)
        return services.question_publish(question=question, actor=board["head"])

    return make
