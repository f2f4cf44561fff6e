"""Generated demo media: captioned gradient photos (Pillow), short clips (ffmpeg)."""

import io
import subprocess
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from .errors import DemoSeedError

FONT_PATHS = [
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
]
PHOTO_SIZE = (1280, 720)


def _font(size: int):
    for path in FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def photo_render(
    *, caption: str, top: tuple[int, int, int], bottom: tuple[int, int, int]
) -> bytes:
    """A JPEG: a vertical gradient from ``top`` to ``bottom`` with a caption."""
    width, height = PHOTO_SIZE
    mask = PILImage.linear_gradient("L").resize((width, height))
    image = PILImage.composite(
        PILImage.new("RGB", (width, height), bottom),
        PILImage.new("RGB", (width, height), top),
        mask,
    )
    draw = ImageDraw.Draw(image)
    font = _font(56)
    box = draw.textbbox((0, 0), caption, font=font)
    x = (width - (box[2] - box[0])) // 2
    y = height - 160
    draw.rectangle((0, y - 30, width, y + 100), fill=(0, 0, 0))
    draw.text((x, y), caption, font=font, fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=82)
    return out.getvalue()


def clip_render(*, target: Path, pattern: str, tone_hz: int, seconds: float = 2):
    """Write a small H.264/AAC MP4 test clip (1280×720, 25 fps) to ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    command = [
        "ffmpeg",
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-f",
        "lavfi",
        "-i",
        f"{pattern}=size=1280x720:rate=25",
        "-f",
        "lavfi",
        "-i",
        f"sine=frequency={tone_hz}:sample_rate=48000",
        "-t",
        str(seconds),
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-crf",
        "30",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        "-b:a",
        "64k",
        "-shortest",
        str(target),
    ]
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=60)
    except FileNotFoundError as err:
        raise DemoSeedError(
            "ffmpeg is not installed; install it (apt-get install ffmpeg) to "
            "generate the demo videos."
        ) from err
    except subprocess.CalledProcessError as err:
        raise DemoSeedError(
            f'ffmpeg could not make the demo clip "{target.name}" from pattern '
            f'"{pattern}": {err.stderr.decode(errors="replace").strip()}'
        ) from err
