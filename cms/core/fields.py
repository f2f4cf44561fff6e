from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class LanguageListField(models.JSONField):
    """A list of content-language codes, chosen with check boxes in the admin."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=lambda: settings.WAGTAIL_CONTENT_LANGUAGES,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        known = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
        unknown = [code for code in value or [] if code not in known]
        if unknown:
            raise ValidationError(
                _("Unknown language code(s) %(codes)s; choose from %(known)s."),
                params={"codes": ", ".join(unknown), "known": ", ".join(sorted(known))},
                code="unknown_language",
            )


class LanguageCodeField(models.CharField):
    """One content-language code, chosen from a list in the admin."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 10)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.ChoiceField(
            choices=lambda: settings.WAGTAIL_CONTENT_LANGUAGES,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )
