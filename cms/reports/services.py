"""Writes: a report made or found, and its figures counted and frozen."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from cms.agencies.models import Agency

from . import periods
from .errors import ReportError
from .figures import figures
from .models import MAX_YEAR, MIN_YEAR, Report


def report_figures_regenerate(
    *, report: Report, now: dt.datetime | None = None
) -> Report:
    """Count the report's figures again and keep them with the time counted."""
    now = now or timezone.now()
    counted = figures(period=report.period, agency=report.agency, now=now)
    report.figures = counted.to_json()
    report.figures_generated_at = now
    report.save(update_fields=["figures", "figures_generated_at", "updated_at"])
    return report


@transaction.atomic
def report_generate(
    *,
    kind: str,
    year: int,
    agency: Agency | None = None,
    now: dt.datetime | None = None,
) -> Report:
    """The report of ``kind`` for ``year`` (and operating body), made if new,
    with freshly counted figures; its narrative parts are kept."""
    if kind not in periods.KINDS:
        raise ReportError(
            f'Unknown report kind "{kind}"; use one of: {", ".join(periods.KINDS)}.'
        )
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ReportError(
            f"{year} is not a report year; give one from {MIN_YEAR} to {MAX_YEAR}."
        )
    report, _created = Report.objects.get_or_create(kind=kind, year=year, agency=agency)
    return report_figures_regenerate(report=report, now=now)
