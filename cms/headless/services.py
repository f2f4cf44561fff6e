"""Writes of the headless app: cached file digests."""

import hashlib

from django.core.files import File

from .models import FileDigest

_CHUNK = 1024 * 1024


def file_digest_get_or_compute(*, file: File) -> FileDigest:
    """Return the stored sha256 and size of a media file, hashing it on first use.

    ``file`` is a FieldFile (image or programme video). Raises OSError with the
    file name when the file is missing from storage.
    """
    storage = file.storage
    name = file.name
    try:
        size = storage.size(name)
    except OSError as err:
        raise OSError(
            f'Media file "{name}" is missing from storage; re-upload it or '
            "restore the media folder."
        ) from err
    digest = FileDigest.objects.filter(name=name, size=size).first()
    if digest is not None:
        return digest
    sha = hashlib.sha256()
    with storage.open(name, "rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            sha.update(chunk)
    digest, _created = FileDigest.objects.get_or_create(
        name=name, size=size, defaults={"sha256": sha.hexdigest()}
    )
    return digest
