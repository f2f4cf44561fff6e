class ReportError(Exception):
    """A report cannot be made or exported as asked."""
