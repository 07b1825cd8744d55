"""The editorial workflow in the real admin, in a real browser.

A Cộng tác viên writes and submits an article; the Biên tập viên approves the
first task and the Trưởng ban the second, which publishes it; the public site
then shows it. A second test has the Biên tập viên send an article back with a
comment, which the Cộng tác viên reads before resubmitting.

Reviewers act from the dashboard's "Awaiting your review" panel, the reviewers'
inbox; the last test approves from the page editor's action menu instead.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import PASSWORD

pytestmark = [
    pytest.mark.e2e,
    # The live server sees only committed data; serialized_rollback restores the rows
    # Wagtail's migrations create (root page, locale, root collection) after the flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Quảng Bình đẩy mạnh chuyển đổi số trong cơ quan nhà nước"
LEAD = "Sở Thông tin và Truyền thông hướng dẫn các cơ quan triển khai hồ sơ điện tử."
BODY_TEXT = "Năm 2025, toàn tỉnh phấn đấu 100% hồ sơ công việc được xử lý trên môi trường mạng."
ADMIN_HOME = re.compile(r"/admin/$")


@pytest.fixture(autouse=True)
def quiet_editor(settings):
    """No background writes while the test drives the editor.

    Autosave and editing-session pings post on timers; they have nothing to do
    with the workflow and would only make the steps race them.
    """
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 10 * 60 * 1000


# --- steps -----------------------------------------------------------------------


def log_in(page: Page, sites, user) -> None:
    page.goto(sites.url(sites.agency, "/admin/login/"))
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.login-form [type=submit]").click()
    page.wait_for_url(ADMIN_HOME)
    expect(page.locator("button.sidebar-footer__account")).to_be_visible()


def log_out(page: Page) -> None:
    """Sign out through the sidebar's account menu (a POST with the CSRF token)."""
    account = page.locator("button.sidebar-footer__account")
    if account.get_attribute("aria-expanded") != "true":
        account.click()
    page.locator("form[action$='/admin/logout/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/login/"))
    expect(page.locator("#id_username")).to_be_visible()


def expect_success_message(page: Page) -> None:
    expect(page.locator(".messages li.success").first).to_be_visible()


def click_footer_action(page: Page, selector: str) -> None:
    """Click an action of the editor's action menu: the default button or one in its dropdown."""
    button = page.locator(f"footer {selector}").first
    if not button.is_visible():
        toggle = page.locator("footer .w-dropdown__toggle").first
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(button).to_be_visible()
    button.click()


def write_article(page: Page, sites, section, *, title: str) -> None:
    page.goto(sites.url(sites.agency, f"/admin/pages/add/portal_pages/articlepage/{section.pk}/"))
    page.locator("#id_title").fill(title)
    page.locator("#id_lead").fill(LEAD)
    # Dublin Core "creator": an article cannot go to review or be published without its authors.
    page.locator("#id_authors").fill("Phòng Văn hoá và Thông tin")
    body = page.locator(".Draftail-Editor [contenteditable=true]").first
    body.click()
    page.keyboard.type(BODY_TEXT)
    expect(body).to_contain_text(BODY_TEXT)
    # Draftail copies its state into the hidden input on a short debounce.
    expect(page.locator("input[type=hidden][name=body]")).to_have_value(
        re.compile(re.escape(BODY_TEXT[:20]))
    )


def submit_for_review(page: Page) -> None:
    click_footer_action(page, "button[name=action-submit]")
    # On success the editor goes back to the section's listing in the explorer.
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    expect_success_message(page)


def awaiting_review_row(page: Page, title: str):
    page.goto(re.sub(r"/admin/.*$", "/admin/", page.url))
    row = page.locator("#awaiting-review-section tr", has_text=title)
    expect(row).to_have_count(1)
    return row


def open_row_actions(row) -> None:
    toggle = row.locator(".actions-container .w-dropdown__toggle")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")


def approve_from_dashboard(page: Page, title: str) -> None:
    row = awaiting_review_row(page, title)
    open_row_actions(row)
    with page.expect_navigation():
        row.locator(
            'button[data-workflow-action-url*="/approve/"]:not([data-launch-modal])'
        ).click()
    # The dashboard posts the decision and comes back to itself (without a message).
    page.wait_for_url(ADMIN_HOME)
    expect(page.locator("#awaiting-review-section tr", has_text=title)).to_have_count(0)


def request_changes_from_dashboard(page: Page, title: str, comment: str) -> None:
    row = awaiting_review_row(page, title)
    open_row_actions(row)
    row.locator('button[data-workflow-action-url*="/reject/"]').click()
    dialog = page.get_by_role("dialog")
    dialog.locator("textarea[name=comment]").fill(comment)
    with page.expect_navigation():
        dialog.locator("[type=submit]").click()
    page.wait_for_url(ADMIN_HOME)
    expect(page.locator("#awaiting-review-section tr", has_text=title)).to_have_count(0)


def current_task_name(article) -> str:
    from wagtail.models import WorkflowState

    return (
        WorkflowState.objects.active().get(object_id=str(article.pk)).current_task_state.task.name
    )


def article_by_title(title: str):
    from portal.pages.models import ArticlePage

    return ArticlePage.objects.get(title=title)


def contributor_writes_and_submits(new_page, board, title: str):
    from portal.editorial.constants import Role

    page = new_page()
    log_in(page, board, board.users[Role.CONTRIBUTOR])
    write_article(page, board, board.section(board.agency), title=title)
    submit_for_review(page)
    return page, article_by_title(title)


# --- tests -----------------------------------------------------------------------


def test_contributor_submits_editor_and_board_head_approve_then_public_sees_it(new_page, board):
    from wagtail.models import PageLogEntry, WorkflowState

    from portal.editorial.constants import Role

    contributor, editor, head = (
        board.users[r] for r in (Role.CONTRIBUTOR, Role.EDITOR, Role.BOARD_HEAD)
    )

    # 1. The Cộng tác viên writes the article and submits it to the site's workflow.
    page, article = contributor_writes_and_submits(new_page, board, TITLE)
    assert not article.live
    assert article.owner_id == contributor.pk
    assert article.unit_id == board.agency.pk
    state = WorkflowState.objects.active().get(object_id=str(article.pk))
    assert state.requested_by_id == contributor.pk
    assert "Biên tập viên" in current_task_name(article)
    # A Cộng tác viên may not publish: there is no publish action for them.
    page.goto(board.url(board.agency, f"/admin/pages/{article.pk}/edit/"))
    expect(page.locator("footer button[name=action-publish]")).to_have_count(0)
    log_out(page)

    anonymous = new_page()
    response = anonymous.goto(board.url(board.agency, "/tin-tuc-su-kien/"))
    assert response.status == 200
    expect(anonymous.locator("main")).not_to_contain_text(TITLE)
    assert (
        anonymous.goto(board.url(board.agency, "/tin-tuc-su-kien/" + article.slug + "/")).status
        == 404
    )

    # 2. The Biên tập viên approves the first task; the article is still not public.
    page = new_page()
    log_in(page, board, editor)
    approve_from_dashboard(page, TITLE)
    article.refresh_from_db()
    assert not article.live
    assert "Trưởng ban" in current_task_name(article)

    # 3. The Trưởng ban approves the second task, which publishes the article.
    page = new_page()
    log_in(page, board, head)
    approve_from_dashboard(page, TITLE)

    article.refresh_from_db()
    assert article.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    entries = PageLogEntry.objects.filter(page=article)
    assert entries.filter(action="wagtail.workflow.start", user=contributor).exists()
    assert entries.filter(action="wagtail.workflow.approve", user=editor).exists()
    assert entries.filter(action="wagtail.workflow.approve", user=head).exists()
    assert entries.filter(action="wagtail.publish", user=head).exists()

    # 4. The public site lists the article in its section, on the unit's home, and serves it.
    public = new_page()
    response = public.goto(board.url(board.agency, "/tin-tuc-su-kien/"))
    assert response.status == 200
    link = public.get_by_role("link", name=TITLE)
    expect(link).to_be_visible()
    link.click()
    public.wait_for_url(article.get_full_url())
    expect(public.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(public.locator("main")).to_contain_text(LEAD)
    expect(public.locator("main")).to_contain_text(BODY_TEXT)
    assert public.goto(article.get_full_url()).status == 200
    public.goto(board.url(board.agency))
    expect(public.get_by_role("link", name=TITLE)).to_be_visible()


def test_editor_requests_changes_and_contributor_sees_it_returned(new_page, board):
    from wagtail.models import PageLogEntry, TaskState, WorkflowState

    from portal.editorial.constants import Role

    contributor, editor = board.users[Role.CONTRIBUTOR], board.users[Role.EDITOR]
    title = "Hướng dẫn cài đặt ứng dụng định danh điện tử"
    comment = "Đề nghị bổ sung nguồn số liệu và ảnh minh hoạ."

    page, article = contributor_writes_and_submits(new_page, board, title)
    log_out(page)

    # The Biên tập viên sends it back with a comment.
    page = new_page()
    log_in(page, board, editor)
    request_changes_from_dashboard(page, title, comment)
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    rejected = TaskState.objects.get(workflow_state=state, status=TaskState.STATUS_REJECTED)
    assert rejected.finished_by_id == editor.pk
    assert rejected.comment == comment
    assert PageLogEntry.objects.filter(
        page=article, action="wagtail.workflow.reject", user=editor
    ).exists()

    # The Cộng tác viên finds it returned on the dashboard and reads the comment.
    page = new_page()
    log_in(page, board, contributor)
    row = page.locator("#objects-in-workflow-section tr", has_text=title)
    expect(row).to_have_count(1)
    expect(row.locator("td.task svg.icon-warning")).to_have_count(1)
    page.goto(board.url(board.agency, f"/admin/pages/{article.pk}/history/"))
    expect(page.locator("main")).to_contain_text(comment)

    # They revise the lead and resubmit; the article goes back to the Biên tập viên.
    page.goto(board.url(board.agency, f"/admin/pages/{article.pk}/edit/"))
    page.locator("#id_lead").fill(LEAD + " Số liệu: Sở Thông tin và Truyền thông, tháng 6/2025.")
    click_footer_action(page, "button[name=action-submit]")
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    expect_success_message(page)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "Biên tập viên" in current_task_name(article)
    article.refresh_from_db()
    assert not article.live
    assert "Số liệu" in article.get_latest_revision_as_object().lead


def test_editor_approves_from_the_page_editor(new_page, board):
    from portal.editorial.constants import Role

    title = "Kế hoạch phát triển hạ tầng số năm 2026"
    page, article = contributor_writes_and_submits(new_page, board, title)
    assert "Biên tập viên" in current_task_name(article)
    log_out(page)

    page = new_page()
    log_in(page, board, board.users[Role.EDITOR])
    page.goto(board.url(board.agency, f"/admin/pages/{article.pk}/edit/"))
    expect(page.locator("#id_title")).to_have_value(title)
    click_footer_action(
        page, 'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    )
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    expect_success_message(page)
    assert "Trưởng ban" in current_task_name(article)
