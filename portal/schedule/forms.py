from wagtail.models import Page

from portal.pages.forms import PortalPageForm
from portal.schedule.weeks import IsoWeek, is_valid_week


class WeekSchedulePageForm(PortalPageForm):
    """The week's editor: title and slug follow the week; entries must fall inside it; leaders are the unit's people."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        unit_id = self.instance.unit_id or getattr(getattr(self.parent_page, "specific_deferred", None), "unit_id", None)
        entries = self.formsets.get("schedule_entries")
        if entries is not None:
            _limit_leaders(entries, unit_id)

    def clean(self):
        cleaned_data = super().clean()
        year, number = cleaned_data.get("iso_year"), cleaned_data.get("iso_week")
        if year is None or number is None:
            return cleaned_data
        if not is_valid_week(year, number):
            self.add_error("iso_week", f"Năm {year} không có tuần {number}.")
            return cleaned_data
        week = IsoWeek(year, number)
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        if parent is not None and not Page._slug_is_available(week.slug, parent, self.instance):
            self.add_error("iso_week", f"Đã có lịch công tác {week.label}; hãy sửa trang đó thay vì tạo trang mới.")
        entries = self.formsets.get("schedule_entries")
        if entries is not None:
            for form in entries.forms:
                if not form.is_valid() or form.cleaned_data.get("DELETE"):
                    continue
                day = form.cleaned_data.get("date")
                if day and not week.contains(day):
                    form.add_error("date", f"Ngày {day:%d/%m/%Y} không thuộc {week.label}.")
        return cleaned_data


def _limit_leaders(formset, unit_id) -> None:
    """Offer only the unit's own people in every entry form, including the blank one added by script."""
    from portal.registry.models import Person

    people = Person.objects.filter(owner_unit_id=unit_id) if unit_id else Person.objects.none()
    base = formset.form

    class EntryForm(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if "leader" in self.fields:
                self.fields["leader"].queryset = people

    EntryForm.__name__ = base.__name__
    formset.form = EntryForm
