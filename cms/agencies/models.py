from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Agency(index.Indexed, models.Model):
    """A body that provides material or operates clusters."""

    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("Provincial department")
        DISTRICT = "district", _("District People's Committee")
        BORDER_GUARD = "border_guard", _("Border guard")
        POLICE = "police", _("Police")
        PRESS = "press", _("Newspaper")
        RADIO_TV = "radio_tv", _("Radio and television")
        ECONOMIC_ZONE = "economic_zone", _("Economic zone authority")
        FOREIGN_AFFAIRS = "foreign_affairs", _("Foreign affairs")

    name = models.CharField(_("name"), max_length=255, unique=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    slug = models.SlugField(
        _("code"),
        unique=True,
        help_text=_("Used to name the agency's provider group, e.g. border-guard."),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("email"),
        FieldPanel("phone"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]

    def __str__(self):
        return self.short_name or self.name
