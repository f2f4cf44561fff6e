"""The incident edit form records who opened it and who wrote each entry."""

from wagtail.admin.forms import WagtailAdminModelForm


class IncidentForm(WagtailAdminModelForm):
    def save(self, commit=True):
        user = self.for_user
        if user is not None:
            if self.instance.pk is None:
                self.instance.opened_by = user
            for form in self.formsets["entries"].forms:
                if form.instance.pk is None and form.has_changed():
                    form.instance.author = user
        return super().save(commit=commit)
