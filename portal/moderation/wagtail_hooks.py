from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.moderation.models import ProhibitedTerm


class ProhibitedTermViewSet(SnippetViewSet):
    """Operator-managed list; moderators see the hits next to each submission."""

    model = ProhibitedTerm
    icon = "warning"
    menu_label = "Từ ngữ cần kiểm tra"
    menu_order = 920
    add_to_admin_menu = True
    list_display = ["term", "category", "active"]
    list_filter = ["category", "active"]
    search_fields = ["term"]
    panels = [FieldPanel("term"), FieldPanel("category"), FieldPanel("active"), FieldPanel("note")]


register_snippet(ProhibitedTermViewSet)
