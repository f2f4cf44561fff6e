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
