from wagtail.admin.forms import WagtailAdminPageForm

from portal.core.text import ascii_slug


class PortalPageForm(WagtailAdminPageForm):
    """Page form for every portal page type."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A callable default (published_at=now) makes Django compare against a hidden initial
        # value Wagtail never renders, so each save would count as an edit and restart review.
        for field in self.fields.values():
            field.show_hidden_initial = False

    def clean_slug(self):
        return ascii_slug(self.cleaned_data.get("slug", ""))
