"""The build: one cluster's snapshot into a static kiosk folder.

Owns the orchestration (`site`: read, validate, render, index, write, remove
what is stale), the second process that makes fonts and renders half the
pages (`parallel`), the state kept between builds (`state`), the output
writer (`writer`), the hashed static bundles and fonts.css (`assets`) and the
media files (`media`). Imports `kiosk_site.render`, `kiosk_site.search`,
`kiosk_site.fonts` and `kiosk_site.snapshot`; nothing in the package imports
it but the command line.
"""

from kiosk_site.build.site import BuildReport, report_json, site_build

__all__ = ["BuildReport", "report_json", "site_build"]
