"""The releases app's one base exception and its kinds."""


class ReleasesError(Exception):
    """Base for every error the releases app raises on purpose."""


class SigningKeyError(ReleasesError):
    """The signing key or root metadata is missing, or would be overwritten."""


class PublishError(ReleasesError):
    """A built kiosk could not be published into the release store."""


class CredentialError(ReleasesError):
    """A cluster credential cannot be issued, rotated or revoked as asked."""


class AgentDataError(ReleasesError):
    """An agent's report or upload has a missing or malformed field."""


class BundleError(ReleasesError):
    """A USB bundle could not be written."""


class StoreError(ReleasesError):
    """The release store (local folder or S3 bucket) could not be read or written."""
