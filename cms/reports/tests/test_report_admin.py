"""Reports in the admin: who may write, read and regenerate, and the files."""

import pytest
from django.urls import reverse

from cms.editorial.models import Role
from cms.editorial.tests.factories import user
from cms.reports.models import Report
from cms.reports.services import report_generate

from .factories import local

pytestmark = pytest.mark.django_db
GENERATED = local(2026, 1, 2, 8, 0)  # earlier than any test runs
ADD = "wagtailsnippets_reports_report:add"
TEXTS = [
    "situation",
    "documents",
    "staffing",
    "production_commentary",
    "broadcast_commentary",
    "cost",
    "advantages",
    "shortcomings",
    "solutions",
    "next_year",
    "proposals_province",
    "proposals_ministry",
]


def form(**values) -> dict:
    data = {"kind": "annual", "year": "2026", "agency": "", "number": "", "place": ""}
    return data | dict.fromkeys(TEXTS, "") | values


@pytest.fixture
def report(province):
    return report_generate(kind="annual", year=2026, now=GENERATED)


def test_the_secretariat_adds_a_report_and_its_figures_are_counted(province, client):
    client.force_login(user("thuky", Role.SECRETARIAT))

    response = client.post(
        reverse(ADD), form(agency=str(province.border.pk), situation="Ổn định.")
    )

    assert response.status_code == 302
    added = Report.objects.get()
    assert added.situation == "Ổn định."
    assert [c["code"] for c in added.figures["clusters"]] == ["bo-y"]
    assert added.figures_generated_at is not None


def test_a_second_consolidated_report_for_the_year_is_refused_by_name(report, client):
    client.force_login(user("thuky", Role.SECRETARIAT))

    response = client.post(reverse(ADD), form())

    assert response.status_code == 200
    assert "Báo cáo tổng hợp của Sở loại này cho năm này đã có" in response.text
    assert Report.objects.count() == 1


def test_an_inspector_downloads_the_word_file_but_cannot_regenerate(report, client):
    client.force_login(user("thanhtra", Role.INSPECTOR))

    download = client.get(reverse("reports_download", args=[report.pk, "docx"]))
    regenerate = client.post(reverse("reports_regenerate", args=[report.pk]))

    assert download.status_code == 200
    assert download["Content-Disposition"].endswith('bao-cao-nam-2026-so-tttt.docx"')
    assert download.content[:2] == b"PK"  # a .docx is a zip
    assert regenerate.status_code in (302, 403)
    report.refresh_from_db()
    assert report.figures_generated_at == GENERATED


def test_regenerating_counts_the_figures_again(report, client):
    client.force_login(user("truongban", Role.HEAD))

    confirm = client.get(reverse("reports_regenerate", args=[report.pk]))
    done = client.post(reverse("reports_regenerate", args=[report.pk]))

    assert "data-regenerate-confirm" in confirm.text
    assert done.status_code == 302
    report.refresh_from_db()
    assert report.figures_generated_at > GENERATED


def test_a_provider_cannot_read_reports(report, client, province):
    client.force_login(user("nhacungcap", Role.PROVIDER, agency=province.border))

    response = client.get(reverse("reports_download", args=[report.pk, "docx"]))

    assert response.status_code in (302, 403)


def test_without_libreoffice_the_edit_page_says_how_to_get_pdf(
    report, client, monkeypatch, tmp_path
):
    monkeypatch.setenv("PATH", str(tmp_path))
    client.force_login(user("truongban", Role.HEAD))

    page = client.get(reverse("wagtailsnippets_reports_report:edit", args=[report.pk]))
    pdf = client.get(reverse("reports_download", args=[report.pk, "pdf"]))

    assert "data-report-no-pdf" in page.text and "data-report-pdf" not in page.text
    assert "libreoffice-writer-nogui" in page.text
    assert pdf.status_code == 302  # back to the report, with the message


def test_the_edit_page_shows_the_period_and_the_rule_that_sets_it(province, client):
    half = report_generate(kind="half_year", year=2026, now=GENERATED)
    client.force_login(user("truongban", Role.HEAD))

    page = client.get(reverse("wagtailsnippets_reports_report:edit", args=[half.pk]))

    assert "từ ngày 15/12/2025 đến ngày 14/06/2026" in page.text
    assert "Nghị định 09/2019/NĐ-CP" in page.text
