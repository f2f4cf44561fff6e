"""The one base exception of the kiosk_site package and its specific kinds."""


class KioskSiteError(Exception):
    """Base for every error the kiosk builder raises on purpose."""


class SnapshotError(KioskSiteError):
    """The snapshot could not be read or does not match the schema."""


class MediaError(KioskSiteError):
    """A media file could not be fetched or failed its sha256 check."""


class FrontendError(KioskSiteError):
    """The bundled front-end packages (node_modules) or fonts are missing."""


class ReleaseError(KioskSiteError):
    """A release could not be published, read or verified (kiosk_site.release)."""


class AgentError(KioskSiteError):
    """The cluster agent could not sync, switch or serve a release."""
