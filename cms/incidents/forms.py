"""The incident edit form: who opened it, who wrote each entry, entries kept.

A timeline is a record: once saved, an entry's time and text are shown but
not editable and it cannot be removed; a correction is a new entry.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

KEPT_FIELDS = ("at", "text")


class IncidentForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form in self.formsets["entries"].initial_forms:
            for name in KEPT_FIELDS:
                form.fields[name].disabled = True

    def clean(self):
        cleaned_data = super().clean()
        entries = self.formsets["entries"]
        if any(form.instance.pk for form in entries.deleted_forms):
            raise ValidationError(
                _(
                    "Timeline entries are kept as a record and cannot be removed; "
                    "add a new entry to correct one."
                )
            )
        return cleaned_data

    def save(self, commit=True):
        user = self.for_user
        if user is not None:
            if self.instance.pk is None:
                self.instance.opened_by = user
            for form in self.formsets["entries"].forms:
                if form.instance.pk is None and form.has_changed():
                    form.instance.author = user
        return super().save(commit=commit)
