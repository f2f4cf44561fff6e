"""A "led" section (contracts: snapshot section "led") added to a sample
snapshot, its videos written beside the snapshot like its images."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
import tempfile
from pathlib import Path

from bench.sample import snapshot_write

TIMEZONE = "Asia/Ho_Chi_Minh"
FIRST_DAY = dt.date(2026, 12, 7)
WINDOWS = [{"start": "07:00", "end": "11:00"}, {"start": "14:00", "end": "18:00"}]


def clip(*, seconds: float, colour: str, size: str = "64x36", sound: bool = False):
    """A short H.264 MP4 (moov first) of one colour with a counter; its bytes."""
    args = ["-f", "lavfi", "-i", f"color=c={colour}:s={size}:r=25:d={seconds}"]
    if sound:
        args += ["-f", "lavfi", "-i", f"sine=f=440:d={seconds}", "-c:a", "aac"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "clip.mp4"
        subprocess.run(
            ["ffmpeg", "-hide_banner", "-nostdin", "-v", "error", *args,
             "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "25",
             "-movflags", "+faststart", str(out)],
            check=True, timeout=60,
        )  # fmt: skip
        return out.read_bytes()


def video_entry(media: Path, name: str, data: bytes, **extra) -> dict:
    """A media entry as the CMS exports a rendition, the file in `media`."""
    media.mkdir(parents=True, exist_ok=True)
    (media / name).write_bytes(data)
    return {
        "url": f"media/{name}",
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
        "content_type": "video/mp4",
        **extra,
    }


def loop_item(
    programme_id: int, video: dict, *, duration_s: float, advertising: bool = False
) -> dict:
    return {
        "programme_id": programme_id,
        "title": f"Chương trình {programme_id}",
        "advertising": advertising,
        "duration_s": duration_s,
        "video": video,
    }


def led_face(
    code: str,
    loop: list[dict],
    *,
    width: int = 64,
    height: int = 36,
    has_sound: bool = False,
    windows: list[dict] | None = None,
) -> dict:
    """A face with 14 days from FIRST_DAY, each with `windows` and `loop`."""
    windows = WINDOWS if windows is None else windows
    return {
        "code": code,
        "name": f"Mặt {code}",
        "width": width,
        "height": height,
        "fps": 25.0,
        "has_sound": has_sound,
        "days": [
            {
                "date": (FIRST_DAY + dt.timedelta(days=n)).isoformat(),
                "day_type": "working",
                "windows": windows,
                "required_minutes": 480,
                "planned_minutes": 480 if loop else 0,
                "loop": loop,
            }
            for n in range(14)
        ],
    }


def set_led(snap: Path, faces: list[dict]) -> dict:
    """Write the snapshot's "led" section with `faces`; returns the section."""
    data = json.loads(snap.read_text(encoding="utf-8"))
    data["led"] = {"timezone": TIMEZONE, "faces": faces}
    snapshot_write(snap, data)
    return data["led"]
