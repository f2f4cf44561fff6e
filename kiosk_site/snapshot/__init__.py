"""The content snapshot: the CMS's export that every build starts from.

Owns reading and validating a snapshot file or URL against the versioned
schema (`read`), its one-page-per-line layout and the re-parsing of only the
lines that changed since the last read (`lines`), and where each page lives
in the built site (`paths`), and the sanitising of every page's HTML as it
is read (`sanitise`). Imports only `kiosk_site.config`, `kiosk_site.errors`
and the standard library (plus fastjsonschema and nh3); every
other part of the package imports it, never the reverse.
"""

from kiosk_site.snapshot.lines import canonical_json, page_columns, snapshot_dumps
from kiosk_site.snapshot.paths import page_output, page_url
from kiosk_site.snapshot.read import (
    Snapshot,
    changed_pages,
    page_content_hash,
    schema_errors,
    snapshot_cache_clear,
    snapshot_content_hash,
    snapshot_load,
    snapshot_read,
    snapshot_validate,
    snapshot_validate_changed,
)
from kiosk_site.snapshot.sanitise import html_sanitise, page_sanitise

__all__ = [
    "Snapshot",
    "canonical_json",
    "changed_pages",
    "html_sanitise",
    "page_columns",
    "page_content_hash",
    "page_output",
    "page_sanitise",
    "page_url",
    "schema_errors",
    "snapshot_cache_clear",
    "snapshot_content_hash",
    "snapshot_dumps",
    "snapshot_load",
    "snapshot_read",
    "snapshot_validate",
    "snapshot_validate_changed",
]
