"""The demo page tree, parents before children."""

from . import border, events, home, news, notices, places

HOME = home.HOME
# Everything below the home page, in creation order (a parent before its
# children); ``parent`` is a slug, ``None`` meaning the home page.
PAGES = [
    *home.SECTIONS,
    home.HOTLINES,
    *border.PAGES,
    *places.PAGES,
    *events.PAGES,
    *news.PAGES,
    *notices.PAGES,
]
