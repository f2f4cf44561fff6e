"""Every HTML field of a snapshot page cut down to what the CMS makes.

The CMS's editor and body blocks produce a small set of tags (cms/headless/
render.py): paragraphs, headings, lists, bold and italic, links, images by
reference (`<img data-image-id alt>`), programmes by reference (`<figure
class="programme" data-programme-id>`), tables, opening hours and contact
cards. A body written into the database by another path (an import, a
script, a shell) may hold anything, and a kiosk is a public touch screen: so
the builder trusts no HTML of the snapshot and keeps only that set, with
ammonia (through `nh3`). Links keep only `kiosk:page:<id>` (a page of the
release), relative URLs within the site, `mailto:` and `tel:`; images keep no
`src` at all (the builder sets it from the release's own media). Script and
style elements go with their content; comments, event handlers and style
attributes go.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import nh3

TAGS = frozenset(
    {
        "a", "abbr", "address", "b", "blockquote", "br", "caption", "cite",
        "code", "col", "colgroup", "dd", "div", "dl", "dt", "em", "figcaption",
        "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol",
        "p", "s", "section", "small", "span", "strong", "sub", "sup", "table",
        "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
    }
)  # fmt: skip
ATTRIBUTES = {
    "*": {"class", "lang", "dir", "title"},
    "a": {"href", "hreflang"},
    "img": {"alt", "data-image-id"},
    "figure": {"data-programme-id"},
    "th": {"scope", "colspan", "rowspan", "headers", "abbr"},
    "td": {"colspan", "rowspan", "headers"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "time": {"datetime"},
}
URL_SCHEMES = frozenset({"kiosk", "mailto", "tel"})
# Values checked beyond ammonia's own rules (attribute -> full match).
_VALUES = {
    "data-image-id": re.compile(r"\d{1,12}"),
    "data-programme-id": re.compile(r"\d{1,12}"),
    "colspan": re.compile(r"[1-9]\d{0,2}"),
    "rowspan": re.compile(r"[1-9]\d{0,2}"),
    "span": re.compile(r"[1-9]\d{0,2}"),
    "start": re.compile(r"-?\d{1,9}"),
}
KIOSK_LINK = re.compile(r"kiosk:page:\d{1,12}")


def _attribute(tag: str, name: str, value: str) -> str | None:
    """Keep an allowed attribute only with a value the CMS could have made."""
    pattern = _VALUES.get(name)
    if pattern is not None and not pattern.fullmatch(value.strip()):
        return None
    if name == "href" and value.lower().startswith("kiosk:"):
        return value if KIOSK_LINK.fullmatch(value) else None
    return value


def _relative(url: str) -> str | None:
    """A relative URL stays on the kiosk's own site; `//host/…` would not."""
    if url.startswith(("//", "\\", "/\\")):
        return None
    return url


@cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_attribute,
        url_schemes=set(URL_SCHEMES),
        url_relative=_relative,
        link_rel=None,
        strip_comments=True,
    )


def html_sanitise(html: str) -> str:
    """`html` with only the tags, attributes and URLs the CMS produces."""
    if not html:
        return html
    return _cleaner().clean(html)


def page_sanitise(page: Any) -> Any:
    """Sanitise, in place, every `*_html` member of a page and of its
    `fields`; anything that is not a string is left for validation to report.
    Returns the page."""
    if not isinstance(page, dict):
        return page
    for holder in (page, page.get("fields")):
        if not isinstance(holder, dict):
            continue
        for key, value in holder.items():
            if key.endswith("_html") and isinstance(value, str) and value:
                holder[key] = html_sanitise(value)
    return page
