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
from .config import (
    FFPROBE,
    KIOSK_MAX_KBPS,
    KIOSK_MAX_SIDE,
    KioskProfile,
    Limits,
    Profile,
)
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


@dataclass(frozen=True)
class _Streams:
    """What one ffprobe run over headers and packets says about an output."""

    video: dict
    audios: list[dict]
    others: list[dict]  # data or subtitle streams
    duration: float  # the container's, in seconds
    packets: list[tuple[int, float, int, bool]]  # see _packets


@dataclass(frozen=True)
class _Timing:
    """When the video's frames and keyframes fall, in seconds."""

    frame_times: list[float]  # sorted
    keyframes: list[float]  # sorted
    key_gap: float  # longest gap between keyframes, the last one to the end


@dataclass(frozen=True)
class _Rates:
    size_bytes: int
    avg_kbps: float
    peak_kbps: float


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
    one-second window at most cap x tolerance. A :class:`KioskProfile` output
    must also keep within the kiosk's ceilings: 1280 px a side and 3 Mbit/s on
    average, whatever the profile says. ``name`` is the file name used
    in messages (the final name when ``path`` is still a temporary file).
    """
    limits = limits or Limits()
    path = Path(path)
    name = name or path.name
    problems = _layout_problems(path, name)
    streams = _read_streams(path, limits, name)
    want = profile.fps_fraction
    fps = _frame_rate(streams.video)
    problems += _picture_problems(streams.video, profile)
    problems += frame_rate_problems(fps, want)
    problems += duration_problems(streams.duration, source_duration)
    problems += _track_problems(streams, profile)
    timing = _timing(streams.packets, int(streams.video["index"]))
    problems += frame_spacing_problems(timing.frame_times, fps, want)
    problems += keyframe_problems(timing.keyframes, timing.key_gap, want)
    rates = _rates(path, streams)
    problems += bitrate_problems(rates.avg_kbps, rates.peak_kbps, profile)
    if isinstance(profile, KioskProfile):
        problems += kiosk_problems(streams.video, rates.avg_kbps)
    if problems:
        raise _fail(problems, name)
    return _verified_output(path, profile, streams, fps, timing, rates)


def _layout_problems(path: Path, name: str) -> list[Problem]:
    """Refuse an incomplete MP4; note an index after the media (no faststart)."""
    boxes, cut = iso_boxes(str(path))
    kinds = [box.kind for box in boxes]
    if cut or b"moov" not in kinds or b"mdat" not in kinds:
        detail = cut or "missing moov or mdat"
        raise _fail(
            [_p(gettext_noop("not a complete MP4 (%(detail)s)"), detail=detail)], name
        )
    if kinds.index(b"moov") > kinds.index(b"mdat"):
        return [_p(gettext_noop("index (moov) after the media data: not faststart"))]
    return []


def _read_streams(path: Path, limits: Limits, name: str) -> _Streams:
    """Run ffprobe once; refuse a file it cannot read or without one video."""
    data = _ffprobe_everything(path, limits, name)
    streams = data.get("streams") or []
    videos = [s for s in streams if s.get("codec_type") == "video"]
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
    return _Streams(
        video=videos[0],
        audios=[s for s in streams if s.get("codec_type") == "audio"],
        others=[s for s in streams if s.get("codec_type") not in ("video", "audio")],
        duration=float((data.get("format") or {}).get("duration") or 0.0),
        packets=_packets(data.get("packets") or []),
    )


def _ffprobe_everything(path: Path, limits: Limits, name: str) -> dict:
    # One ffprobe run reads the headers and every packet's time, size and flags.
    result = run_tool(
        [
            FFPROBE,
            "-hide_banner",
            "-v",
            "error",
            "-protocol_whitelist",
            "file",
            "-format_whitelist",
            "mov",
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
    return json.loads(result.stdout or "{}")


def _frame_rate(video: dict) -> float:
    """The stream's average frame rate (0.0 when it gives none)."""
    avg_rate = _fraction(video.get("avg_frame_rate"))
    return float(avg_rate) if avg_rate else 0.0


def _picture_problems(video: dict, profile: Profile) -> list[Problem]:
    """Size, codec, pixel format, pixel shape and rotation of the video stream."""
    problems: list[Problem] = []
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
    return problems


def kiosk_problems(video: dict, avg_kbps: float) -> list[Problem]:
    """A kiosk rendition: at most 1280 px a side, at most 3 Mbit/s on average."""
    problems: list[Problem] = []
    width, height = int(video.get("width") or 0), int(video.get("height") or 0)
    if max(width, height) > KIOSK_MAX_SIDE:
        problems.append(
            _p(
                gettext_noop("kiosk picture %(got)s larger than %(limit)s px a side"),
                got=f"{width}x{height}",
                limit=KIOSK_MAX_SIDE,
            )
        )
    if avg_kbps > KIOSK_MAX_KBPS:
        problems.append(
            _p(
                gettext_noop(
                    "average bitrate %(got)s kbit/s over the kiosk's %(cap)s kbit/s"
                ),
                got=f"{avg_kbps:.0f}",
                cap=KIOSK_MAX_KBPS,
            )
        )
    return problems


def frame_rate_problems(fps: float, want: Fraction) -> list[Problem]:
    """The average frame rate must be within 1 % of the profile's."""
    if abs(fps - float(want)) > 0.01 * float(want):
        return [
            _p(
                gettext_noop("frame rate %(got)s instead of %(want)s"),
                got=f"{fps:.3f}",
                want=f"{float(want):.3f}",
            )
        ]
    return []


def duration_problems(duration: float, source_duration: float) -> list[Problem]:
    """The output must last as long as the source, give or take 0.5 s."""
    if abs(duration - source_duration) > DURATION_TOLERANCE_S:
        return [
            _p(
                gettext_noop("duration %(got)s s instead of %(want)s s (± %(tol)s s)"),
                got=f"{duration:.2f}",
                want=f"{source_duration:.2f}",
                tol=DURATION_TOLERANCE_S,
            )
        ]
    return []


def _track_problems(streams: _Streams, profile: Profile) -> list[Problem]:
    """One AAC 48 kHz stereo track if and only if the face has sound; no others."""
    problems: list[Problem] = []
    if profile.audio:
        problems += _audio_problems(streams.audios)
    elif streams.audios:
        problems.append(_p(gettext_noop("an audio track on a silent face")))
    if streams.others:
        problems.append(
            _p(
                gettext_noop("%(count)s unexpected data or subtitle streams"),
                count=len(streams.others),
            )
        )
    return problems


def _audio_problems(audios: list[dict]) -> list[Problem]:
    if len(audios) != 1:
        return [
            _p(gettext_noop("%(count)s audio tracks instead of 1"), count=len(audios))
        ]
    audio = audios[0]
    layout = (
        audio.get("codec_name"),
        int(audio.get("sample_rate") or 0),
        int(audio.get("channels") or 0),
    )
    if layout != ("aac", 48000, 2):
        return [
            _p(
                gettext_noop("audio %(got)s instead of aac 48000 Hz 2 ch"),
                got="{} {} Hz {} ch".format(*layout),
            )
        ]
    return []


def _audio_codec(streams: _Streams, profile: Profile) -> str | None:
    """The codec of the one audio track of a face with sound, else None."""
    if profile.audio and len(streams.audios) == 1:
        return streams.audios[0].get("codec_name")
    return None


def _timing(packets: list[tuple[int, float, int, bool]], video_index: int) -> _Timing:
    frame_times = sorted(t for i, t, _, _ in packets if i == video_index)
    keyframes = sorted(t for i, t, _, key in packets if i == video_index and key)
    return _Timing(frame_times, keyframes, keyframe_gap(keyframes, frame_times))


def keyframe_gap(keyframes: list[float], frame_times: list[float]) -> float:
    """Longest time between keyframes, counting from the last to the last frame."""
    ends = [*keyframes, max(frame_times, default=0.0)]
    return max((b - a for a, b in zip(ends, ends[1:], strict=False)), default=0.0)


def frame_spacing_problems(
    frame_times: list[float], fps: float, want: Fraction
) -> list[Problem]:
    """No frame may come sooner than half or later than 1.5 frame intervals."""
    if len(frame_times) > 2 and fps:
        gaps = [b - a for a, b in zip(frame_times, frame_times[1:], strict=False)]
        if max(gaps) > 1.5 / float(want) or min(gaps) < 0.5 / float(want):
            return [
                _p(
                    gettext_noop(
                        "frame spacing %(low)s-%(high)s s: frame rate not constant"
                    ),
                    low=f"{min(gaps):.4f}",
                    high=f"{max(gaps):.4f}",
                )
            ]
    return []


def keyframe_problems(
    keyframes: list[float], key_gap: float, want: Fraction
) -> list[Problem]:
    """Keyframes at least every 2 s, with one frame (and a little) of slack."""
    frame = 1.0 / float(want)
    if not keyframes or key_gap > 2.0 + frame + 1e-3:
        return [
            _p(
                gettext_noop("keyframes %(gap)s s apart, more than 2 s"),
                gap=f"{key_gap:.2f}",
            )
        ]
    return []


def _rates(path: Path, streams: _Streams) -> _Rates:
    """File size, average bitrate and the busiest second's over all packets."""
    size_bytes = path.stat().st_size
    duration = streams.duration
    avg_kbps = size_bytes * 8 / duration / 1000 if duration > 0 else 0.0
    peak_bits = peak_window_bits([(t, size) for _, t, size, _ in streams.packets])
    return _Rates(size_bytes, avg_kbps, peak_bits / 1000)


def bitrate_problems(
    avg_kbps: float, peak_kbps: float, profile: Profile
) -> list[Problem]:
    """Average at most the cap; the busiest second at most cap x tolerance."""
    problems: list[Problem] = []
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
    return problems


def _verified_output(
    path: Path,
    profile: Profile,
    streams: _Streams,
    fps: float,
    timing: _Timing,
    rates: _Rates,
) -> VerifiedOutput:
    """The measurements of an output that passed every check."""
    video = streams.video
    level = video.get("level")
    return VerifiedOutput(
        path=path,
        profile_key=profile.key(),
        width=int(video.get("width") or 0),
        height=int(video.get("height") or 0),
        codec=video.get("codec_name") or "?",
        codec_profile=video.get("profile") or "?",
        level=f"{int(level) / 10:.1f}" if level else "?",
        pix_fmt=video.get("pix_fmt") or "?",
        fps=round(fps, 3),
        duration_s=round(streams.duration, 3),
        size_bytes=rates.size_bytes,
        avg_kbps=round(rates.avg_kbps, 1),
        peak_kbps=round(rates.peak_kbps, 1),
        max_kbps=profile.max_kbps,
        keyframe_interval_s=round(timing.key_gap, 3),
        audio_codec=_audio_codec(streams, profile),
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
