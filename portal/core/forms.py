"""Form pieces shared by the admin screens."""


class DescribedFieldsMixin:
    """Point each input at its hint and error (`aria-describedby`, `aria-invalid`) once validation has run.

    Templates render hints as `<id>-help` and errors as `<id>-error`.
    """

    def describe(self):
        for name, field in self.fields.items():
            bound = self[name]
            ids = [f"{bound.id_for_label}-help"] if field.help_text else []
            if self.is_bound and bound.errors:
                ids.append(f"{bound.id_for_label}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)
        return self
