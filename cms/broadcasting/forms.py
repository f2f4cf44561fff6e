"""The airtime policy form: windows of one day type must not overlap."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from .days import DayType
from .windows import Window, WindowError


class AirtimePolicyForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("windows")
        if formset is not None and formset.is_valid():
            self._overlaps_refuse(formset)
        return cleaned

    def _overlaps_refuse(self, formset) -> None:
        """Mark the later of two overlapping windows of the same day type."""
        kept = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("start"):
                continue
            try:
                window = Window.from_times(data["start"], data["end"])
            except WindowError:
                continue
            kept.append((data["day_type"], window, form))
        kept.sort(key=lambda item: (item[0], item[1]))
        for i, (day_type, window, form) in enumerate(kept):
            for other_type, other, _form in kept[:i]:
                if other_type == day_type and window.start < other.end:
                    form.add_error(
                        None,
                        _(
                            "%(day_type)s: %(window)s overlaps %(other)s. Join them "
                            "into one window or move one of them."
                        )
                        % {
                            "day_type": DayType(day_type).label,
                            "window": window,
                            "other": other,
                        },
                    )
                    break
