class EditorialError(Exception):
    """Base exception of the editorial app."""


class RoleSetupError(EditorialError):
    """Roles or workflows cannot be set up as asked."""


class TranslationReviewError(EditorialError):
    """A translation cannot be sent for review."""
