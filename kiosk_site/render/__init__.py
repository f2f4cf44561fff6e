"""Rendering: snapshot pages into HTML through the Jinja templates.

Owns the page contexts and render keys (`pages`), the kiosk's interface text
in every language (`ui_text`, catalogues in `kiosk_site/locale/`) and the
templates (`templates/`). The same renderer serves the build and the CMS
preview. Imports `kiosk_site.snapshot`, `kiosk_site.config` and Jinja only;
the build imports it, never the reverse.
"""

from kiosk_site.render.pages import (
    SiteInputs,
    environment,
    notices_data,
    notices_path,
    page_context,
    page_job,
    page_jobs,
    page_key,
    render,
    site_key,
    templates_hash,
    tool_jobs,
)
from kiosk_site.render.ui_text import gettext_for, ui_texts

__all__ = [
    "SiteInputs",
    "environment",
    "gettext_for",
    "notices_data",
    "notices_path",
    "page_context",
    "page_job",
    "page_jobs",
    "page_key",
    "render",
    "site_key",
    "templates_hash",
    "tool_jobs",
    "ui_texts",
]
