"""Bundle CSS, JavaScript, fonts and front-end packages under content-hashed names."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from .config import NODE_MODULES, STATIC_DIR
from .errors import FrontendError
from .fonts import fonts_build

FONTS_CSS = "assets/fonts.css"
UNICODE_RANGES = {
    "latin": None,
    "lao": "U+0E80-0EFF",
    "khmer": "U+1780-17FF, U+19E0-19FF",
    "cjk": "U+2E80-9FFF, U+F900-FAFF, U+FF00-FFEF, U+20000-2FFFF",
}


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


def pinyin_candidates(chars: set[str]) -> dict[str, str]:
    """Pinyin -> the content's own Han characters, from simple-keyboard-layouts.

    The table in the npm package lists common characters per pinyin syllable;
    keeping only the characters the release uses makes a small, honest table.
    """
    source = node_file("simple-keyboard-layouts/build/layouts/chinese.js").decode()
    block = source.split("layoutCandidates:", 1)[1]
    out: dict[str, str] = {}
    for key, value in re.findall(r'(\w+):\s*"([^"]*)"', block):
        kept = [c for c in value.split() if c in chars]
        if kept:
            out[key] = " ".join(kept)
    return dict(sorted(out.items()))


SKIP_FONTS: list[tuple[str, str, bytes]] = []


def font_files(fonts: list[tuple[str, str, bytes]]) -> dict[str, bytes]:
    """The WOFF2 subsets under hashed names and the stable fonts.css naming them."""
    files: dict[str, bytes] = {}
    faces = []
    order = list(UNICODE_RANGES)
    for family, key, data in sorted(fonts, key=lambda f: order.index(f[1])):
        rel = "assets/fonts/" + hashed(f"{key}.woff2", data)
        files[rel] = data
        rng = UNICODE_RANGES[key]
        rule = f"unicode-range:{rng};" if rng else ""
        faces.append(
            f"@font-face{{font-family:'{family}';src:url('/{rel}') format('woff2');"
            f"font-display:swap;{rule}}}"
        )
    files[FONTS_CSS] = ("\n".join(faces) + "\n").encode()
    return files


def assets_build(
    *,
    texts: list[str],
    config: dict[str, Any],
    cache_dir: Path,
    fonts: list[tuple[str, str, bytes]] | None = None,
) -> tuple[dict[str, str], dict[str, bytes]]:
    """Return (logical name -> URL, relative output path -> bytes).

    `fonts` may carry subsets made elsewhere (another process); else they are
    made here; with SKIP_FONTS the font files are left out (see font_files).
    """
    files: dict[str, bytes] = {}
    urls: dict[str, str] = {}

    def emit(key: str, name: str, data: bytes) -> None:
        rel = "assets/" + hashed(name, data)
        files[rel] = data
        urls[key] = "/" + rel

    if fonts is None:
        fonts = fonts_build(texts, cache_dir=cache_dir / "fonts")
    if fonts is not SKIP_FONTS:
        files.update(font_files(fonts))
    # The @font-face rules go in a small stable-named file: the subsets change
    # whenever a release uses new characters, and pages must not change then.
    # So pages can be rendered while the fonts are still being made.
    urls["fonts"] = "/" + FONTS_CSS
    css = (
        node_file("simple-keyboard/build/css/index.css").decode()
        + "\n"
        + (STATIC_DIR / "app.css").read_text(encoding="utf-8")
    ).encode()
    emit("css", "app.css", css)

    js = (
        "window.KIOSK_CONFIG="
        + json.dumps(config, sort_keys=True, ensure_ascii=False)
        + ";\n"
        + node_file("qrcode-generator/dist/qrcode.js").decode()
        + "\n"
        + (STATIC_DIR / "app.js").read_text(encoding="utf-8")
    ).encode()
    emit("js", "app.js", js)

    han = {c for c in set().union(*texts) if 0x4E00 <= ord(c) <= 0x9FFF}
    kb = (
        node_file("simple-keyboard/build/index.js").decode()
        + "\nwindow.KIOSK_PINYIN="
        + json.dumps(pinyin_candidates(han), ensure_ascii=False, sort_keys=True)
        + ";\n"
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
