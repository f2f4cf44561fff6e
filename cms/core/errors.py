class CoreError(Exception):
    """Base of the errors cms.core raises."""


class MediaStorageError(CoreError):
    """A media file could not be read from, or copied out of, the media storage."""
