from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from cms.core.fields import LanguageListField


class ClusterQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Cluster(index.Indexed, ClusterableModel):
    """A public electronic information cluster: LED faces, kiosks, loudspeakers."""

    class Kind(models.TextChoices):
        BORDER_GATE = "border_gate", _("International border gate")
        TOWN = "town", _("Town square or public place")

    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("Short stable identifier used in URLs and releases, e.g. bo-y."),
    )
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    place = models.CharField(_("place"), max_length=255)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    operating_agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("operating agency"),
        on_delete=models.PROTECT,
        related_name="operated_clusters",
    )
    languages = LanguageListField(
        _("languages"),
        help_text=_("Languages this cluster shows. Vietnamese is always included."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = ClusterQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("code"),
                FieldPanel("name"),
                FieldPanel("kind"),
                FieldPanel("place"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("operating_agency"),
                FieldPanel("is_active"),
            ],
            heading=_("Cluster"),
        ),
        FieldPanel("languages"),
        InlinePanel("led_faces", heading=_("LED faces"), label=_("LED face")),
        InlinePanel("kiosks", heading=_("Lookup kiosks"), label=_("kiosk")),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("code")]

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["code"]

    def __str__(self):
        return f"{self.name} ({self.code})"

    def clean(self):
        super().clean()
        source = settings.LANGUAGE_CODE
        if self.languages is not None and source not in self.languages:
            self.languages = [source, *self.languages]

    @property
    def ordered_languages(self) -> list[str]:
        """This cluster's languages in the province's order, source first."""
        order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        return [code for code in order if code in set(self.languages or [])]


class LedFace(Orderable):
    """One LED screen of a cluster, with what its controller accepts."""

    class Fit(models.TextChoices):
        PAD = "pad", _("Pad (black bars)")
        CROP = "crop", _("Crop")
        STRETCH = "stretch", _("Stretch")

    cluster = ParentalKey(Cluster, on_delete=models.CASCADE, related_name="led_faces")
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=120, help_text=_("e.g. Facing Laos"))
    width_px = models.PositiveIntegerField(
        _("width (px)"), validators=[MinValueValidator(16), MaxValueValidator(7680)]
    )
    height_px = models.PositiveIntegerField(
        _("height (px)"), validators=[MinValueValidator(16), MaxValueValidator(7680)]
    )
    fps = models.DecimalField(
        _("frame rate"),
        max_digits=5,
        decimal_places=3,
        default=25,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )
    max_kbps = models.PositiveIntegerField(
        _("maximum bitrate (kbit/s)"),
        default=6000,
        validators=[MinValueValidator(100), MaxValueValidator(100_000)],
    )
    has_sound = models.BooleanField(_("has sound"), default=True)
    fit = models.CharField(
        _("fit"),
        max_length=10,
        choices=Fit.choices,
        default=Fit.PAD,
        help_text=_(
            "How a video of another shape fills this face: pad with black bars, "
            "crop the edges, or stretch."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("width_px"), FieldPanel("height_px")]),
        FieldRowPanel([FieldPanel("fps"), FieldPanel("max_kbps")]),
        FieldRowPanel([FieldPanel("has_sound"), FieldPanel("fit")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("LED face")
        verbose_name_plural = _("LED faces")
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "code"], name="unique_led_face_code_per_cluster"
            )
        ]

    def __str__(self):
        return f"{self.cluster.code}/{self.code} {self.width_px}×{self.height_px}"

    def clean(self):
        super().clean()
        # H.264 with 4:2:0 chroma needs even dimensions.
        for field in ("width_px", "height_px"):
            value = getattr(self, field)
            if value and value % 2:
                raise ValidationError(
                    {
                        field: _("%(value)s is odd; LED video needs even sizes.")
                        % {"value": value}
                    }
                )


class Kiosk(Orderable):
    """A touch-screen lookup cabinet of a cluster."""

    class Orientation(models.TextChoices):
        PORTRAIT = "portrait", _("Portrait")
        LANDSCAPE = "landscape", _("Landscape")

    cluster = ParentalKey(Cluster, on_delete=models.CASCADE, related_name="kiosks")
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=120)
    screen_inches = models.DecimalField(
        _("screen size (inches)"), max_digits=4, decimal_places=1, default=55
    )
    width_px = models.PositiveIntegerField(_("width (px)"), default=1080)
    height_px = models.PositiveIntegerField(_("height (px)"), default=1920)
    orientation = models.CharField(
        _("orientation"),
        max_length=10,
        choices=Orientation.choices,
        default=Orientation.PORTRAIT,
    )
    idle_timeout_s = models.PositiveIntegerField(
        _("idle timeout (s)"),
        default=90,
        validators=[MinValueValidator(15), MaxValueValidator(3600)],
        help_text=_("After this long without a touch the kiosk returns home."),
    )

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("name")]),
        FieldRowPanel(
            [
                FieldPanel("screen_inches"),
                FieldPanel("width_px"),
                FieldPanel("height_px"),
            ]
        ),
        FieldRowPanel([FieldPanel("orientation"), FieldPanel("idle_timeout_s")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("kiosk")
        verbose_name_plural = _("kiosks")
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "code"], name="unique_kiosk_code_per_cluster"
            )
        ]

    def __str__(self):
        return f"{self.cluster.code}/{self.code}"
