"""Bundle CSS, JavaScript, fonts and front-end packages under content-hashed names."""

from __future__ import annotations

import functools
import hashlib
import json
import re
from typing import Any

from kiosk_site.config import NODE_MODULES, STATIC_DIR
from kiosk_site.errors import FrontendError
from kiosk_site.fonts import FAMILIES, FontFile

FONTS_CSS = "assets/fonts.css"


def hashed(name: str, data: bytes) -> str:
    stem, dot, ext = name.rpartition(".")
    return f"{stem}-{hashlib.sha256(data).hexdigest()[:12]}.{ext}"


def node_file(rel: str) -> bytes:
    path = NODE_MODULES / rel
    if not path.exists():
        raise FrontendError(
            f"front-end file {path} is missing; run `npm ci --prefix "
            f"{NODE_MODULES.parent}` to install the locked packages"
        )
    return path.read_bytes()


@functools.cache
def _pinyin_table() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(syllable, its characters) from simple-keyboard-layouts, read once."""
    source = node_file("simple-keyboard-layouts/build/layouts/chinese.js").decode()
    block = source.split("layoutCandidates:", 1)[1]
    return tuple(
        (key, tuple(value.split()))
        for key, value in re.findall(r'(\w+):\s*"([^"]*)"', block)
    )


def pinyin_candidates(chars: set[str]) -> dict[str, str]:
    """Pinyin -> the content's own Han characters, from simple-keyboard-layouts.

    The table in the npm package lists common characters per pinyin syllable;
    keeping only the characters the release uses makes a small, honest table.
    """
    out: dict[str, str] = {}
    for key, candidates in _pinyin_table():
        kept = [c for c in candidates if c in chars]
        if kept:
            out[key] = " ".join(kept)
    return dict(sorted(out.items()))


PINYIN_JS = "assets/pinyin.js"


def content_files(fonts: list[FontFile], chars: str) -> dict[str, bytes]:
    """The files that follow the release's characters: the font subsets under
    hashed names, the stable `fonts.css` naming them, and the stable
    `pinyin.js` table of the on-screen keyboard. Pages name only the stable
    files, so a new character never changes a page (nor waits for the fonts)."""
    files = font_files(fonts)
    han = {c for c in chars if 0x4E00 <= ord(c) <= 0x9FFF}
    files[PINYIN_JS] = (
        "window.KIOSK_PINYIN="
        + json.dumps(pinyin_candidates(han), ensure_ascii=False, sort_keys=True)
        + ";\n"
    ).encode()
    return files


def font_files(fonts: list[FontFile]) -> dict[str, bytes]:
    """The WOFF2 files under hashed names and the stable fonts.css naming them."""
    files: dict[str, bytes] = {}
    faces = []
    order = list(FAMILIES)
    for font in sorted(fonts, key=lambda f: order.index(f.key)):
        rel = "assets/fonts/" + hashed(f"{font.key}.woff2", font.data)
        files[rel] = font.data
        faces.append(
            f"@font-face{{font-family:'{font.family}';src:url('/{rel}') "
            f"format('woff2');font-display:swap;unicode-range:{font.unicode_range};}}"
        )
    files[FONTS_CSS] = ("\n".join(faces) + "\n").encode()
    return files


def assets_build(*, config: dict[str, Any]) -> tuple[dict[str, str], dict[str, bytes]]:
    """Return (logical name -> URL, relative output path -> bytes) of the
    bundles that do not depend on content: CSS, app, keyboard and search
    JavaScript under content-hashed names, plus the stable names of the
    files `content_files` makes. (Made once per configuration in a process,
    like the templates: the package's files do not change under it.)"""
    urls, files = _assets(json.dumps(config, sort_keys=True, ensure_ascii=False))
    return dict(urls), dict(files)


@functools.lru_cache(maxsize=8)
def _assets(config_json: str) -> tuple[dict[str, str], dict[str, bytes]]:
    config = json.loads(config_json)
    files: dict[str, bytes] = {}
    urls: dict[str, str] = {"fonts": "/" + FONTS_CSS, "pinyin": "/" + PINYIN_JS}

    def emit(key: str, name: str, data: bytes) -> None:
        rel = "assets/" + hashed(name, data)
        files[rel] = data
        urls[key] = "/" + rel

    css = (
        node_file("simple-keyboard/build/css/index.css").decode()
        + "\n"
        + (STATIC_DIR / "app.css").read_text(encoding="utf-8")
    ).encode()
    emit("css", "app.css", css)

    emit("head", "head.js", (STATIC_DIR / "head.js").read_bytes())

    js = (
        "window.KIOSK_CONFIG="
        + json.dumps(config, sort_keys=True, ensure_ascii=False)
        + ";\n"
        + node_file("qrcode-generator/dist/qrcode.js").decode()
        + "\n"
        + (STATIC_DIR / "app.js").read_text(encoding="utf-8")
    ).encode()
    emit("js", "app.js", js)

    kb = (
        node_file("simple-keyboard/build/index.js").decode()
        + "\n"
        + (STATIC_DIR / "keyboard.js").read_text(encoding="utf-8")
    ).encode()
    emit("keyboard", "keyboard.js", kb)

    search = (
        (STATIC_DIR / "tokenize.js").read_text(encoding="utf-8")
        + "\n"
        + (STATIC_DIR / "search.js").read_text(encoding="utf-8")
    ).encode()
    emit("search", "search.js", search)
    return urls, files
