import mimetypes

from django.apps import AppConfig


class LegaldocsConfig(AppConfig):
    name = "portal.legaldocs"
    verbose_name = "Văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Wagtail serves documents with the type guessed from the name; hosts without
        # /etc/mime.types would send Word files as application/octet-stream.
        mimetypes.add_type("application/pdf", ".pdf")
        mimetypes.add_type("application/msword", ".doc")
        mimetypes.add_type("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")
