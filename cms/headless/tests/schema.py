from kiosk_site.snapshot import schema_errors


def snapshot_errors(snapshot: dict) -> list[str]:
    """How a snapshot breaks the version-1 schema: the first error of the
    top-level blocks and of each bad page (empty when valid)."""
    return schema_errors(snapshot)
