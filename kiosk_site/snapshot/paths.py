"""Where each snapshot page lives in the built site.

The renderer links pages by these URLs, the search index stores them, and the
CMS preview and the tests find the files by them, so they live below all of
those.
"""

from __future__ import annotations

from typing import Any


def page_url(page: dict[str, Any]) -> str:
    """Site URL of a page: `/<locale>/` for a home page, else its path as
    one HTML file, `/<locale>/<path>.html` (see page_output)."""
    path = page["path"].strip("/")
    return f"/{page['locale']}/{path}.html" if path else f"/{page['locale']}/"


def page_output(page: dict[str, Any]) -> str:
    """Relative output file of a page: `<locale>/index.html` for a home page,
    else `<locale>/<path>.html`. Files rather than `<path>/index.html`
    folders: a folder is made only for a page with children, which saves
    thousands of mkdir calls on a large site, and any static file server
    serves the links as they are."""
    path = page["path"].strip("/")
    return f"{page['locale']}/{path}.html" if path else f"{page['locale']}/index.html"
