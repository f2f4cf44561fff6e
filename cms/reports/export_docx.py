"""A report as a Word document (python-docx): the title block of the form,
sections I–V under the outline's headings, the figure tables and the chart.

The document is written in the province's language whatever the admin's
language is: it goes to the department as an official report.
"""

import io
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from . import outline
from .chart import airtime_chart_png
from .errors import ReportError
from .export_tables import (
    airtime_table,
    broadcast_table,
    clusters_table,
    compliance_table,
    feedback_table,
    incidents_table,
    production_table,
)
from .models import Report

FONT = "Times New Roman"


def _styles(document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(13)
    for name, size in (("Heading 1", 14), ("Heading 2", 13), ("Title", 14)):
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        # The template's headings take the theme's font, which wins over a
        # font name; drop it so that they are in Times New Roman too.
        fonts = style.element.rPr.rFonts
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)


def _centred(cell_or_doc, text: str, *, bold=False, italic=False) -> None:
    paragraph = cell_or_doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic


def reporter_name(report: Report) -> str:
    if report.agency is not None:
        return report.agency.name
    return _("Department of Information and Communications")


def report_subject(report: Report) -> str:
    if report.kind == Report.Kind.HALF_YEAR:
        return f"{outline.SUBJECT} 6 tháng đầu năm {report.year}"
    return f"{outline.SUBJECT} năm {report.year}"


def _title_block(document, report: Report, figures) -> None:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    _centred(left, reporter_name(report).upper(), bold=True)
    _centred(left, f"Số: {report.number or '      '}")
    _centred(right, outline.NATION, bold=True)
    _centred(right, outline.MOTTO, bold=True)
    day = figures.generated_at.astimezone(ZoneInfo(settings.TIME_ZONE))
    place = report.place or "......"
    _centred(
        right,
        f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}",
        italic=True,
    )
    _centred(document, outline.TITLE, bold=True)
    _centred(document, report_subject(report), bold=True)
    _centred(
        document,
        _("Figures from %(start)s to %(end)s, generated on %(when)s.")
        % {
            "start": formats.date_format(figures.start, "d/m/Y"),
            "end": formats.date_format(figures.end, "d/m/Y"),
            "when": formats.date_format(day, "d/m/Y H:i"),
        },
        italic=True,
    )


def _text(document, text: str) -> None:
    """The author's text, one paragraph per line; an empty line to write on."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines or [""]:
        document.add_paragraph(line)


def _chart(document, figures) -> None:
    if not figures.airtime:
        return
    png = airtime_chart_png(
        rows=figures.airtime,
        title=pgettext("report", "Airtime per cluster (hours)"),
        labels=(pgettext("report", "Required"), pgettext("report", "Delivered")),
    )
    document.add_picture(io.BytesIO(png), width=Cm(16))
    caption = document.add_paragraph(
        _("Chart: airtime delivered against the minimum required, per cluster.")
    )
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _section_ii(document, report: Report, figures) -> None:
    document.add_heading(outline.II_RESULTS, level=1)
    document.add_heading(outline.II_1, level=2)
    _text(document, report.documents)
    document.add_heading(outline.II_2, level=2)
    _text(document, report.staffing)
    document.add_heading(outline.II_3, level=2)
    production_table(document, figures)
    compliance_table(document, figures)
    _text(document, report.production_commentary)
    document.add_heading(outline.II_4, level=2)
    broadcast_table(document, figures)
    airtime_table(document, figures)
    _chart(document, figures)
    incidents_table(document, figures)
    feedback_table(document, figures)
    _text(document, report.broadcast_commentary)
    document.add_heading(outline.II_5, level=2)
    _text(document, report.cost)


def _sections_iii_to_v(document, report: Report) -> None:
    document.add_heading(outline.III_ASSESSMENT, level=1)
    for heading, text in (
        (outline.III_1, report.advantages),
        (outline.III_2, report.shortcomings),
        (outline.III_3, report.solutions),
    ):
        document.add_heading(heading, level=2)
        _text(document, text)
    document.add_heading(outline.IV_NEXT_YEAR, level=1)
    _text(document, report.next_year)
    document.add_heading(outline.V_PROPOSALS, level=1)
    document.add_heading(outline.V_1, level=2)
    _text(document, report.proposals_province)
    document.add_heading(outline.V_2, level=2)
    _text(document, report.proposals_ministry)


def report_docx(report: Report) -> bytes:
    """The report as .docx bytes, from its frozen figures.

    Raises ReportError if its figures were never generated.
    """
    figures = report.frozen_figures
    if figures is None:
        raise ReportError(
            _(
                "The report “%(report)s” has no figures yet; generate them first "
                "(“Regenerate figures” in the admin, or manage.py report_generate)."
            )
            % {"report": report}
        )
    with translation.override(settings.LANGUAGE_CODE):
        document = Document()
        _styles(document)
        _title_block(document, report, figures)
        document.add_heading(outline.I_SITUATION, level=1)
        _text(document, report.situation)
        clusters_table(document, figures)
        _section_ii(document, report, figures)
        _sections_iii_to_v(document, report)
        buffer = io.BytesIO()
        document.save(buffer)
    return buffer.getvalue()
