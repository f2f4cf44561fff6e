"""A programme added to a sample snapshot: a real H.264 clip (its kiosk
rendition), a poster and WebVTT tracks, beside the snapshot like its images."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

from bench.sample import snapshot_write

PROGRAMME_ID = "7"
VTT = {
    "vi": "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nChào mừng đến Bờ Y\n",
    "lo": "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nຍິນດີຕ້ອນຮັບ\n",
}
LABELS = {"vi": "Tiếng Việt", "lo": "ພາສາລາວ"}


def _ffmpeg(*args: str) -> None:
    subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-y", *args],
        check=True,
        timeout=120,
    )


def _entry(media: Path, name: str, data: bytes, **extra) -> dict:
    (media / name).write_bytes(data)
    return {
        "url": f"media/{name}",
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
        **extra,
    }


def make_media(media: Path) -> dict[str, bytes]:
    """A 2 s 320x180 H.264/AAC MP4 with its index first, and a JPEG poster."""
    media.mkdir(parents=True, exist_ok=True)
    clip, still = media / "clip.tmp.mp4", media / "poster.tmp.jpg"
    _ffmpeg(
        "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=2",
        "-f", "lavfi", "-i", "sine=f=440:d=2",
        "-c:v", "libx264", "-profile:v", "high", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-movflags", "+faststart", str(clip),
    )  # fmt: skip
    _ffmpeg("-i", str(clip), "-frames:v", "1", "-q:v", "3", str(still))
    files = {"video": clip.read_bytes(), "poster": still.read_bytes()}
    clip.unlink()
    still.unlink()
    return files


def programme_entry(media: Path, *, status: str = "ready", poster: bool = True):
    """Programme 7's snapshot entry, its files written into ``media``.

    ``status`` "ready" lists its video and tracks; any other lists none (the
    kiosk rendition is still being made or failed).
    """
    files = make_media(media)
    programme: dict = {
        "id": int(PROGRAMME_ID),
        "titles": {"vi": "Phóng sự Bờ Y", "lo": "ລາຍງານ Bờ Y"},
        "status": status,
        "video": None,
        "poster": None,
        "subtitles": [],
    }
    if poster:
        programme["poster"] = _entry(
            media, "poster.jpg", files["poster"], content_type="image/jpeg",
            width=320, height=180,
        )  # fmt: skip
    if status == "ready":
        programme["video"] = _entry(
            media, "kiosk.mp4", files["video"], content_type="video/mp4",
            width=320, height=180, duration_s=2.0,
        )  # fmt: skip
        programme["subtitles"] = [
            _entry(
                media,
                f"sub-{code}.vtt",
                text.encode(),
                content_type="text/vtt",
                language=code,
                label=LABELS[code],
            )  # fmt: skip
            for code, text in VTT.items()
        ]
    return programme


def add_programme(snap: Path, **kwargs) -> dict:
    """Embed programme 7 (see programme_entry) in the first information page
    of every locale of ``snap``; returns those pages by locale."""
    data = json.loads(snap.read_text(encoding="utf-8"))
    data["programmes"][PROGRAMME_ID] = programme_entry(snap.parent / "media", **kwargs)
    pages = {}
    for page in data["pages"]:
        if page["type"] == "information" and page["locale"] not in pages:
            page["body_html"] += f'<figure data-programme-id="{PROGRAMME_ID}"></figure>'
            page["programme_ids"] = [int(PROGRAMME_ID)]
            pages[page["locale"]] = page
    snapshot_write(snap, data)
    return pages


def set_programme(snap: Path, programme: dict) -> None:
    """Replace programme 7's entry (pages unchanged, as when a rendition ends)."""
    data = json.loads(snap.read_text(encoding="utf-8"))
    data["programmes"][PROGRAMME_ID] = programme
    snapshot_write(snap, data)
