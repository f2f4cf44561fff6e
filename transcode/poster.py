"""A still frame of a video, for the kiosk's poster image."""

from __future__ import annotations

import os
from pathlib import Path

from ._proc import file_url, last_error_line, run_tool
from .config import FFMPEG, Limits
from .errors import EncodeFailed, gettext_noop

POSTER_QUALITY = 3  # JPEG qscale: 2 (best) to 31; 3 is near-lossless to the eye


def poster_time(duration_s: float) -> float:
    """Where the poster is taken: 1 s in (past fades from black), or the
    middle of a clip shorter than 2 s."""
    return min(1.0, max(0.0, duration_s / 2))


def poster(
    src: os.PathLike | str,
    out: os.PathLike | str,
    *,
    width: int,
    height: int,
    at_s: float,
    limits: Limits | None = None,
) -> Path:
    """Write one JPEG frame of ``src`` at ``at_s`` seconds, ``width`` x ``height``.

    The source is autorotated like an encode. Raises EncodeFailed when ffmpeg
    cannot make the frame.
    """
    limits = limits or Limits()
    out = Path(out)
    argv = [
        FFMPEG,
        "-hide_banner",
        "-nostdin",
        "-loglevel",
        "error",
        "-ss",
        f"{at_s:.3f}",
        "-protocol_whitelist",
        "file",
        "-i",
        file_url(src),
        "-frames:v",
        "1",
        "-vf",
        f"scale={width}:{height},setsar=1",
        "-q:v",
        str(POSTER_QUALITY),
        "-f",
        "image2",
        "-y",
        file_url(out),
    ]
    result = run_tool(argv, timeout=limits.probe_timeout_s, what="ffmpeg")
    if result.returncode != 0 or not out.exists() or not out.stat().st_size:
        out.unlink(missing_ok=True)
        raise EncodeFailed(
            gettext_noop(
                'no poster frame could be taken from "%(name)s" at %(at)s s: %(detail)s'
            ),
            name=Path(src).name,
            at=f"{at_s:.1f}",
            detail=last_error_line(result.stderr),
        )
    return out
