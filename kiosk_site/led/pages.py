"""Per LED face: the player page, its size and its playlist; the player assets."""

from __future__ import annotations

import functools
import hashlib
import html
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk_site.errors import SnapshotError

STATIC = Path(__file__).resolve().parent / "static"
FACE_CODE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
# The kiosk pages' policy (render/templates/base.html): the release's own
# files only, no inline script or style.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; media-src 'self'; "
    "connect-src 'self'; object-src 'none'; frame-src 'none'; "
    "base-uri 'none'; form-action 'self'"
)
PAGE = """<!DOCTYPE html>
<html lang="{lang}" class="led">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<title>LED · {name}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{fonts}">
<link rel="stylesheet" href="{css}">
<link rel="stylesheet" href="/led/{code}/face.css">
<script src="{js}" defer></script>
</head>
<body data-face="{code}" data-playlist="/led/{code}/playlist.json">
<video class="led-video" muted playsinline preload="auto"></video>
<video class="led-video" muted playsinline preload="auto"></video>
<div class="led-message" hidden><p class="led-title"></p><p class="led-text"></p></div>
</body>
</html>
"""


def _hashed(name: str, data: bytes) -> str:
    stem, _dot, ext = name.rpartition(".")
    return f"assets/{stem}-{hashlib.sha256(data).hexdigest()[:12]}.{ext}"


@functools.cache
def player_assets() -> dict[str, tuple[str, bytes]]:
    """{"js" | "css": (output path, bytes)} of the player, content-hashed."""
    out = {}
    for key, name in (("js", "player.js"), ("css", "player.css")):
        data = (STATIC / name).read_bytes()
        out[key] = (_hashed(f"led-{name}", data), data)
    return out


def _face_code(face: dict[str, Any]) -> str:
    code = face.get("code")
    if not isinstance(code, str) or not FACE_CODE.match(code):
        raise SnapshotError(
            f"LED face code {code!r:.80} cannot name a folder of the site; use "
            "lower-case letters, digits, '-' and '_' (e.g. 'facing-laos')"
        )
    return code


def _loop_item(item: dict[str, Any], video_urls: Mapping[str, str]) -> dict:
    video = item["video"]
    return {
        "programme_id": item["programme_id"],
        "title": item.get("title", ""),
        "advertising": bool(item.get("advertising", False)),
        "duration_s": item["duration_s"],
        "src": video_urls[video["sha256"]],
        "sha256": video["sha256"],
    }


def _playlist(
    face: dict[str, Any], timezone: str, video_urls: Mapping[str, str], js: str
) -> bytes:
    days = [
        {
            **{k: v for k, v in day.items() if k != "loop"},
            "loop": [_loop_item(item, video_urls) for item in day["loop"]],
        }
        for day in face["days"]
    ]
    data = {
        "version": 1,
        "face": {k: v for k, v in face.items() if k != "days"},
        "timezone": timezone,
        "player": "/" + js,
        "days": days,
    }
    return json.dumps(
        data, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode()


def _page(face: dict[str, Any], *, lang: str, fonts_url: str, assets: dict) -> bytes:
    return PAGE.format(
        lang=html.escape(lang),
        csp=CSP,
        name=html.escape(str(face.get("name", face["code"]))),
        code=face["code"],
        fonts=html.escape(fonts_url),
        css="/" + assets["css"][0],
        js="/" + assets["js"][0],
    ).encode()


def _face_css(face: dict[str, Any]) -> bytes:
    width, height = int(face["width"]), int(face["height"])
    return f"html,body{{width:{width}px;height:{height}px}}\n".encode()


def led_files(
    data: dict[str, Any], *, video_urls: Mapping[str, str], fonts_url: str
) -> dict[str, bytes]:
    """Output path -> bytes of the LED player for the snapshot's "led" section.

    `video_urls` maps each loop video's sha256 to its URL in the site (the
    build copies the files, see build.media.led_media_sync). Nothing when the
    snapshot has no LED faces.
    """
    led = data.get("led") or {}
    if not led.get("faces"):
        return {}
    assets = player_assets()
    files = {path: blob for path, blob in assets.values()}
    lang = data["cluster"]["source_language"]
    for face in led["faces"]:
        code = _face_code(face)
        files[f"led/{code}/index.html"] = _page(
            face, lang=lang, fonts_url=fonts_url, assets=assets
        )
        files[f"led/{code}/face.css"] = _face_css(face)
        files[f"led/{code}/playlist.json"] = _playlist(
            face, led["timezone"], video_urls, assets["js"][0]
        )
    return files
