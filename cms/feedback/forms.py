"""Forms of the feedback admin: queue filters, staff entry, workflow actions."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.agencies.models import Agency
from cms.clusters.models import Cluster

from .models import Feedback

FLOOD_CHOICES = [
    ("", _("Hide suspected floods")),
    ("yes", _("Only suspected floods")),
    ("all", _("Show all")),
]


def language_choices():
    return [
        (code, settings.ALL_LANGUAGES.get(code, code))
        for code in sorted(
            set(settings.CONTENT_LANGUAGES) | set(settings.ALL_LANGUAGES)
        )
    ]


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All"))] + Feedback.Status.choices,
    )
    cluster = forms.ModelChoiceField(
        label=_("Cluster"),
        required=False,
        queryset=Cluster.objects.all(),
        empty_label=_("All"),
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    flood = forms.ChoiceField(label=_("Flood"), required=False, choices=FLOOD_CHOICES)
    duplicates = forms.BooleanField(label=_("Show duplicates"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("All"))] + language_choices()


class StaffEntryForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("Channel"),
        choices=[c for c in Feedback.Channel.choices if c[0] != "kiosk"],
    )
    language = forms.ChoiceField(label=_("Original language"), initial="vi")
    text = forms.CharField(
        label=_("Original text"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Write it as the person said or wrote it, in their language."),
    )
    summary = forms.CharField(
        label=_("Translation or summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    cluster = forms.ModelChoiceField(
        label=_("Cluster"), required=False, queryset=Cluster.objects.all()
    )
    sent_at = forms.DateTimeField(
        label=_("Received from the person at"),
        initial=timezone.now,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    contact = forms.CharField(
        label=_("Contact (optional)"), required=False, max_length=200
    )
    consent = forms.BooleanField(
        label=_("The person agreed that their contact is kept to reply to them"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()

    def clean(self):
        data = super().clean()
        if data.get("contact", "").strip() and not data.get("consent"):
            self.add_error(
                "consent",
                _(
                    "A contact is kept only with the person's consent: tick the "
                    "consent box, or leave the contact empty."
                ),
            )
        return data


class ForwardForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Responsible body"), queryset=Agency.objects.all()
    )
    note = forms.CharField(label=_("Note"), required=False)


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer"), widget=forms.Textarea(attrs={"rows": 4})
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label=_("Translation or summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
