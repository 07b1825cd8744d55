from wagtail.admin.forms import WagtailAdminPageForm

from portal.core.legacy_encodings import LegacyTextFormMixin
from portal.core.text import ascii_slug


class PortalPageForm(LegacyTextFormMixin, WagtailAdminPageForm):
    """Page form for every portal page type (text pasted in TCVN3/VNI is converted or refused)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A callable default (published_at=now) makes Django compare against a hidden initial
        # value Wagtail never renders, so each save would count as an edit and restart review.
        for field in self.fields.values():
            field.show_hidden_initial = False
        # A required field left empty when publishing says why, as the publish check does.
        check = getattr(self.instance, "publish_metadata_errors", None)
        if check is not None:
            for name, message in check(authors="", lead="").items():
                if name in self.fields:
                    self.fields[name].error_messages = {**self.fields[name].error_messages, "required": message}

    def clean_slug(self):
        return ascii_slug(self.cleaned_data.get("slug", ""))

    def clean(self):
        cleaned_data = super().clean()
        self._check_publish_metadata(cleaned_data)
        return cleaned_data

    def _check_publish_metadata(self, cleaned_data):
        # Saving a draft defers required fields; publishing, submitting to the workflow or acting
        # on a workflow task does not, and then an article needs its authors and lead.
        if getattr(self, "is_deferred_validation", False):
            return
        check = getattr(self.instance, "publish_metadata_errors", None)
        if check is None:
            return
        errors = check(authors=cleaned_data.get("authors", ""), lead=cleaned_data.get("lead", ""))
        for name, message in errors.items():
            if name in self.fields and name not in self.errors:
                self.add_error(name, message)
