"""Cheap checks on uploads, before anything reads the whole file.

The full ffprobe check (streams, duration, limits) runs in the transcode
package; these only stop obvious mistakes with a clear message.
"""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

VIDEO_EXTENSIONS = {
    ".mp4",
    ".m4v",
    ".mov",
    ".mkv",
    ".webm",
    ".ts",
    ".mts",
    ".avi",
    ".mpg",
}
SUBTITLE_EXTENSIONS = {".srt", ".vtt"}
SNIFF_BYTES = 64 * 1024


def validate_video_upload(upload) -> None:
    name = PurePath(upload.name).name
    suffix = PurePath(name).suffix.lower()
    if suffix not in VIDEO_EXTENSIONS:
        raise ValidationError(
            _('"%(name)s" is not a video file; upload MP4, MOV, MKV, WebM, TS or AVI.')
            % {"name": name},
            code="not_video",
        )
    limit = settings.PROGRAMME_UPLOAD_MAX_BYTES
    size = getattr(upload, "size", 0) or 0
    if size > limit:
        raise ValidationError(
            _('"%(name)s" is %(size)s; the limit is %(limit)s. Shorten or compress it.')
            % {
                "name": name,
                "size": filesizeformat(size),
                "limit": filesizeformat(limit),
            },
            code="too_large",
        )
    if size == 0:
        raise ValidationError(
            _('"%(name)s" is empty (0 bytes); upload the video again.')
            % {"name": name},
            code="empty",
        )


def validate_subtitle_file(upload) -> None:
    name = PurePath(upload.name).name
    if PurePath(name).suffix.lower() not in SUBTITLE_EXTENSIONS:
        raise ValidationError(
            _('"%(name)s" is not a subtitle file; upload SRT or WebVTT.')
            % {"name": name},
            code="not_subtitles",
        )
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        # A multi-byte character cut by the sniffing window is fine.
        cut = len(head) == SNIFF_BYTES and err.reason == "unexpected end of data"
        if not cut:
            raise ValidationError(
                _('"%(name)s" is not UTF-8 text; save it as UTF-8 and upload again.')
                % {"name": name},
                code="not_utf8",
            ) from err
