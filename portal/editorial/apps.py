from django.apps import AppConfig


def vietnamese_full_name(user) -> str:
    """Họ và tên đệm, then tên: "Nguyễn Văn" + "An" reads "Nguyễn Văn An", not "An Nguyễn Văn"."""
    return f"{user.last_name} {user.first_name}".strip()


class EditorialConfig(AppConfig):
    name = "portal.editorial"
    verbose_name = "Ban biên tập"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth import get_user_model

        # Wagtail shows get_full_name() everywhere (workflow history, comments, listings); the
        # stock User puts the given name first, which is backwards for Vietnamese names.
        get_user_model().get_full_name = vietnamese_full_name
