"""Programmes: the videos shown on LED faces, moderated like pages."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core.categories import Category
from cms.core.fields import LanguageCodeField

from .forms import ProgrammeForm
from .validators import validate_subtitle_file, validate_video_upload


class Programme(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    source_video = models.FileField(
        _("source video"),
        upload_to="programmes/sources/%Y/%m/",
        validators=[validate_video_upload],
        help_text=_("MP4, MOV, MKV, WebM, MPEG-TS or AVI."),
    )
    category = models.CharField(_("category"), max_length=40, choices=Category.choices)
    providing_agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("providing agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programmes",
    )
    source_credit = models.CharField(_("source credit"), max_length=255, blank=True)
    all_clusters = models.BooleanField(_("show on all clusters"), default=True)
    target_clusters = ParentalManyToManyField(
        "clusters.Cluster",
        verbose_name=_("target clusters"),
        blank=True,
        related_name="+",
    )
    target_faces = ParentalManyToManyField(
        "clusters.LedFace",
        verbose_name=_("target LED faces"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty to show on every face of the target clusters."),
    )
    valid_from = models.DateTimeField(_("shown from"), null=True, blank=True)
    valid_to = models.DateTimeField(_("shown until"), null=True, blank=True)
    is_advertising = models.BooleanField(
        _("advertising"),
        default=False,
        help_text=_("Advertising airtime follows the Advertising Law."),
    )
    source_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="programme")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="programme",
        for_concrete_model=False,
    )

    base_form_class = ProgrammeForm
    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("source_video"),
        InlinePanel(
            "subtitle_tracks", heading=_("Subtitles"), label=_("subtitle track")
        ),
        MultiFieldPanel(
            [
                FieldPanel("category"),
                FieldPanel("providing_agency"),
                FieldPanel("source_credit"),
                FieldPanel("is_advertising"),
            ],
            heading=_("Provenance"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("all_clusters"),
                FieldPanel("target_clusters"),
                FieldPanel("target_faces"),
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
            ],
            heading=_("Where and when it is shown"),
        ),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        TranslatableField("source_credit"),
        SynchronizedField("source_video"),
        SynchronizedField("category"),
        SynchronizedField("providing_agency"),
        SynchronizedField("all_clusters"),
        SynchronizedField("target_clusters"),
        SynchronizedField("target_faces"),
        SynchronizedField("valid_from"),
        SynchronizedField("valid_to"),
        SynchronizedField("is_advertising"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        permissions = [("publish_programme", _("Can publish programme"))]

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_to and self.valid_to <= self.valid_from:
            raise ValidationError(
                {
                    "valid_to": _(
                        "The programme stops before it starts; check the dates."
                    )
                }
            )


class SubtitleTrack(Orderable):
    """Subtitles in one language, uploaded (SRT/VTT) or typed in."""

    programme = ParentalKey(
        Programme, on_delete=models.CASCADE, related_name="subtitle_tracks"
    )
    language = LanguageCodeField(_("language"))
    file = models.FileField(
        _("subtitle file"),
        upload_to="programmes/subtitles/%Y/%m/",
        blank=True,
        validators=[validate_subtitle_file],
        help_text=_("SRT or WebVTT, UTF-8."),
    )
    text = models.TextField(
        _("subtitle text"),
        blank=True,
        help_text=_("Or type SRT/WebVTT cues here instead of uploading a file."),
    )

    panels = [FieldPanel("language"), FieldPanel("file"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("subtitle track")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "language"], name="one_subtitle_track_per_language"
            )
        ]

    def __str__(self):
        return f"{self.programme} [{self.language}]"

    def clean(self):
        super().clean()
        known = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
        if self.language not in known:
            raise ValidationError(
                {
                    "language": _("Unknown language %(code)s; choose one of %(known)s.")
                    % {"code": self.language, "known": ", ".join(sorted(known))}
                }
            )
        if not self.file and not self.text.strip():
            raise ValidationError(
                _("Upload a subtitle file or type the subtitles in; both are empty.")
            )


class RenditionQuerySet(models.QuerySet):
    def claimable(self, *, now):
        """Renditions a worker may take: queued and due, or abandoned by a worker."""
        return self.filter(
            models.Q(status=Rendition.Status.QUEUED, next_attempt_at__lte=now)
            | models.Q(status=Rendition.Status.RUNNING, lease_expires_at__lt=now)
        )


class Rendition(models.Model):
    """One verified encode of a source video for one LED-face profile, or the
    kiosk pages' rendition of it (``kind``).

    Identified by ``input_key`` (source hash + profile + subtitles), so identical
    inputs, from any programme, share one rendition. A kiosk rendition also
    holds a poster still (made when it is requested, so a page can show it
    while the video is encoded) and the programme's subtitles as WebVTT.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    class Kind(models.TextChoices):
        FACE = "face", _("LED face")
        KIOSK = "kiosk", _("Kiosk pages")

    input_key = models.CharField(max_length=64, unique=True, editable=False)
    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.FACE
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("first requested by"),
        on_delete=models.CASCADE,
        related_name="renditions",
    )
    source_sha256 = models.CharField(max_length=64)
    profile_key = models.CharField(max_length=64)
    width_px = models.PositiveIntegerField()
    height_px = models.PositiveIntegerField()
    fps = models.DecimalField(max_digits=6, decimal_places=3)
    max_kbps = models.PositiveIntegerField()
    has_audio = models.BooleanField()
    fit = models.CharField(max_length=10)
    subtitle_languages = models.JSONField(default=list, blank=True)
    subtitle_sha256 = models.CharField(max_length=64, blank=True)

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.FloatField(_("progress (%)"), default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    worker_id = models.CharField(max_length=120, blank=True)
    error = models.TextField(_("error"), blank=True)

    file = models.FileField(upload_to="programmes/renditions/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    duration_s = models.FloatField(null=True, blank=True)
    avg_kbps = models.FloatField(null=True, blank=True)
    peak_kbps = models.FloatField(null=True, blank=True)
    ffmpeg_version = models.CharField(max_length=120, blank=True)
    poster = models.FileField(upload_to="programmes/posters/", blank=True)
    # Kiosk only: [{"language", "name" (storage name), "sha256", "size"}].
    webvtt = models.JSONField(default=list, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = RenditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.programme} {self.width_px}×{self.height_px} [{self.status}]"
