class OperationsError(Exception):
    """Base of the errors cms.operations raises."""


class BackupError(OperationsError):
    """A backup could not be made, or a backup store could not be reached."""


class BackupRefused(OperationsError):
    """A backup is damaged or does not fit this site; restore touched nothing."""
