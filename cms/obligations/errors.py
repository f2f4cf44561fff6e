class ObligationError(Exception):
    """A submission obligation cannot be set up as asked."""
