"""The compliance dashboard: agencies × last and current period, and a month."""

import datetime as dt

from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .exports import summary_csv_write
from .selectors import dashboard_rows, local_tz, monthly_summary

VIEW = "obligations.view_obligation"


def _month(request: HttpRequest) -> tuple[dt.date, str]:
    """The month asked for (?month=YYYY-MM), else last month; and an error."""
    today = timezone.localtime(timezone.now(), local_tz()).date()
    default = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    value = request.GET.get("month", "")
    if not value:
        return default, ""
    try:
        return dt.datetime.strptime(value, "%Y-%m").date(), ""
    except ValueError:
        return default, _(
            '"%(value)s" is not a month; choose one as YYYY-MM, e.g. 2026-03.'
        ) % {"value": value}


@permission_required(VIEW)
def compliance_index(request: HttpRequest) -> HttpResponse:
    """Status per obligation, and the summary of one month (CSV on request)."""
    month, error = _month(request)
    summary = monthly_summary(year=month.year, month=month.month)
    if request.GET.get("format") == "csv" and not error:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="tuan-thu-{month:%Y-%m}.csv"'
        )
        response.write("\ufeff")
        summary_csv_write(summary, response)
        return response
    return TemplateResponse(
        request,
        "obligations/compliance.html",
        {
            "page_title": _("Submission compliance"),
            "header_icon": "tasks",
            "rows": dashboard_rows(),
            "summary": summary,
            "month": month,
            "month_error": error,
        },
    )
