"""Paths and constants of the kiosk builder (no environment reads here)."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
SCHEMA_PATH = PACKAGE_DIR / "schema" / "snapshot-1.schema.json"
TEMPLATES_DIR = PACKAGE_DIR / "render" / "templates"
STATIC_DIR = PACKAGE_DIR / "static"
FRONTEND_DIR = PACKAGE_DIR / "frontend"
NODE_MODULES = FRONTEND_DIR / "node_modules"

# Build state lives inside the output folder but outside the site proper;
# `serve` never serves dot-folders.
STATE_DIRNAME = ".kiosk-build"

DEFAULT_IDLE_TIMEOUT_S = 90
FEEDBACK_PATH = "/feedback"

FONT_DIRS = (Path("/usr/share/fonts"),)
# family -> (file name, index inside a collection or None)
FONT_FILES = {
    "latin": ("NotoSans-Regular.ttf", None),
    "lao": ("NotoSansLao-Regular.ttf", None),
    "khmer": ("NotoSansKhmer-Regular.ttf", None),
    "cjk": ("NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
}

# Content types of a kiosk site's files, for the builder's preview server and
# the agent's (Python's own table lacks some and guesses others by platform).
STATIC_CONTENT_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".woff2": "font/woff2",
    ".svg": "image/svg+xml",
    # Not in Python's own table everywhere: without it a kiosk PC whose
    # mime.types lacks WebVTT serves subtitles as octet-stream and Chromium
    # ignores the <track>.
    ".vtt": "text/vtt; charset=utf-8",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}
