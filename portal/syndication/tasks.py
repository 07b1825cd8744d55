from django.core.mail import send_mail
from django_tasks import task

from portal.editorial.selectors import main_board_emails
from portal.syndication.models import Proposal


@task()
def notify_main_board_task(proposal_id: int) -> int:
    """E-mail the main portal's board about a new proposal; returns how many were told."""
    proposal = Proposal.objects.select_related("article", "unit").filter(pk=proposal_id).first()
    if proposal is None:
        return 0
    recipients = main_board_emails()
    if not recipients:
        return 0
    send_mail(
        subject=f"[Cổng TTĐT] Đề nghị đưa tin lên Trang chính: {proposal.article.title}",
        message=(
            f"{proposal.unit.display_name} đề nghị đưa tin “{proposal.article.title}” lên Trang chính.\n"
            f"Lời nhắn: {proposal.note or '(không có)'}\n"
            "Vui lòng vào trang quản trị, mục “Đề nghị lên Trang chính”, để xem xét."
        ),
        from_email=None,
        recipient_list=recipients,
    )
    return len(recipients)
