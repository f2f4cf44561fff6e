"""Half-year and annual reports in Cao Bằng's outline (Decision 31/2020, appendix).

The narrative parts are typed in the admin; the figures are counted by
figures.py when the report is generated and kept frozen as JSON until someone
asks to regenerate them.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from . import periods
from .figures import ReportFigures

MIN_YEAR, MAX_YEAR = 2000, 2100


class Report(models.Model):
    class Kind(models.TextChoices):
        ANNUAL = periods.ANNUAL, _("Annual")
        HALF_YEAR = periods.HALF_YEAR, _("First half of the year")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("operating body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports",
        help_text=_(
            "The body that operates the clusters it reports on. Leave empty for "
            "the department's consolidated report on every cluster."
        ),
    )
    number = models.CharField(
        _("document number"),
        max_length=60,
        blank=True,
        help_text=_("e.g. 123/BC-STTTT"),
    )
    place = models.CharField(
        _("place of issue"), max_length=120, blank=True, help_text=_("e.g. Kon Tum")
    )

    situation = models.TextField(_("I. Situation"), blank=True)
    documents = models.TextField(_("II.1 Documents issued"), blank=True)
    staffing = models.TextField(_("II.2 Staffing"), blank=True)
    production_commentary = models.TextField(
        _("II.3 Commentary on programmes produced"), blank=True
    )
    broadcast_commentary = models.TextField(
        _("II.4 Commentary on programmes broadcast"), blank=True
    )
    cost = models.TextField(_("II.5 Yearly cost"), blank=True)
    advantages = models.TextField(_("III.1 Advantages and difficulties"), blank=True)
    shortcomings = models.TextField(
        _("III.2 Shortcomings and their causes"), blank=True
    )
    solutions = models.TextField(_("III.3 Solutions"), blank=True)
    next_year = models.TextField(_("IV. Tasks for next year"), blank=True)
    proposals_province = models.TextField(
        _("V.1 Proposals to the provincial People's Committee"), blank=True
    )
    proposals_ministry = models.TextField(
        _("V.2 Proposals to the Ministry of Information and Communications"),
        blank=True,
    )

    figures = models.JSONField(_("figures"), default=dict, blank=True, editable=False)
    figures_generated_at = models.DateTimeField(
        _("figures generated at"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("year")]),
                FieldPanel("agency"),
                FieldRowPanel([FieldPanel("number"), FieldPanel("place")]),
            ],
            heading=_("Report"),
        ),
        FieldPanel("situation"),
        MultiFieldPanel(
            [
                FieldPanel("documents"),
                FieldPanel("staffing"),
                FieldPanel("production_commentary"),
                FieldPanel("broadcast_commentary"),
                FieldPanel("cost"),
            ],
            heading=_("II. Results"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("advantages"),
                FieldPanel("shortcomings"),
                FieldPanel("solutions"),
            ],
            heading=_("III. Assessment"),
        ),
        FieldPanel("next_year"),
        MultiFieldPanel(
            [FieldPanel("proposals_province"), FieldPanel("proposals_ministry")],
            heading=_("V. Proposals"),
        ),
    ]

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-year", "kind", "agency__name"]
        permissions = [("generate_report", _("Can generate report figures"))]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "year", "agency"],
                name="one_report_per_kind_year_agency",
                violation_error_message=_(
                    "This operating body already has a report of this kind for "
                    "this year; open that report instead."
                ),
            ),
            models.UniqueConstraint(
                fields=["kind", "year"],
                condition=models.Q(agency__isnull=True),
                name="one_consolidated_report_per_kind_year",
                violation_error_message=_(
                    "The department's consolidated report of this kind for this "
                    "year already exists; open that report instead."
                ),
            ),
        ]

    def __str__(self):
        body = self.agency.short_name or self.agency.name if self.agency else ""
        title = f"{self.get_kind_display()} {self.year}"
        return f"{title} — {body}" if body else title

    @property
    def period(self) -> periods.Period:
        return periods.report_period(kind=self.kind, year=self.year)

    @property
    def frozen_figures(self) -> ReportFigures | None:
        """The figures as generated, or None before the first generation."""
        return ReportFigures.from_json(self.figures) if self.figures else None
