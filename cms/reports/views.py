"""Admin views of a report: download it (DOCX, PDF) and regenerate its figures."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .errors import ReportError
from .export_docx import report_docx
from .export_pdf import docx_to_pdf
from .models import Report
from .services import report_figures_regenerate

VIEW = "reports.view_report"
GENERATE = "reports.generate_report"
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def edit_url(report: Report) -> str:
    return reverse("wagtailsnippets_reports_report:edit", args=[report.pk])


def file_name(report: Report, fmt: str) -> str:
    body = report.agency.slug if report.agency else "so-tttt"
    kind = "nam" if report.kind == Report.Kind.ANNUAL else "6-thang"
    return f"bao-cao-{kind}-{report.year}-{body}.{fmt}"


@permission_required(VIEW)
def report_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The report as .docx or .pdf, from the figures frozen in it."""
    report = get_object_or_404(Report.objects.select_related("agency"), pk=pk)
    try:
        data = report_docx(report)
        if fmt == "pdf":
            data = docx_to_pdf(data)
    except ReportError as err:
        messages.error(request, str(err))
        return redirect(edit_url(report))
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{file_name(report, fmt)}"'
    return response


@permission_required(GENERATE)
@require_http_methods(["GET", "POST"])
def report_regenerate(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask, then count the figures again (GET shows what will change)."""
    report = get_object_or_404(Report.objects.select_related("agency"), pk=pk)
    if request.method == "POST":
        report_figures_regenerate(report=report)
        messages.success(
            request,
            _("The figures of “%(report)s” were counted again.") % {"report": report},
        )
        return redirect(edit_url(report))
    return TemplateResponse(
        request,
        "reports/regenerate_confirm.html",
        {
            "page_title": _("Regenerate figures"),
            "header_icon": "doc-full",
            "report": report,
            "cancel_url": edit_url(report),
        },
    )
