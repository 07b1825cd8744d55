from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from portal.consultation.constants import CONSENT_PURPOSE
from portal.moderation.forms import PublicSubmissionForm
from portal.pages.forms import PortalPageForm


class ConsultationPageForm(PortalPageForm):
    """The editor's form: contact defaults from the unit, and the draft itself checked by content."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parent = getattr(self, "parent_page", None)
        if self.instance.pk is None and parent is not None:
            unit = getattr(parent.specific_deferred, "unit", None)
            if unit is not None:
                defaults = {
                    "drafting_unit_name": unit.display_name,
                    "receiving_address": unit.address,
                    "receiving_email": unit.email,
                }
                for name, value in defaults.items():
                    if name in self.fields and value and not self.initial.get(name):
                        self.initial[name] = value

    def clean(self):
        from portal.consultation.models import document_problem, rich_text_blank

        cleaned = super().clean()
        chosen = []
        formset = self.formsets.get("documents") if hasattr(self, "formsets") else None
        if formset is not None and formset.is_valid():
            for form in formset.forms:
                data = getattr(form, "cleaned_data", None) or {}
                if data.get("DELETE") or not data.get("document"):
                    continue
                chosen.append((form, data["document"]))
        bad = False
        for form, document in chosen:
            problem = document_problem(document)
            if problem:
                form.add_error("document", problem)
                bad = True
        if bad:
            self.add_error(None, "Tệp dự thảo phải là PDF, DOC hoặc DOCX (kiểm tra theo nội dung tệp).")
        if "body" in self.fields and rich_text_blank(cleaned.get("body")) and not chosen:
            self.add_error("body", "Cần có toàn văn dự thảo: nhập nội dung hoặc đính kèm ít nhất một tệp dự thảo.")
        return cleaned


class CommentForm(PublicSubmissionForm):
    """What a citizen sends on a draft; honeypot, time token, rate limit and consent come from the base form."""

    consent_purpose = CONSENT_PURPOSE

    name = forms.CharField(label="Họ và tên", max_length=255, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label="Thư điện tử",
        help_text="Không công khai; chỉ dùng để liên hệ khi cần làm rõ góp ý.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.CharField(
        label="Cơ quan, tổ chức (nếu có)", max_length=255, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    content = forms.CharField(label="Nội dung góp ý", max_length=20000, widget=forms.Textarea(attrs={"rows": 8}))
    attachment = forms.FileField(label="Tệp đính kèm (nếu có)", required=False)

    field_order = ["name", "email", "organisation", "content", "attachment", "consent", "website", "token"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachment"].help_text = (
            f"PDF, Word, Excel, ODT, ảnh JPEG hoặc PNG; tối đa {filesizeformat(settings.PORTAL_ATTACHMENT_MAX_BYTES)}. "
            "Tệp không được công khai."
        )
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}_helptext"

    def mark_errors(self) -> None:
        """Tie each error message to its field for screen readers (WCAG 3.3.1)."""
        for name in self.errors:
            if name not in self.fields:
                continue
            attrs = self.fields[name].widget.attrs
            attrs["aria-invalid"] = "true"
            attrs["aria-describedby"] = " ".join(filter(None, [f"id_{name}_error", attrs.get("aria-describedby", "")]))
