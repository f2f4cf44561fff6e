"""Turn snapshot pages into template contexts and render them with Jinja2.

The same renderer serves the build and the CMS preview: `page_jobs` gives, per
output file, its template, a context maker and a render key maker, and `render`
turns a context into HTML. Contexts are plain JSON data, so the few files
without a cheap key are keyed by hashing their context.
"""

from __future__ import annotations

import functools
import hashlib
import html
import operator
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import compress, repeat
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from kiosk_site.config import FEEDBACK_PATH, PACKAGE_DIR, TEMPLATES_DIR
from kiosk_site.render.ui_text import (
    LOCALE_DIR,
    gettext_for,
    plain,
    site_name,
    ui_language,
)
from kiosk_site.snapshot import canonical_json, page_columns, page_output, page_url

TEMPLATE_OF = {
    "home": "home.html",
    "section": "section.html",
    "information": "information.html",
    "place": "place.html",
    "event": "event.html",
    "border_procedure": "border_procedure.html",
    "hotlines": "hotlines.html",
    "notice": "notice.html",
}

SCRIPT_OF_LOCALE = {
    "zh-hans": "cjk",
    "zh-hant": "cjk",
    "zh": "cjk",
    "lo": "lao",
    "km": "khmer",
}

# Rows of each on-screen keyboard (static/keyboard.js LAYOUTS): Vietnamese and
# Bahnar have a row of diacritics above the Latin rows. The page reserves the
# keyboard's height before it is drawn (app.css, .keyboard[data-rows]).
KEYBOARD_ROWS = {"vi": 6, "bdq": 6}
KEYBOARD_ROWS_DEFAULT = 5

PAGE_LINK = re.compile(r'href="kiosk:page:(\d+)"')
IMG_TAG = re.compile(r'<img\b([^>]*?)\bdata-image-id="(\d+)"([^>]*)>')
PROGRAMME = re.compile(r'<figure\b([^>]*?)\bdata-programme-id="(\d+)"([^>]*)>')


class _Environment(jinja2.Environment):
    """Jinja with `a.b` looking in dicts first.

    Contexts are plain JSON data, so nearly every `a.b` names a dict key;
    Jinja's default tries the attribute first and fails with an exception
    each time, which was the largest single cost of rendering a page. (No
    context key shadows a dict method that templates call.)
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


@cache
def environment() -> jinja2.Environment:
    env = _Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
    )
    env.filters["plain"] = plain
    return env


@cache
def templates_hash() -> str:
    """Hash of everything besides the context that shapes a rendered page."""
    h = hashlib.sha256()
    files = (
        sorted(TEMPLATES_DIR.glob("*.html"))
        + [Path(__file__), Path(__file__).with_name("ui_text.py")]
        + sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.mo"))
    )
    for path in files:
        name = path.relative_to(PACKAGE_DIR).as_posix()
        h.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def render(template: str, context: dict[str, Any]) -> str:
    """Render one output file from its context."""
    tr = gettext_for(context["ui_lang"], context.get("source_lang"))
    return environment().get_template(template).render(context, _=tr)


@dataclass
class SiteInputs:
    """What every page context draws on besides its own page."""

    data: dict[str, Any]
    assets: dict[str, str]
    image_urls: dict[str, str]
    video_urls: dict[str, str]
    by_id: dict[int, dict[str, Any]] = field(default_factory=dict)
    homes: dict[str, dict[str, Any]] = field(default_factory=dict)
    children: dict[int, list[int]] = field(default_factory=dict)
    notices: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    key: str = ""
    commons: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Every pass over the pages runs over their columns (see page_columns).
        pages = self.data["pages"]
        ids, locales, types, paths, _hashes = page_columns(pages)
        self.by_id = by_id = dict(zip(ids, pages, strict=True))
        # A locale's home: its last "home" page, else its first page at "/".
        for p in compress(pages, map(operator.eq, paths, repeat("/"))):
            self.homes.setdefault(p["locale"], p)
        for p in compress(pages, map(operator.eq, types, repeat("home"))):
            self.homes[p["locale"]] = p
        for p in compress(pages, map(operator.eq, types, repeat("notice"))):
            self.notices.setdefault(p["locale"], []).append(p)
        self.children = _menu_children(self.data["navigation"], by_id)


# The last menu trees walked, with the navigation and the page ids they came
# from: a worker's rebuild after a page edit usually has the very same
# navigation object (the snapshot reader keeps an unchanged first line's).
_CHILDREN: tuple[Any, set[int], dict[int, list[int]]] | None = None


def _menu_children(navigation: Any, by_id: dict[int, Any]) -> dict[int, list[int]]:
    """Page id -> the ids of its children in menu order (existing pages only),
    walked without recursion. Callers only read the result."""
    global _CHILDREN
    if (
        _CHILDREN is not None
        and _CHILDREN[0] is navigation
        and _CHILDREN[1] == by_id.keys()
    ):
        return _CHILDREN[2]
    children: dict[int, list[int]] = {}
    stack = list(navigation.values())
    while stack:
        node = stack.pop()
        kids = node["children"]
        children[node["id"]] = [c["id"] for c in kids if c["id"] in by_id]
        stack += kids
    _CHILDREN = (navigation, set(by_id), children)
    return children


def _body(site: SiteInputs, body: str, locale: str) -> str:
    def link(m: re.Match[str]) -> str:
        target = site.by_id.get(int(m.group(1)))
        return f'href="{page_url(target)}"' if target else 'href="#" data-missing="1"'

    def img(m: re.Match[str]) -> str:
        ident = m.group(2)
        src = site.image_urls.get(ident)
        entry = site.data["images"].get(ident, {})
        size = ""
        if entry.get("width") and entry.get("height"):
            size = f' width="{entry["width"]}" height="{entry["height"]}"'
        if not src:
            return f'<img{m.group(1)}data-image-id="{ident}"{m.group(3)}>'
        return (
            f'<img{m.group(1)}src="{src}" loading="lazy"{size} '
            f'data-image-id="{ident}"{m.group(3)}>'
        )

    def programme(m: re.Match[str]) -> str:
        ident = m.group(2)
        start = f'<figure{m.group(1)}data-programme-id="{ident}"{m.group(3)}>'
        prog = site.data["programmes"].get(ident)
        return start + _programme_html(site, ident, prog, locale) if prog else start

    body = PAGE_LINK.sub(link, body)
    body = IMG_TAG.sub(img, body)
    return PROGRAMME.sub(programme, body)


def _track_html(track: dict[str, Any], url: str, locale: str) -> str:
    """One WebVTT subtitle track; the page's own language is on by default."""
    language = html.escape(track["language"])
    default = " default" if track["language"] == locale else ""
    return (
        f'<track kind="subtitles" srclang="{language}" '
        f'label="{html.escape(track["label"])}" src="{url}"{default}>'
    )


def _programme_html(
    site: SiteInputs, ident: str, prog: dict[str, Any], locale: str
) -> str:
    """A programme in a page: its kiosk rendition in a player with poster and
    subtitle tracks (the page's language on by default); until the rendition
    is ready, the poster and a line saying the video is being prepared,
    never a player without a playable file."""
    esc = html.escape
    title = esc(prog["titles"].get(locale) or next(iter(prog["titles"].values()), ""))
    urls = site.video_urls
    poster_url = urls.get(f"{ident}:poster", "")
    poster = prog.get("poster") or {}
    size = ""
    if poster.get("width") and poster.get("height"):
        size = f' width="{poster["width"]}" height="{poster["height"]}"'
    src = urls.get(ident)
    if src and prog.get("status", "ready") == "ready":
        video = prog["video"]
        if video.get("width") and video.get("height"):
            size = f' width="{video["width"]}" height="{video["height"]}"'
        tracks = "".join(
            _track_html(t, urls[f"{ident}:subtitles:{t['language']}"], locale)
            for t in prog.get("subtitles") or ()
        )
        poster_attr = f' poster="{poster_url}"' if poster_url else ""
        return (
            f'<video src="{src}"{poster_attr}{size} controls playsinline '
            f'preload="none">{tracks}</video><figcaption>{title}</figcaption>'
        )
    source = site.data["cluster"]["source_language"]
    tr = gettext_for(ui_language(locale, source), source)
    if "status" in prog:
        message = tr("This video is being prepared. Please come back later.")
    else:  # a snapshot from before kiosk renditions, without a video
        message = tr("Video not available on this kiosk")
    still = f'<img src="{poster_url}" alt=""{size}>' if poster_url else ""
    return (
        f'{still}<p class="video-preparing" lang="{message.lang}">'
        f"{esc(message)}</p><figcaption>{title}</figcaption>"
    )


CHROME_PARTS = (
    "head_assets",
    "header_open",
    "back_label",
    "header_close",
    "qr_label",
    "qr_caption",
    "foot_links",
    "close_and_emergency",
)


def _chrome(ctx: dict[str, Any]) -> dict[str, Markup]:
    """The parts of templates/chrome.html for one locale, rendered once."""
    module = (
        environment()
        .get_template("chrome.html")
        .make_module(vars={**ctx, "_": gettext_for(ctx["ui_lang"], ctx["source_lang"])})
    )
    return {name: Markup(getattr(module, name)()) for name in CHROME_PARTS}


def notices_path(locale: str) -> str:
    """The release file that sets window.KIOSK_NOTICES for a locale's pages."""
    return f"data/notices-{locale}.js"


def _font_scripts(*locales: str) -> str:
    """The scripts whose fonts the page waits for before it is shown
    (static/head.js): those of `locales`, and Latin always (digits, names,
    the interface's Latin text)."""
    scripts = ["latin"]
    for locale in locales:
        script = SCRIPT_OF_LOCALE.get(locale, "latin")
        if script not in scripts:
            scripts.append(script)
    return " ".join(scripts)


def _common(site: SiteInputs, locale: str) -> dict[str, Any]:
    """The context every screen of `locale` starts from (a fresh copy)."""
    base = site.commons.get(locale)
    if base is None:
        data = site.data
        loc = next(x for x in data["locales"] if x["code"] == locale)
        source = data["cluster"]["source_language"]
        home = site.homes.get(locale)
        ui_lang = ui_language(locale, source)
        name = data.get("site_name") or data["cluster"]["name"]
        base = {
            "site": {
                "name": site_name(name, ui_lang, source),
                "cluster": data["cluster"]["name"],
                "place": data["cluster"]["place"],
            },
            "locale": loc,
            "script": SCRIPT_OF_LOCALE.get(locale, "latin"),
            "ui_lang": ui_lang,
            "source_lang": source,
            "assets": site.assets,
            "home_url": page_url(home) if home else "/",
            "search_url": f"/{locale}/search/",
            "feedback_url": f"/{locale}/feedback/",
            "feedback_endpoint": FEEDBACK_PATH,
            "notices_url": "/" + notices_path(locale),
            "font_scripts": _font_scripts(locale, ui_lang),
            "search_index_url": f"/search/{locale}/",
            "keyboard_rows": KEYBOARD_ROWS.get(locale, KEYBOARD_ROWS_DEFAULT),
        }
        base["chrome"] = _chrome(base)
        site.commons[locale] = base
    return dict(base)


def _languages(site: SiteInputs, page: dict[str, Any] | None) -> list[dict[str, str]]:
    out = []
    for loc in site.data["locales"]:
        code = loc["code"]
        target = None
        if page is not None:
            target = (
                page
                if page["locale"] == code
                else site.by_id.get(page["translations"].get(code, -1))
            )
        if target is None:
            target = site.homes.get(code)
        if target is None:
            continue
        out.append(
            {"code": code, "name_local": loc["name_local"], "url": page_url(target)}
        )
    return out


def _tile(site: SiteInputs, page: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": page["title"],
        "summary": page["summary"],
        "url": page_url(page),
        "type": page["type"],
        "icon": page["fields"].get("icon", "") if page["type"] == "section" else "",
        "hero": site.image_urls.get(str(page["hero_image"]))
        if page["hero_image"]
        else "",
        "expires_at": page["fields"].get("expires_at") or ""
        if page["type"] == "notice"
        else "",
    }


def page_context(site: SiteInputs, page: dict[str, Any]) -> dict[str, Any]:
    locale = page["locale"]
    ctx = _common(site, locale)
    categories = site.data["categories"]
    parent = site.by_id.get(page["parent_id"]) if page["parent_id"] else None
    hero = (
        site.data["images"].get(str(page["hero_image"])) if page["hero_image"] else None
    )
    fields = dict(page["fields"])
    for key in ("intro_html", "documents_needed_html", "fees_html", "where_to_go_html"):
        if key in fields:
            fields[key] = _body(site, fields[key], locale)
    ctx.update(
        {
            "page": {
                "id": page["id"],
                "type": page["type"],
                "title": page["title"],
                "summary": page["summary"],
                "body_html": _body(site, page["body_html"], locale),
                "fields": fields,
                "portal_url": page["portal_url"],
                "agency": page["agency"],
                "source_credit": page["source_credit"],
                "category_label": categories.get(page["category"] or "", {})
                .get("labels", {})
                .get(locale, ""),
                "hero": site.image_urls.get(str(page["hero_image"]), "")
                if hero
                else "",
                "hero_w": (hero or {}).get("width", ""),
                "hero_h": (hero or {}).get("height", ""),
            },
            "back_url": page_url(parent) if parent else "/",
            "children": [
                _tile(site, site.by_id[c]) for c in site.children.get(page["id"], [])
            ],
            "languages": _languages(site, page),
        }
    )
    return ctx


def site_key(site: SiteInputs) -> str:
    """Hash of every site-wide input a page context can draw on."""
    if not site.key:
        data = site.data
        covered = {
            "assets": site.assets,
            "image_urls": site.image_urls,
            "video_urls": site.video_urls,
            "images": data["images"],
            "programmes": data["programmes"],
            "locales": data["locales"],
            "categories": data["categories"],
            "cluster": data["cluster"],
            "site_name": data.get("site_name", ""),
            "paths": _paths_digest(data["pages"]),
            "homes": sorted((k, p["id"]) for k, p in site.homes.items()),
        }
        site.key = hashlib.sha256(canonical_json(covered)).hexdigest()
    return site.key


# The last digest of every page's id, locale and path, with those columns:
# comparing them is cheaper than hashing them again on every rebuild.
_PATHS: tuple[tuple[Any, ...], tuple[Any, ...], tuple[Any, ...], str] | None = None


def _paths_digest(pages: list[dict[str, Any]]) -> str:
    """sha256 of every page's id, locale and path (NUL never occurs in them)."""
    global _PATHS
    ids, locales, _types, paths, _hashes = page_columns(pages)
    if _PATHS is not None and _PATHS[:3] == (ids, locales, paths):
        return _PATHS[3]
    digest = hashlib.sha256(
        "\0".join(map("{}\0{}\0{}".format, ids, locales, paths)).encode()
    ).hexdigest()
    _PATHS = (ids, locales, paths, digest)
    return digest


def page_key(site: SiteInputs, page: dict[str, Any]) -> str:
    """Render key of a content page without building its context.

    The page's own content hash, its children's tiles in menu order and
    the site-wide inputs (paths of all pages, assets, labels) decide its HTML.
    """
    tiles = [_tile(site, site.by_id[c]) for c in site.children.get(page["id"], [])]
    return hashlib.sha256(
        f"{site_key(site)}|{page['content_hash']}|".encode() + canonical_json(tiles)
    ).hexdigest()


Job = tuple[str, str, Callable[[], dict], Callable[[], str] | None]


def page_job(site: SiteInputs, page: dict[str, Any]) -> Job:
    """(output path, template, context maker, render key maker) of a content page."""
    return (
        page_output(page),
        TEMPLATE_OF[page["type"]],
        functools.partial(page_context, site, page),
        functools.partial(page_key, site, page),
    )


def page_jobs(site: SiteInputs) -> Iterator[Job]:
    """(output path, template, context maker, render key maker or None) per file.

    Content pages carry a cheap key (see `page_key`), made only when asked
    for; the few other files (`tool_jobs`) are keyed by hashing their context.
    """
    tools = list(tool_jobs(site))
    yield tools[0]
    for page in site.data["pages"]:
        yield page_job(site, page)
    yield from tools[1:]


def tool_jobs(site: SiteInputs) -> Iterator[Job]:
    """The attract screen, then each locale's search and feedback screens."""
    data = site.data
    source = data["cluster"]["source_language"]
    locales = [x["code"] for x in data["locales"]]
    first = source if source in locales else locales[0]

    def attract() -> dict[str, Any]:
        ctx = _common(site, first)
        langs = _languages(site, None)
        for lang in langs:
            lang["cta"] = gettext_for(ui_language(lang["code"], source), source)(
                "Touch to start"
            )
        ctx.update(
            {
                "page": {
                    "type": "attract",
                    "title": ctx["site"]["name"],
                    "portal_url": "",
                },
                "back_url": "",
                "languages": langs,
                "font_scripts": _font_scripts(*(lang["code"] for lang in langs)),
            }
        )
        return ctx

    yield "index.html", "attract.html", attract, None
    for locale in locales:
        if locale not in site.homes:
            continue
        for kind in ("search", "feedback"):

            def tool(locale: str = locale, kind: str = kind) -> dict[str, Any]:
                ctx = _common(site, locale)
                ctx.update(
                    {
                        "page": {"type": kind, "title": kind, "portal_url": ""},
                        "back_url": ctx["home_url"],
                        "languages": [
                            {**x, "url": f"/{x['code']}/{kind}/"}
                            if x["code"] in site.homes
                            else x
                            for x in _languages(site, None)
                        ],
                    }
                )
                return ctx

            yield f"{locale}/{kind}/index.html", f"{kind}.html", tool, None


def notices_data(site: SiteInputs, locale: str) -> list[dict[str, Any]]:
    """Notices of one locale for the banner and the emergency takeover."""
    out = []
    for page in site.notices.get(locale, []):
        out.append(
            {
                "id": page["id"],
                "title": page["title"],
                "summary": page["summary"],
                "url": page_url(page),
                "severity": page["fields"]["severity"],
                "valid_from": page["fields"].get("valid_from"),
                "expires_at": page["fields"].get("expires_at"),
            }
        )
    return out
