"""The editors' playlist of one LED face: which programmes, in what order, how
often per loop, between which dates.

A face without a playlist plays every approved programme targeted at it, once
per loop, newest first (planner.default_entries).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

MAX_PLAYS_PER_LOOP = 20


def _source_language_programmes() -> dict:
    # Translations share the source's video; the playlist names the source.
    return {"locale__language_code": settings.LANGUAGE_CODE}


class FacePlaylist(ClusterableModel):
    """The order and frequency of programmes on one LED face."""

    face = models.OneToOneField(
        "clusters.LedFace",
        verbose_name=_("LED face"),
        on_delete=models.CASCADE,
        related_name="playlist",
        error_messages={
            "unique": _("This LED face already has a playlist; edit that one instead.")
        },
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("face playlist")
        verbose_name_plural = _("face playlists")
        ordering = ["face__cluster__code", "face__sort_order", "face__pk"]

    def __str__(self):
        return f"{self.face.cluster.name} — {self.face.name} ({self.face.code})"


class FacePlaylistEntry(Orderable):
    """One programme in a face's loop, played ``plays_per_loop`` times."""

    playlist = ParentalKey(
        FacePlaylist, on_delete=models.CASCADE, related_name="entries"
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=_source_language_programmes,
    )
    plays_per_loop = models.PositiveSmallIntegerField(
        _("plays per loop"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PLAYS_PER_LOOP)],
        help_text=_("How many times the programme plays in one round of the loop."),
    )
    starts_on = models.DateField(
        _("from"), null=True, blank=True, help_text=_("Empty: from today.")
    )
    ends_on = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Empty: no end.")
    )

    panels = [
        FieldPanel("programme"),
        FieldRowPanel(
            [
                FieldPanel("plays_per_loop"),
                FieldPanel("starts_on"),
                FieldPanel("ends_on"),
            ]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("playlist entry")
        verbose_name_plural = _("playlist entries")

    def __str__(self):
        return f"{self.programme_id} ×{self.plays_per_loop}"

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {
                    "ends_on": _(
                        "“Until” (%(end)s) is before “from” (%(start)s); swap them."
                    )
                    % {
                        "end": self.ends_on.strftime("%d/%m/%Y"),
                        "start": self.starts_on.strftime("%d/%m/%Y"),
                    }
                }
            )
