"""The form that issues an emergency; its choices are limited to the user's clusters."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateTimeInput

from cms.programmes.models import Programme

from .selectors import clusters_for_user


class EmergencyIssueForm(forms.Form):
    clusters = forms.ModelMultipleChoiceField(
        label=_("Clusters"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )
    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=None,
        required=False,
        help_text=_(
            "Optional. Its rendition for every LED face must be in the clusters' "
            "current release."
        ),
    )
    until = forms.DateTimeField(
        label=_("Until"),
        required=False,
        widget=AdminDateTimeInput,
        help_text=_("Leave empty to run until cancelled. It starts now."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clusters"].queryset = clusters_for_user(user=user)
        self.fields["programme"].queryset = Programme.objects.filter(
            live=True, locale__language_code=settings.LANGUAGE_CODE
        ).order_by("title")
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": name},
                max_length=120,
                required=False,
            )
            self.fields[f"text_{code}"] = forms.CharField(
                label=_("Message (%(language)s)") % {"language": name},
                max_length=1000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def language_fields(self) -> list[tuple]:
        """(title field, text field) per content language, for the template."""
        return [
            (self[f"title_{code}"], self[f"text_{code}"])
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        ]

    def clean(self):
        cleaned = super().clean()
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
            title = cleaned.get(f"title_{code}", "").strip()
            text = cleaned.get(f"text_{code}", "").strip()
            if bool(title) != bool(text):
                self.add_error(
                    f"text_{code}" if title else f"title_{code}",
                    _("Write both the title and the message in %(language)s.")
                    % {"language": name},
                )
        return cleaned

    def messages(self) -> dict[str, tuple[str, str]]:
        """{language: (title, text)} for every language written."""
        out = {}
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            title = self.cleaned_data.get(f"title_{code}", "").strip()
            text = self.cleaned_data.get(f"text_{code}", "").strip()
            if title and text:
                out[code] = (title, text)
        return out
