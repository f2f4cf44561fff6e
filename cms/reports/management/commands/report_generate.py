"""Generate a half-year or annual report and write it as DOCX (or PDF)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.agencies.models import Agency

from ... import periods
from ...errors import ReportError
from ...export_docx import report_docx
from ...export_pdf import docx_to_pdf
from ...services import report_generate


def _agency(code: str | None) -> Agency | None:
    if not code:
        return None
    agency = Agency.objects.filter(slug=code).first()
    if agency is None:
        known = ", ".join(Agency.objects.values_list("slug", flat=True)) or "none"
        raise CommandError(
            f'No agency has the code "{code}"; use one of: {known} (or leave '
            "--agency out for the department's consolidated report)"
        )
    return agency


class Command(BaseCommand):
    help = (
        "Count a report's figures again and write it as .docx (or .pdf where "
        "LibreOffice is installed). Narrative parts typed in the admin are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--kind", required=True, choices=periods.KINDS)
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument(
            "--agency",
            help="The operating body's code; leave out for the department's "
            "consolidated report.",
        )
        parser.add_argument(
            "--out", required=True, help="File to write: name.docx or name.pdf"
        )

    def handle(self, *args, kind, year, agency=None, out, **options):
        target = Path(out)
        if target.suffix.lower() not in (".docx", ".pdf"):
            raise CommandError(f'"{out}" must end in .docx or .pdf')
        try:
            report = report_generate(kind=kind, year=year, agency=_agency(agency))
            data = report_docx(report)
            if target.suffix.lower() == ".pdf":
                data = docx_to_pdf(data)
        except ReportError as err:
            raise CommandError(str(err)) from err
        target.write_bytes(data)
        period = report.period
        self.stdout.write(
            f"{report} ({period.start:%d/%m/%Y}–{period.end:%d/%m/%Y}) → {target}"
        )
