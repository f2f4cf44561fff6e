"""Refuse an oversized source video while it streams in, not after.

Django would otherwise write the whole upload to a temporary file before any
validator sees it. Past the limit this handler stops passing bytes on and hands
the form a placeholder of the declared size, so the usual validator refuses it
with a message naming the file, its size and the limit.
"""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler

LIMITED_FIELDS = {"source_video"}


class OversizedUpload(UploadedFile):
    """Stands in for a file that was dropped for being too large."""

    def __init__(self, name: str, size: int, content_type: str | None):
        super().__init__(file=None, name=name, content_type=content_type, size=size)

    def open(self, mode=None):
        raise ValueError(f"{self.name} was not kept: it is over the upload limit")

    def chunks(self, chunk_size=None):
        return iter(())


class SizeLimitUploadHandler(FileUploadHandler):
    def new_file(self, field_name, *args, **kwargs):
        super().new_file(field_name, *args, **kwargs)
        self.limited = field_name.rsplit("-", 1)[-1] in LIMITED_FIELDS
        self.limit = settings.PROGRAMME_UPLOAD_MAX_BYTES
        self.received = 0
        self.over = False

    def receive_data_chunk(self, raw_data, start):
        if not self.limited:
            return raw_data
        self.received += len(raw_data)
        if self.received > self.limit:
            self.over = True
            return None  # later handlers stop receiving: nothing more is stored
        return raw_data

    def file_complete(self, file_size):
        if self.limited and self.over:
            return OversizedUpload(self.file_name, file_size, self.content_type)
        return None
