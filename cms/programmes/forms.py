import os
import tempfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext
from wagtail.admin.forms import WagtailAdminModelForm

from .uploads import OversizedUpload
from .validators import validate_video_upload


def probe_upload(upload: UploadedFile) -> None:
    """Run ffprobe on an upload at once; refuse it with the probe's reason."""
    import transcode

    limits = transcode.Limits(max_bytes=settings.PROGRAMME_UPLOAD_MAX_BYTES)
    if hasattr(upload, "temporary_file_path"):
        path, cleanup = upload.temporary_file_path(), None
    else:
        suffix = PurePath(upload.name).suffix.lower()
        handle, path = tempfile.mkstemp(suffix=suffix)
        cleanup = path
        with os.fdopen(handle, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        upload.seek(0)
    try:
        transcode.probe(path, limits=limits)
    except transcode.ProbeRefused as err:
        # Name the file the editor chose, never the server's temporary path.
        shown = PurePath(upload.name).name
        params = {
            key: shown if value in (path, PurePath(path).name) else value
            for key, value in err.params.items()
        }
        reason = gettext(err.template) % params
        raise ValidationError(
            gettext('"%(name)s" was refused: %(reason)s')
            % {"name": PurePath(upload.name).name, "reason": reason},
            code=err.code,
        ) from err
    finally:
        if cleanup:
            os.unlink(cleanup)


class ProgrammeForm(WagtailAdminModelForm):
    def clean_source_video(self):
        upload = self.cleaned_data.get("source_video")
        if isinstance(upload, UploadedFile):
            validate_video_upload(upload)
            if not isinstance(upload, OversizedUpload):
                probe_upload(upload)
        return upload
