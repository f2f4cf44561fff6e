"""The airtime chart: delivered against required hours per cluster, a PNG (Pillow).

Two bars per cluster, required (grey) and delivered (blue), on one scale, with
the hours written above each bar and the cluster code below.
"""

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .figures import ClusterAirtime
from .numbers import hours

# Noto Sans is installed by scripts/setup.sh (fonts-noto-core); it has the
# Vietnamese letters. Pillow's own font is the fallback.
FONT_PATHS = [
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
]
WIDTH, HEIGHT = 1600, 900
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 110, 40, 150, 120
REQUIRED_COLOUR = (160, 160, 160)
DELIVERED_COLOUR = (31, 95, 170)
INK = (30, 30, 30)


def _font(size: int):
    for path in FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def _legend(draw: ImageDraw.ImageDraw, labels: tuple[str, str], font) -> None:
    x = MARGIN_LEFT
    for colour, label in zip((REQUIRED_COLOUR, DELIVERED_COLOUR), labels, strict=True):
        draw.rectangle((x, 80, x + 34, 114), fill=colour)
        draw.text((x + 44, 74), label, fill=INK, font=font)
        x += 60 + draw.textlength(label, font=font)


def _bar(draw, box, colour, text: str, font) -> None:
    draw.rectangle(box, fill=colour)
    width = draw.textlength(text, font=font)
    centre = (box[0] + box[2]) / 2
    draw.text((centre - width / 2, box[1] - 44), text, fill=INK, font=font)


def airtime_chart_png(
    *, rows: list[ClusterAirtime], title: str, labels: tuple[str, str]
) -> bytes:
    """The chart as PNG bytes; ``labels``: the legend's required and delivered."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    small, big = _font(34), _font(44)
    draw.text((MARGIN_LEFT, 12), title, fill=INK, font=big)
    _legend(draw, labels, small)
    base = HEIGHT - MARGIN_BOTTOM
    draw.line((MARGIN_LEFT, base, WIDTH - MARGIN_RIGHT, base), fill=INK, width=2)
    top = max([max(r.required_minutes, r.delivered_minutes) for r in rows] + [60])
    scale = (base - MARGIN_TOP - 40) / top
    slot = (WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / max(len(rows), 1)
    bar = min(slot * 0.35, 160)
    for index, row in enumerate(rows):
        left = MARGIN_LEFT + index * slot + (slot - 2 * bar) / 2
        for offset, minutes, colour in (
            (0, row.required_minutes, REQUIRED_COLOUR),
            (bar, row.delivered_minutes, DELIVERED_COLOUR),
        ):
            height = max(minutes * scale, 1)
            box = (left + offset, base - height, left + offset + bar - 4, base)
            _bar(draw, box, colour, hours(minutes), small)
        width = draw.textlength(row.code, font=small)
        draw.text((left + bar - width / 2, base + 12), row.code, fill=INK, font=small)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
