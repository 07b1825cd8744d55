from django.conf import settings
from django.db import models

from portal.syndication.constants import ProposalStatus


class Proposal(models.Model):
    """A unit's published article proposed to the main portal (Điều 9 khoản 3c).

    The main portal shows the source article itself, so later edits and
    withdrawal at the source show up without copying.
    """

    article = models.ForeignKey(
        "portal_pages.ArticlePage", on_delete=models.CASCADE, related_name="proposals", verbose_name="Tin, bài"
    )
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="proposals", verbose_name="Đơn vị đề nghị")
    status = models.CharField("Trạng thái", max_length=16, choices=ProposalStatus.choices, default=ProposalStatus.PENDING)
    note = models.TextField("Lời nhắn của đơn vị", blank=True)
    decision_note = models.TextField("Ý kiến của Ban biên tập Trang chính", blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Người đề nghị"
    )
    proposed_at = models.DateTimeField("Thời điểm đề nghị", auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Người quyết định"
    )
    decided_at = models.DateTimeField("Thời điểm quyết định", null=True, blank=True)

    class Meta:
        verbose_name = "Đề nghị đưa tin lên Trang chính"
        verbose_name_plural = "Đề nghị đưa tin lên Trang chính"
        ordering = ["-proposed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["article"],
                condition=models.Q(status__in=["pending", "accepted"]),
                name="one_open_proposal_per_article",
            )
        ]

    def __str__(self):
        return f"{self.article.title} ({self.get_status_display()})"
