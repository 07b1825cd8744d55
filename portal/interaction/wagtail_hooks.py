from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from portal.interaction import permissions, urls

LOG_ACTIONS = {
    "portal.question.receive": ("Tiếp nhận câu hỏi, phản ánh", "Tiếp nhận"),
    "portal.question.assign": ("Giao xử lý câu hỏi, phản ánh", "Giao xử lý"),
    "portal.question.answer": ("Trả lời câu hỏi, phản ánh", "Trả lời"),
    "portal.question.reopen": ("Mở lại câu hỏi để xử lý tiếp", "Mở lại"),
    "portal.question.publish": ("Đăng công khai câu trả lời", "Đăng công khai"),
    "portal.question.unpublish": ("Gỡ câu trả lời khỏi trang", "Gỡ khỏi trang"),
    "portal.question.close": ("Kết thúc câu hỏi không thuộc phạm vi", "Không thuộc phạm vi"),
    "portal.question.reject": ("Từ chối câu hỏi vi phạm", "Từ chối"),
    "portal.question.topic": ("Sửa danh sách lĩnh vực hỏi đáp", "Sửa lĩnh vực"),
}


@hooks.register("register_log_actions")
def register_interaction_log_actions(actions):
    # The history table shows the message, so the message is the full sentence.
    for action, (sentence, short) in LOG_ACTIONS.items():
        actions.register_action(action, short, sentence)


@hooks.register("register_admin_urls")
def register_interaction_urls():
    return [path("hoi-dap/", include(urls, namespace="interaction"))]


def _handles_questions(user) -> bool:
    unit_ids = permissions.units_user_handles_questions_for(user)
    return unit_ids is None or bool(unit_ids)


class QuestionMenuItem(MenuItem):
    def is_shown(self, request):
        return _handles_questions(request.user)


@hooks.register("register_admin_menu_item")
def register_question_menu_item():
    return QuestionMenuItem("Hỏi đáp, phản ánh", reverse("interaction:queue"), icon_name="help", order=260)


class PendingQuestionsPanel(Component):
    """Dashboard: “Hỏi đáp chờ xử lý” with open and overdue counts for the user's units."""

    name = "pending_questions"
    template_name = "interaction/admin/panel.html"
    order = 140

    def get_context_data(self, parent_context):
        from portal.interaction.selectors import question_counts

        request = parent_context["request"]
        return {"counts": question_counts(request.user), "queue_url": reverse("interaction:queue")}


@hooks.register("construct_homepage_panels")
def add_pending_questions_panel(request, panels):
    if _handles_questions(request.user):
        panels.append(PendingQuestionsPanel())
