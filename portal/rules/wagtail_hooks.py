from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.rules.models import CalendarDay, LegalRule


class LegalRuleViewSet(SnippetViewSet):
    model = LegalRule
    icon = "clipboard-list"
    menu_label = "Tham số pháp lý"
    list_display = ["title", "key", "value", "unit", "valid_from", "confirmed"]
    list_filter = ["key", "confirmed"]
    search_fields = ["title", "key", "legal_basis"]
    # The operator reviews every rule at once; there are a few dozen.
    list_per_page = 100
    ordering = ["key", "valid_from"]
    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("valid_from")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("value"), FieldPanel("unit")]),
        FieldPanel("legal_basis"),
        FieldPanel("confirmed"),
        FieldPanel("note"),
    ]


class CalendarDayViewSet(SnippetViewSet):
    model = CalendarDay
    icon = "date"
    menu_label = "Lịch nghỉ lễ, làm bù"
    list_display = ["date", "name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]), FieldPanel("name"), FieldPanel("legal_basis")]


class RulesGroup(SnippetViewSetGroup):
    items = (LegalRuleViewSet, CalendarDayViewSet)
    menu_icon = "clipboard-list"
    menu_label = "Quy định, lịch làm việc"
    menu_order = 910


register_snippet(RulesGroup)
