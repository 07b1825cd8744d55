from django.db import models

from portal.editorial.constants import Role


class ConsultationStatus(models.TextChoices):
    """Computed from the clock, never stored: a consultation opens and closes on its own."""

    UPCOMING = "upcoming", "Sắp lấy ý kiến"
    OPEN = "open", "Đang lấy ý kiến"
    CLOSED = "closed", "Đã kết thúc"


# Trưởng ban and Biên tập viên of the consultation's unit moderate and answer its comments.
MODERATING_ROLES = {Role.BOARD_HEAD, Role.EDITOR}

# Rate-limit scope of the public comment form (per client IP, per hour).
RATE_SCOPE = "gop-y-du-thao"
# Privacy notice the commenter agrees to (portal.moderation.services.DEFAULT_NOTICES).
CONSENT_PURPOSE = "gop-y-du-thao"

COMMENTS_PAGE_SIZE = 20
