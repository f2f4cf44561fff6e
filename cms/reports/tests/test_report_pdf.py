"""PDF through LibreOffice where it is installed; a clear way to get it where not."""

import shutil

import pytest
from django.core.management import CommandError, call_command

from cms.reports.errors import ReportError
from cms.reports.export_docx import report_docx
from cms.reports.export_pdf import docx_to_pdf
from cms.reports.services import report_generate

from .factories import local

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_soffice(monkeypatch, tmp_path):
    """A PATH on which neither soffice nor libreoffice is found."""
    monkeypatch.setenv("PATH", str(tmp_path))


def test_without_libreoffice_pdf_is_refused_saying_how_to_install_it(
    province, no_soffice
):
    report = report_generate(kind="annual", year=2026, now=local(2026, 12, 20))

    with pytest.raises(ReportError, match="apt-get install libreoffice-writer-nogui"):
        docx_to_pdf(report_docx(report))


def test_the_command_says_so_too_and_writes_no_file(province, no_soffice, tmp_path):
    out = tmp_path / "bao-cao.pdf"

    with pytest.raises(CommandError, match="LibreOffice"):
        call_command(
            "report_generate", "--kind", "annual", "--year", "2026", "--out", str(out)
        )
    assert not out.exists()


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice is optional and not installed by scripts/setup.sh",
)
def test_with_libreoffice_the_command_writes_a_pdf(province, tmp_path):
    out = tmp_path / "bao-cao.pdf"

    call_command(
        "report_generate", "--kind", "half_year", "--year", "2026", "--out", str(out)
    )

    assert out.read_bytes().startswith(b"%PDF-")
