"""Prove that an encoded file is what its profile asks for."""

from __future__ import annotations

import bisect
import hashlib
import json
import os
from dataclasses import asdict, dataclass
from fractions import Fraction
from pathlib import Path

from ._proc import ffmpeg_version, file_url, last_error_line, run_tool
from .config import FFPROBE, Limits, Profile
from .errors import VerifyFailed, gettext_noop, translate
from .sniff import iso_boxes

DURATION_TOLERANCE_S = 0.5


@dataclass(frozen=True)
class VerifiedOutput:
    """What verify measured on an output that passed every check."""

    path: Path
    profile_key: str
    width: int
    height: int
    codec: str  # "h264"
    codec_profile: str  # "High"
    level: str  # "3.2"
    pix_fmt: str
    fps: float
    duration_s: float
    size_bytes: int
    avg_kbps: float  # whole file: size x 8 / duration
    peak_kbps: float  # busiest one-second window, all streams
    max_kbps: int  # the profile's cap
    keyframe_interval_s: float  # longest gap between keyframes
    audio_codec: str | None
    sha256: str
    ffmpeg_version: str

    def as_dict(self) -> dict:
        data = asdict(self)
        data["path"] = str(self.path)
        return data


def sha256_of(path: os.PathLike | str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def peak_window_bits(packets: list[tuple[float, int]], window_s: float = 1.0) -> int:
    """Most bits whose timestamps fall in any ``window_s`` long window.

    Windows start at every packet, so no placement of the window is missed.
    """
    if not packets:
        return 0
    packets = sorted(packets)
    times = [time for time, _ in packets]
    sums = [0]
    for _, size in packets:
        sums.append(sums[-1] + size)
    best = 0
    for first, start in enumerate(times):
        last = bisect.bisect_left(times, start + window_s - 1e-9)
        best = max(best, sums[last] - sums[first])
    return best * 8


Problem = tuple[str, dict]


def _p(template: str, **params: object) -> Problem:
    return template, params


def _fail(problems: list[Problem], name: str) -> VerifyFailed:
    """One error naming every mismatch; ``err.problems`` keeps each msgid."""
    text = "; ".join(translate(template) % params for template, params in problems)
    error = VerifyFailed(
        gettext_noop(
            'the encoded "%(name)s" does not match its profile: %(problems)s; '
            "it was not published"
        ),
        name=name,
        problems=text,
    )
    error.problems = problems
    return error


def verify(
    path: os.PathLike | str,
    profile: Profile,
    source_duration: float,
    *,
    limits: Limits | None = None,
    name: str | None = None,
) -> VerifiedOutput:
    """ffprobe ``path`` and check it against ``profile``; raise VerifyFailed.

    Checks: MP4 with the index first (faststart), one H.264 High video stream in
    yuv420p at exactly the profile's size, square pixels, no rotation, constant
    frame rate equal to the profile's, keyframes at least every 2 s, duration
    within 0.5 s of ``source_duration``, an AAC 48 kHz stereo track if and only
    if the profile has sound, average bitrate at most the cap and the busiest
    one-second window at most cap x tolerance. ``name`` is the file name used
    in messages (the final name when ``path`` is still a temporary file).
    """
    limits = limits or Limits()
    path = Path(path)
    name = name or path.name
    problems: list[Problem] = []
    boxes, cut = iso_boxes(str(path))
    kinds = [box.kind for box in boxes]
    if cut or b"moov" not in kinds or b"mdat" not in kinds:
        detail = cut or "missing moov or mdat"
        raise _fail(
            [_p(gettext_noop("not a complete MP4 (%(detail)s)"), detail=detail)], name
        )
    if kinds.index(b"moov") > kinds.index(b"mdat"):
        problems.append(
            _p(gettext_noop("index (moov) after the media data: not faststart"))
        )

    base = [
        FFPROBE,
        "-hide_banner",
        "-v",
        "error",
        "-protocol_whitelist",
        "file",
        "-format_whitelist",
        "mov",
    ]
    # One ffprobe run reads the headers and every packet's time, size and flags.
    result = run_tool(
        [
            *base,
            "-of",
            "json",
            "-show_format",
            "-show_streams",
            "-show_entries",
            "packet=stream_index,pts_time,dts_time,size,flags",
            file_url(path),
        ],
        timeout=limits.probe_timeout_s * 4,
        what="ffprobe",
    )
    if result.returncode != 0:
        detail = last_error_line(result.stderr)
        raise _fail([_p(gettext_noop("ffprobe: %(detail)s"), detail=detail)], name)
    data = json.loads(result.stdout or "{}")
    streams = data.get("streams") or []
    fmt = data.get("format") or {}
    videos = [s for s in streams if s.get("codec_type") == "video"]
    audios = [s for s in streams if s.get("codec_type") == "audio"]
    others = [s for s in streams if s.get("codec_type") not in ("video", "audio")]
    if len(videos) != 1:
        raise _fail(
            [
                _p(
                    gettext_noop("%(count)s video streams instead of 1"),
                    count=len(videos),
                )
            ],
            name,
        )
    video = videos[0]
    width, height = int(video.get("width") or 0), int(video.get("height") or 0)
    if (width, height) != (profile.width, profile.height):
        problems.append(
            _p(
                gettext_noop("size %(got)s instead of %(want)s"),
                got=f"{width}x{height}",
                want=f"{profile.width}x{profile.height}",
            )
        )
    codec = video.get("codec_name") or "?"
    codec_profile = video.get("profile") or "?"
    if codec != "h264" or codec_profile != "High":
        problems.append(
            _p(
                gettext_noop("codec %(got)s instead of h264 High"),
                got=f"{codec} {codec_profile}",
            )
        )
    pix_fmt = video.get("pix_fmt") or "?"
    if pix_fmt != "yuv420p":
        problems.append(
            _p(gettext_noop("pixel format %(got)s instead of yuv420p"), got=pix_fmt)
        )
    sar = video.get("sample_aspect_ratio") or "1:1"
    if sar not in ("1:1", "0:1", "N/A"):
        problems.append(
            _p(gettext_noop("sample aspect ratio %(got)s instead of 1:1"), got=sar)
        )
    for side in video.get("side_data_list") or []:
        if side.get("rotation"):
            problems.append(
                _p(
                    gettext_noop("rotation flag %(got)s left in the file"),
                    got=side["rotation"],
                )
            )
    avg_rate = _fraction(video.get("avg_frame_rate"))
    want = profile.fps_fraction
    fps = float(avg_rate) if avg_rate else 0.0
    if abs(fps - float(want)) > 0.01 * float(want):
        problems.append(
            _p(
                gettext_noop("frame rate %(got)s instead of %(want)s"),
                got=f"{fps:.3f}",
                want=f"{float(want):.3f}",
            )
        )
    duration = float(fmt.get("duration") or 0.0)
    if abs(duration - source_duration) > DURATION_TOLERANCE_S:
        problems.append(
            _p(
                gettext_noop("duration %(got)s s instead of %(want)s s (± %(tol)s s)"),
                got=f"{duration:.2f}",
                want=f"{source_duration:.2f}",
                tol=DURATION_TOLERANCE_S,
            )
        )
    audio_codec = None
    if profile.audio:
        if len(audios) != 1:
            problems.append(
                _p(
                    gettext_noop("%(count)s audio tracks instead of 1"),
                    count=len(audios),
                )
            )
        else:
            audio = audios[0]
            audio_codec = audio.get("codec_name")
            layout = (
                audio_codec,
                int(audio.get("sample_rate") or 0),
                int(audio.get("channels") or 0),
            )
            if layout != ("aac", 48000, 2):
                problems.append(
                    _p(
                        gettext_noop("audio %(got)s instead of aac 48000 Hz 2 ch"),
                        got="{} {} Hz {} ch".format(*layout),
                    )
                )
    elif audios:
        problems.append(_p(gettext_noop("an audio track on a silent face")))
    if others:
        problems.append(
            _p(
                gettext_noop("%(count)s unexpected data or subtitle streams"),
                count=len(others),
            )
        )

    packets = _packets(data.get("packets") or [])
    video_index = int(video["index"])
    frame_times = sorted(t for i, t, _, _ in packets if i == video_index)
    if len(frame_times) > 2 and fps:
        gaps = [b - a for a, b in zip(frame_times, frame_times[1:], strict=False)]
        if max(gaps) > 1.5 / float(want) or min(gaps) < 0.5 / float(want):
            problems.append(
                _p(
                    gettext_noop(
                        "frame spacing %(low)s-%(high)s s: frame rate not constant"
                    ),
                    low=f"{min(gaps):.4f}",
                    high=f"{max(gaps):.4f}",
                )
            )
    keyframes = sorted(t for i, t, _, key in packets if i == video_index and key)
    ends = [*keyframes, max(frame_times, default=0.0)]
    key_gap = max((b - a for a, b in zip(ends, ends[1:], strict=False)), default=0.0)
    frame = 1.0 / float(want)
    if not keyframes or key_gap > 2.0 + frame + 1e-3:
        problems.append(
            _p(
                gettext_noop("keyframes %(gap)s s apart, more than 2 s"),
                gap=f"{key_gap:.2f}",
            )
        )
    size_bytes = path.stat().st_size
    avg_kbps = size_bytes * 8 / duration / 1000 if duration > 0 else 0.0
    peak_kbps = peak_window_bits([(t, size) for _, t, size, _ in packets]) / 1000
    if avg_kbps > profile.max_kbps:
        problems.append(
            _p(
                gettext_noop(
                    "average bitrate %(got)s kbit/s over the %(cap)s kbit/s cap"
                ),
                got=f"{avg_kbps:.0f}",
                cap=profile.max_kbps,
            )
        )
    peak_cap = profile.max_kbps * float(profile.tolerance)
    if peak_kbps > peak_cap:
        problems.append(
            _p(
                gettext_noop(
                    "busiest second %(got)s kbit/s over %(limit)s kbit/s "
                    "(cap x %(tolerance)s)"
                ),
                got=f"{peak_kbps:.0f}",
                limit=f"{peak_cap:.0f}",
                tolerance=profile.tolerance,
            )
        )
    if problems:
        raise _fail(problems, name)
    level = video.get("level")
    return VerifiedOutput(
        path=path,
        profile_key=profile.key(),
        width=width,
        height=height,
        codec=codec,
        codec_profile=codec_profile,
        level=f"{int(level) / 10:.1f}" if level else "?",
        pix_fmt=pix_fmt,
        fps=round(fps, 3),
        duration_s=round(duration, 3),
        size_bytes=size_bytes,
        avg_kbps=round(avg_kbps, 1),
        peak_kbps=round(peak_kbps, 1),
        max_kbps=profile.max_kbps,
        keyframe_interval_s=round(key_gap, 3),
        audio_codec=audio_codec,
        sha256=sha256_of(path),
        ffmpeg_version=ffmpeg_version(),
    )


def _fraction(text: str | None) -> Fraction | None:
    try:
        value = Fraction(text or "0/1")
    except (ValueError, ZeroDivisionError):
        return None
    return value if value > 0 else None


def _packets(entries: list[dict]) -> list[tuple[int, float, int, bool]]:
    """(stream index, pts seconds, size bytes, keyframe) of every packet."""
    packets = []
    for entry in entries:
        stamp = entry.get("pts_time", entry.get("dts_time"))
        try:
            packets.append(
                (
                    int(entry["stream_index"]),
                    float(stamp),
                    int(entry["size"]),
                    "K" in entry.get("flags", ""),
                )
            )
        except (KeyError, TypeError, ValueError):
            continue
    return packets
