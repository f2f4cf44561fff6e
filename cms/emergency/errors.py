"""The emergency app's one exception."""


class EmergencyError(Exception):
    """An emergency action refused, with a message saying what to change."""
