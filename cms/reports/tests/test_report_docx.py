"""The report as a Word file: title block, sections I–V, tables and chart."""

import pytest
from django.core.management import CommandError, call_command

from cms.reports import outline
from cms.reports.errors import ReportError
from cms.reports.export_docx import report_docx
from cms.reports.models import Report
from cms.reports.services import report_generate

from .docx_read import headings, open_docx, picture_count, tables_by_caption
from .factories import local

pytestmark = pytest.mark.django_db
NOW = local(2026, 12, 20, 9, 0)


def test_sections_i_to_v_follow_the_cao_bang_outline_in_order(province):
    report = report_generate(kind="annual", year=2026, agency=province.border, now=NOW)

    document = open_docx(report_docx(report))

    assert headings(document, 1) == outline.SECTIONS
    assert headings(document, 2) == [
        outline.II_1,
        outline.II_2,
        outline.II_3,
        outline.II_4,
        outline.II_5,
        outline.III_1,
        outline.III_2,
        outline.III_3,
        outline.V_1,
        outline.V_2,
    ]
    texts = [p.text for p in document.paragraphs]
    assert "Hoạt động quản lý, vận hành cụm thông tin năm 2026" in texts
    assert picture_count(document) == 1  # the airtime chart


def test_the_tables_show_the_frozen_figures_in_vietnamese_numbers(province):
    report = report_generate(kind="annual", year=2026, agency=province.border, now=NOW)

    tables = tables_by_caption(open_docx(report_docx(report)))

    broadcast = dict(tables["Bảng 4. Chương trình đã phát trên màn hình LED"][1:])
    assert broadcast["Số lượt phát theo lịch"] == "5"
    assert broadcast["Số chương trình khác nhau đã phát"] == "3"
    airtime = tables["Bảng 5. Thời lượng phát thực tế so với mức tối thiểu (giờ)"]
    # 365 days × 8 h = 2.920 h required; the average face 80 min = 1,3 h.
    assert airtime[1][:5] == ["bo-y", "2.920,0", "1,3", "0,0 %", "365"]


def test_narrative_text_is_kept_when_figures_are_counted_again(province):
    report = report_generate(kind="annual", year=2026, agency=province.border, now=NOW)
    report.situation = "Cụm hoạt động ổn định.\n\nMất điện hai lần."
    report.save()

    again = report_generate(kind="annual", year=2026, agency=province.border)

    assert again.pk == report.pk and again.situation == report.situation
    texts = [p.text for p in open_docx(report_docx(again)).paragraphs]
    start = texts.index(outline.I_SITUATION)
    assert texts[start + 1 : start + 3] == [
        "Cụm hoạt động ổn định.",
        "Mất điện hai lần.",
    ]


def test_a_report_without_figures_cannot_be_exported(db):
    report = Report.objects.create(kind="annual", year=2026)

    with pytest.raises(ReportError, match="hãy tổng hợp số liệu trước"):
        report_docx(report)


def test_the_command_writes_the_consolidated_report(province, tmp_path):
    out = tmp_path / "bao-cao.docx"

    call_command(
        "report_generate", "--kind", "annual", "--year", "2026", "--out", str(out)
    )

    document = open_docx(out.read_bytes())
    clusters = tables_by_caption(document)["Bảng 1. Các cụm thông tin trong báo cáo"]
    assert [row[0] for row in clusters[1:]] == ["bo-y", "le-thanh"]
    assert Report.objects.get(kind="annual", year=2026, agency=None).figures


def test_the_command_names_the_codes_it_knows_for_an_unknown_agency(province, tmp_path):
    with pytest.raises(CommandError, match='"nowhere".*border-guard'):
        call_command(
            "report_generate",
            "--kind",
            "annual",
            "--year",
            "2026",
            "--agency",
            "nowhere",
            "--out",
            str(tmp_path / "x.docx"),
        )


def test_the_command_refuses_a_year_out_of_range(db, tmp_path):
    with pytest.raises(CommandError, match="26 is not a report year"):
        call_command(
            "report_generate",
            "--kind",
            "annual",
            "--year",
            "26",
            "--out",
            str(tmp_path / "x.docx"),
        )
