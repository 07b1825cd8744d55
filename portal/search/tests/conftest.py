import datetime as dt

import pytest
from django.utils import timezone

from portal.conftest import news_section, publish_article


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the index updates) at the end of the block."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


def publish_question(unit, *, title, content, answer, code, published=True):
    from portal.interaction.constants import QuestionStatus
    from portal.interaction.models import Question

    now = timezone.now()
    return Question.objects.create(
        unit=unit, code=code, title=title, content=content, answer=answer, asker_name="Nguyễn Văn An",
        asker_email="an@example.com", received_at=now, due_date=now.date() + dt.timedelta(days=10),
        status=QuestionStatus.PUBLISHED if published else QuestionStatus.ANSWERED,
        published_at=now if published else None,
    )


__all__ = ["news_section", "publish_article", "publish_question"]
