"""A report's Word document turned into PDF by LibreOffice, where installed.

LibreOffice is not part of the set-up (it is large); without ``soffice`` on
PATH the admin and the command say how to install it.
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

from .errors import ReportError

CONVERT_TIMEOUT_S = 180


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_unavailable_message() -> str:
    return _(
        "PDF needs LibreOffice, which is not installed on this server. Install it "
        "(Debian: sudo apt-get install libreoffice-writer-nogui) and reload the "
        "page, or download the Word file and save it as PDF yourself."
    )


def docx_to_pdf(docx: bytes) -> bytes:
    """The PDF LibreOffice makes of ``docx``; ReportError if it cannot."""
    soffice = soffice_path()
    if soffice is None:
        raise ReportError(pdf_unavailable_message())
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = work / "report.docx"
        source.write_bytes(docx)
        # Its own profile folder: a user's running LibreOffice, or another
        # conversion at the same time, would otherwise hold the lock.
        profile = (work / "profile").as_uri()
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=CONVERT_TIMEOUT_S
            )
        except subprocess.TimeoutExpired as err:
            raise ReportError(
                _("LibreOffice took longer than %(seconds)s s to make the PDF.")
                % {"seconds": CONVERT_TIMEOUT_S}
            ) from err
        target = work / "report.pdf"
        if done.returncode != 0 or not target.exists():
            raise ReportError(
                _("LibreOffice could not make the PDF: %(error)s")
                % {"error": (done.stderr or done.stdout).strip()[-500:]}
            )
        return target.read_bytes()
