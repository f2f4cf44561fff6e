"""Generate small test clips with lavfi and read pixels back."""

from __future__ import annotations

import struct
import subprocess
from pathlib import Path

from transcode.config import FFMPEG, FFPROBE, Encoding

# veryfast keeps CABAC and 8x8 transforms, so outputs are still H.264 High.
FAST = Encoding(preset="veryfast")


def ffmpeg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [FFMPEG, "-hide_banner", "-nostdin", "-v", "error", "-y", *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )


def make_clip(
    path: Path,
    *,
    size: str = "320x180",
    duration: float = 1.0,
    fps: int = 25,
    audio: bool = True,
    video: str | None = None,
    audio_filter: str = "",
    extra: tuple[str, ...] = (),
) -> Path:
    """An H.264 (+ AAC) clip of testsrc2 and a sine tone."""
    source = video or f"testsrc2=s={size}:r={fps}:d={duration}"
    args = ["-f", "lavfi", "-i", source]
    if audio:
        args += ["-f", "lavfi", "-i", f"sine=f=440:d={duration}{audio_filter}"]
    args += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
    if audio:
        args += ["-c:a", "aac", "-shortest"]
    ffmpeg(*args, *extra, str(path))
    return path


def rotate_mp4(path: Path, degrees: int) -> None:
    """Write a display matrix into the first track header, as phones do."""
    data = bytearray(path.read_bytes())
    at = data.find(b"tkhd")
    version = data[at + 4]
    times = 8 + 8 + 4 + 4 + 8 if version == 1 else 4 + 4 + 4 + 4 + 4
    matrix = at + 4 + 4 + times + 8 + 2 + 2 + 2 + 2
    one = 0x10000
    a, b, c, d = {90: (0, one, -one, 0), 180: (-one, 0, 0, -one)}[degrees]
    struct.pack_into(">iiiii", data, matrix, a, b, 0, c, d)
    path.write_bytes(bytes(data))


class Frame:
    """One decoded RGB frame of a video."""

    def __init__(self, path: Path, at_s: float = 0.5) -> None:
        size = subprocess.run(
            [
                FFPROBE,
                "-v",
                "error",
                "-select_streams",
                "v:0",
                "-show_entries",
                "stream=width,height",
                "-of",
                "csv=p=0",
                str(path),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        self.width, self.height = (int(n) for n in size.split(",")[:2])
        self.data = subprocess.run(
            [
                FFMPEG,
                "-nostdin",
                "-v",
                "error",
                "-ss",
                str(at_s),
                "-i",
                str(path),
                "-frames:v",
                "1",
                "-f",
                "rawvideo",
                "-pix_fmt",
                "rgb24",
                "-",
            ],
            capture_output=True,
            check=True,
        ).stdout
        assert len(self.data) == self.width * self.height * 3

    def pixel(self, x: int, y: int) -> tuple[int, int, int]:
        at = (y * self.width + x) * 3
        return tuple(self.data[at : at + 3])  # type: ignore[return-value]

    def region_mean(self, x0: int, y0: int, x1: int, y1: int) -> float:
        total = count = 0
        for y in range(y0, y1, 2):
            row = self.data[(y * self.width + x0) * 3 : (y * self.width + x1) * 3]
            total += sum(row)
            count += len(row)
        return total / max(1, count)

    def region_diff(self, other: Frame, x0: int, y0: int, x1: int, y1: int) -> float:
        """Mean absolute difference of two frames over a rectangle."""
        total = count = 0
        for y in range(y0, y1, 2):
            start, end = (y * self.width + x0) * 3, (y * self.width + x1) * 3
            a, b = self.data[start:end], other.data[start:end]
            total += sum(abs(p - q) for p, q in zip(a, b, strict=True))
            count += end - start
        return total / max(1, count)


def is_black(rgb: tuple[int, int, int]) -> bool:
    return max(rgb) < 30


def is_red(rgb: tuple[int, int, int]) -> bool:
    r, g, b = rgb
    return r > 150 and g < 90 and b < 90


def is_blue(rgb: tuple[int, int, int]) -> bool:
    r, g, b = rgb
    return b > 150 and r < 90 and g < 90
