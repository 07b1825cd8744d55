from django.core.mail import send_mail
from django_tasks import task

from portal.consultation.models import DraftComment


@task()
def notify_new_comment_task(comment_id: int) -> int:
    """Tell the receiving unit that a comment is waiting for moderation; returns how many were told.

    The e-mail carries no personal data of the commenter: the board reads it in the admin.
    """
    comment = DraftComment.objects.select_related("consultation", "consultation__unit").filter(pk=comment_id).first()
    if comment is None:
        return 0
    consultation = comment.consultation
    recipient = consultation.receiving_email_display
    if not recipient:
        return 0
    send_mail(
        subject=f"[Cổng TTĐT] Góp ý mới về dự thảo: {consultation.title}",
        message=(
            f"Dự thảo “{consultation.title}” vừa nhận góp ý mới, mã {comment.reference}.\n"
            "Góp ý chỉ được công khai sau khi Ban biên tập kiểm duyệt. "
            "Vui lòng vào trang quản trị, mục “Góp ý dự thảo”, để xem và kiểm duyệt."
        ),
        from_email=None,
        recipient_list=[recipient],
    )
    return 1
