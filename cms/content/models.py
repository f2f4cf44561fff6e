"""Pages the kiosks show, one tree per locale (wagtail-localize).

Text is translated; coordinates, dates, images, categories and targeting are
synchronised from the Vietnamese source so that translators cannot change them.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core.categories import Category
from cms.headless.serializers import AgencyField, RichTextHTMLField, StreamHTMLField

from .blocks import BodyBlock, HotlineBlock, OpeningHoursBlock
from .previews import preview_mode, preview_modes

CONTENT_PAGE_TYPES = [
    "content.InformationPage",
    "content.PlacePage",
    "content.EventPage",
    "content.BorderProcedurePage",
    "content.HotlinesPage",
    "content.NoticePage",
]


class KioskPreviewMixin:
    """Preview in the modes other apps register (the kiosks app: as the kiosk
    shows it, see cms.content.previews), or as the public portal."""

    @property
    def preview_modes(self):
        registered = [(mode.name, mode.label) for mode in preview_modes()]
        return [*registered, ("portal", _("Public portal"))]

    def serve_preview(self, request, mode_name):
        mode = preview_mode(mode_name)
        if mode is not None:
            return mode.render(request, self)
        return super().serve_preview(request, mode_name)


class KioskPage(KioskPreviewMixin, Page):
    """Fields every kiosk page carries: category, provider, credit, targeting."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown on tiles and in search results."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    category = models.CharField(_("category"), max_length=40, choices=Category.choices)
    providing_agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("providing agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    source_credit = models.CharField(
        _("source credit"),
        max_length=255,
        blank=True,
        help_text=_("Who the material comes from, shown with it (Đắk Nông Art. 14.2)."),
    )
    all_clusters = models.BooleanField(
        _("show on all clusters"),
        default=True,
        help_text=_("Untick to choose the clusters below."),
    )
    target_clusters = ParentalManyToManyField(
        "clusters.Cluster",
        verbose_name=_("target clusters"),
        blank=True,
        related_name="+",
    )

    search_fields = Page.search_fields + [index.SearchField("summary")]
    api_fields = [
        APIField("summary"),
        APIField("hero_image"),
        APIField("category"),
        APIField("providing_agency", serializer=AgencyField()),
        APIField("source_credit"),
    ]

    meta_panels = [
        MultiFieldPanel(
            [
                FieldPanel("category"),
                FieldPanel("providing_agency"),
                FieldPanel("source_credit"),
            ],
            heading=_("Provenance"),
        ),
        MultiFieldPanel(
            [FieldPanel("all_clusters"), FieldPanel("target_clusters")],
            heading=_("Where it is shown"),
        ),
    ]

    override_translatable_fields = [
        SynchronizedField("category"),
        SynchronizedField("providing_agency"),
        SynchronizedField("all_clusters"),
        SynchronizedField("target_clusters"),
        SynchronizedField("hero_image"),
        TranslatableField("source_credit"),
        TranslatableField("summary"),
    ]

    class Meta:
        abstract = True


def kiosk_content_panels(*panels):
    return [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        *panels,
        *KioskPage.meta_panels,
    ]


class HomePage(KioskPreviewMixin, Page):
    """The attract screen and root of one locale's tree."""

    welcome = models.CharField(_("welcome line"), max_length=255, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic"])

    content_panels = [*Page.content_panels, FieldPanel("welcome"), FieldPanel("intro")]
    api_fields = [
        APIField("welcome"),
        APIField("intro", serializer=RichTextHTMLField()),
    ]
    subpage_types = ["content.SectionPage", *CONTENT_PAGE_TYPES]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class SectionPage(KioskPreviewMixin, Page):
    """A tile on the home screen grouping pages of one kind."""

    ICONS = [
        ("info", _("Information")),
        ("border", _("Border gate")),
        ("place", _("Places")),
        ("event", _("Events")),
        ("phone", _("Hotlines")),
        ("notice", _("Notices")),
    ]
    intro = models.TextField(_("introduction"), blank=True)
    icon = models.CharField(_("icon"), max_length=20, choices=ICONS, default="info")

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("icon")]
    api_fields = [APIField("intro"), APIField("icon")]
    parent_page_types = ["content.HomePage", "content.SectionPage"]
    subpage_types = ["content.SectionPage", *CONTENT_PAGE_TYPES]
    override_translatable_fields = [SynchronizedField("icon")]

    class Meta:
        verbose_name = _("section")


class InformationPage(KioskPage):
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = kiosk_content_panels(FieldPanel("body"))
    api_fields = KioskPage.api_fields + [APIField("body", serializer=StreamHTMLField())]
    search_fields = KioskPage.search_fields + [index.SearchField("body")]
    parent_page_types = ["content.HomePage", "content.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("information page")


class PlacePage(KioskPage):
    class Kind(models.TextChoices):
        SIGHT = "sight", _("Sight")
        HERITAGE = "heritage", _("History and culture")
        NATURE = "nature", _("Nature")
        MARKET = "market", _("Market and shopping")
        FOOD = "food", _("Food and drink")
        LODGING = "lodging", _("Accommodation")
        SERVICE = "service", _("Public service")

    place_kind = models.CharField(
        _("kind of place"), max_length=20, choices=Kind.choices
    )
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6)
    address = models.CharField(_("address"), max_length=255)
    opening_hours = StreamField(
        [("hours", OpeningHoursBlock())],
        verbose_name=_("opening hours"),
        blank=True,
        max_num=1,
    )
    fees = models.TextField(_("fees"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = kiosk_content_panels(
        FieldPanel("place_kind"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("address"),
        FieldPanel("opening_hours"),
        FieldPanel("fees"),
        FieldPanel("body"),
    )
    api_fields = KioskPage.api_fields + [
        APIField("place_kind"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("address"),
        APIField("opening_hours", serializer=StreamHTMLField()),
        APIField("fees"),
        APIField("body", serializer=StreamHTMLField()),
    ]
    search_fields = KioskPage.search_fields + [
        index.SearchField("address"),
        index.SearchField("body"),
    ]
    parent_page_types = ["content.HomePage", "content.SectionPage"]
    subpage_types = []
    override_translatable_fields = KioskPage.override_translatable_fields + [
        SynchronizedField("place_kind"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
    ]

    class Meta:
        verbose_name = _("tourist place")

    def clean(self):
        super().clean()
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            raise ValidationError(
                {"latitude": _("Latitude must be between -90 and 90.")}
            )
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            raise ValidationError(
                {"longitude": _("Longitude must be between -180 and 180.")}
            )


class EventPage(KioskPage):
    start_date = models.DateField(_("starts"))
    end_date = models.DateField(_("ends"))
    venue = models.CharField(_("venue"), max_length=255)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = kiosk_content_panels(
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("venue"),
        FieldPanel("body"),
    )
    api_fields = KioskPage.api_fields + [
        APIField("start_date"),
        APIField("end_date"),
        APIField("venue"),
        APIField("body", serializer=StreamHTMLField()),
    ]
    search_fields = KioskPage.search_fields + [
        index.SearchField("venue"),
        index.SearchField("body"),
    ]
    parent_page_types = ["content.HomePage", "content.SectionPage"]
    subpage_types = []
    override_translatable_fields = KioskPage.override_translatable_fields + [
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
    ]

    class Meta:
        verbose_name = _("event")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The event ends before it starts; check the dates.")}
            )


class BorderProcedurePage(KioskPage):
    """How to cross at a gate: papers, hours, fees, where to go."""

    gate_name = models.CharField(_("border gate"), max_length=255)
    documents_needed = RichTextField(
        _("documents needed"), features=["bold", "ol", "ul", "link"]
    )
    gate_hours = StreamField(
        [("hours", OpeningHoursBlock())],
        verbose_name=_("gate opening hours"),
        blank=True,
        max_num=1,
    )
    fees = RichTextField(_("fees"), blank=True, features=["bold", "ul"])
    where_to_go = RichTextField(
        _("where to go"), blank=True, features=["bold", "ol", "ul", "link"]
    )
    body = StreamField(BodyBlock(), verbose_name=_("more information"), blank=True)

    content_panels = kiosk_content_panels(
        FieldPanel("gate_name"),
        FieldPanel("documents_needed"),
        FieldPanel("gate_hours"),
        FieldPanel("fees"),
        FieldPanel("where_to_go"),
        FieldPanel("body"),
    )
    api_fields = KioskPage.api_fields + [
        APIField("gate_name"),
        APIField("documents_needed", serializer=RichTextHTMLField()),
        APIField("gate_hours", serializer=StreamHTMLField()),
        APIField("fees", serializer=RichTextHTMLField()),
        APIField("where_to_go", serializer=RichTextHTMLField()),
        APIField("body", serializer=StreamHTMLField()),
    ]
    search_fields = KioskPage.search_fields + [
        index.SearchField("gate_name"),
        index.SearchField("documents_needed"),
        index.SearchField("where_to_go"),
    ]
    parent_page_types = ["content.HomePage", "content.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("border-gate procedure")


class HotlinesPage(KioskPage):
    intro = models.TextField(_("introduction"), blank=True)
    hotlines = StreamField(
        [("hotline", HotlineBlock())], verbose_name=_("hotlines"), min_num=1
    )

    content_panels = kiosk_content_panels(FieldPanel("intro"), FieldPanel("hotlines"))
    api_fields = KioskPage.api_fields + [
        APIField("intro"),
        APIField("hotlines", serializer=StreamHTMLField()),
    ]
    search_fields = KioskPage.search_fields + [index.SearchField("hotlines")]
    parent_page_types = ["content.HomePage", "content.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("hotlines")


class NoticePage(KioskPage):
    class Severity(models.TextChoices):
        INFO = "info", _("Information")
        WARNING = "warning", _("Warning")
        EMERGENCY = "emergency", _("Emergency")

    severity = models.CharField(
        _("severity"), max_length=10, choices=Severity.choices, default=Severity.INFO
    )
    valid_from = models.DateTimeField(_("shown from"), null=True, blank=True)
    expires_at = models.DateTimeField(
        _("expires"),
        null=True,
        blank=True,
        help_text=_("Required for emergency notices, which take over the screen."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = kiosk_content_panels(
        FieldPanel("severity"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("expires_at")]),
        FieldPanel("body"),
    )
    api_fields = KioskPage.api_fields + [
        APIField("severity"),
        APIField("valid_from"),
        APIField("expires_at"),
        APIField("body", serializer=StreamHTMLField()),
    ]
    search_fields = KioskPage.search_fields + [index.SearchField("body")]
    parent_page_types = ["content.HomePage", "content.SectionPage"]
    subpage_types = []
    override_translatable_fields = KioskPage.override_translatable_fields + [
        SynchronizedField("severity"),
        SynchronizedField("valid_from"),
        SynchronizedField("expires_at"),
    ]

    class Meta:
        verbose_name = _("notice")

    def clean(self):
        super().clean()
        if self.severity == self.Severity.EMERGENCY and not self.expires_at:
            raise ValidationError(
                {"expires_at": _("An emergency notice needs an expiry time.")}
            )
        if self.valid_from and self.expires_at and self.expires_at <= self.valid_from:
            raise ValidationError(
                {"expires_at": _("The notice expires before it is shown.")}
            )
