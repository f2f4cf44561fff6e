"""Describe an input video with ffprobe, or refuse it with a clear reason."""

from __future__ import annotations

import json
import os
import stat
import statistics
from dataclasses import asdict, dataclass
from fractions import Fraction
from pathlib import Path

from ._proc import file_url, last_error_line, run_tool
from .config import FFPROBE, Limits
from .errors import ProbeRefused, gettext_noop
from .sniff import Sniffed, iso_boxes, read_head, sniff

SUPPORTED = "MP4, MOV, MKV, WebM, AVI, MPEG-TS"
STILL_CODECS = {"png", "bmp", "gif", "webp", "tiff", "jpeg2000", "jpegls", "pam"}
# Packets read from the start to judge a variable frame rate.
HEAD_PACKETS = 150
# Headers and the first packets' times, which is all probe reads at first.
HEAD_QUERY = (
    "-show_format",
    "-show_streams",
    "-read_intervals",
    f"%+#{HEAD_PACKETS * 4}",
    "-show_entries",
    "packet=stream_index,pts_time,dts_time,duration_time",
)


@dataclass(frozen=True)
class VideoInfo:
    index: int
    codec: str
    profile: str | None
    width: int  # as stored
    height: int
    display_width: int  # after rotation and sample aspect ratio
    display_height: int
    sar: str  # "1:1", "4:3" …
    rotation: int  # clockwise degrees a player applies: 0, 90, 180 or 270
    fps: float  # average frame rate
    r_frame_rate: str
    variable_fps: bool
    pix_fmt: str | None
    bit_rate: int | None


@dataclass(frozen=True)
class AudioInfo:
    index: int
    codec: str
    sample_rate: int
    channels: int


@dataclass(frozen=True)
class MediaInfo:
    path: Path
    size_bytes: int
    container: str  # ffprobe's format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
    duration_s: float
    bit_rate: int | None
    video: VideoInfo
    audio: AudioInfo | None

    def as_dict(self) -> dict:
        data = asdict(self)
        data["path"] = str(self.path)
        return data


def _refuse(code: str, template: str, **params: object) -> ProbeRefused:
    return ProbeRefused(code, template, **params)


def _human_bytes(size: float) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GiB"  # pragma: no cover


def _hms(seconds: float) -> str:
    whole = int(round(seconds))
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _fraction(text: str | None) -> Fraction | None:
    if not text or text in ("0/0", "N/A"):
        return None
    try:
        value = Fraction(text.replace(":", "/"))
    except (ValueError, ZeroDivisionError):
        return None
    return value if value > 0 else None


def _rotation(stream: dict) -> int:
    degrees = 0.0
    for side in stream.get("side_data_list") or []:
        if "rotation" in side:
            # ffprobe gives the display matrix angle, counter-clockwise.
            degrees = -float(side["rotation"])
            break
    else:
        rotate = (stream.get("tags") or {}).get("rotate")
        if rotate:
            degrees = float(rotate)
    return int(round(degrees / 90.0)) * 90 % 360


def _number(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if number == number else None  # NaN


def check_plain_file(path: Path, limits: Limits) -> os.stat_result:
    """Refuse anything but a regular, non-empty file within the size limit."""
    name = path.name
    try:
        info = os.stat(path)
    except FileNotFoundError as err:
        raise _refuse(
            "not_found",
            gettext_noop('"%(name)s" does not exist; check the path'),
            name=name,
        ) from err
    except OSError as err:
        raise _refuse(
            "unreadable",
            gettext_noop('"%(name)s" cannot be read (%(error)s); check permissions'),
            name=name,
            error=err.strerror,
        ) from err
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(
            "not_a_file",
            gettext_noop(
                '"%(name)s" is not a regular file (a folder, device or pipe); '
                "give the path of a video file"
            ),
            name=name,
        )
    if info.st_size == 0:
        raise _refuse(
            "empty",
            gettext_noop('"%(name)s" is empty (0 bytes); upload the video file again'),
            name=name,
        )
    if info.st_size > limits.max_bytes:
        raise _refuse(
            "too_large",
            gettext_noop(
                '"%(name)s" is %(size)s, over the %(limit)s limit; upload a shorter '
                "or more compressed video"
            ),
            name=name,
            size=_human_bytes(info.st_size),
            limit=_human_bytes(limits.max_bytes),
        )
    return info


def _ffprobe(path: Path, demuxer: str, limits: Limits, *extra: str) -> dict:
    argv = [
        FFPROBE,
        "-hide_banner",
        "-v",
        "error",
        "-protocol_whitelist",
        "file",
        "-format_whitelist",
        demuxer,
        "-of",
        "json",
        *extra,
        file_url(path),
    ]
    result = run_tool(argv, timeout=limits.probe_timeout_s, what="ffprobe")
    if result.returncode != 0:
        raise _refuse(
            "corrupt",
            gettext_noop(
                '"%(name)s" is truncated or corrupt (ffprobe: %(detail)s); '
                "upload the complete file again"
            ),
            name=path.name,
            detail=last_error_line(result.stderr),
        )
    try:
        return json.loads(result.stdout or "{}")
    except json.JSONDecodeError as err:
        raise _refuse(
            "corrupt",
            gettext_noop(
                '"%(name)s" is truncated or corrupt (ffprobe: %(detail)s); '
                "upload the complete file again"
            ),
            name=path.name,
            detail="unreadable ffprobe output",
        ) from err


def probe(path: os.PathLike | str, limits: Limits | None = None) -> MediaInfo:
    """Describe the video at ``path`` or raise :class:`ProbeRefused`.

    The file must be a regular file within ``limits.max_bytes`` (checked before
    reading it), start with the magic bytes of a video container, hold a
    complete video stream, and stay within the duration, resolution and frame
    rate limits. ffprobe runs with ``-protocol_whitelist file``, the single
    demuxer the magic bytes name, and a timeout.
    """
    limits = limits or Limits()
    path = Path(path)
    name = path.name
    check_plain_file(path, limits)
    sniffed = _sniff_media(path)
    # For MP4/MOV the box walk proves the file is whole; other containers (and
    # an MP4 whose last box runs "to the end") need their last seconds read.
    read_tail = _check_mp4_boxes(path) if sniffed.container == "mp4" else True
    data = _ffprobe(path, sniffed.demuxer, limits, *HEAD_QUERY)
    fmt = data.get("format") or {}
    stream, audios = _pick_streams(data.get("streams") or [], name)
    width, height = _picture_size(stream, name)
    _check_moving(stream, name)
    duration = _checked_duration(fmt, stream, limits, name)
    _check_pixels(width, height, limits, name)
    fps = _checked_frame_rate(stream, duration, limits, name)
    variable = _variable_rate(data, stream)
    if read_tail:
        _check_tail(path, sniffed.demuxer, limits, stream, fmt, duration)
    return MediaInfo(
        path=path,
        size_bytes=os.path.getsize(path),
        container=fmt.get("format_name") or sniffed.container,
        duration_s=duration,
        bit_rate=int(fmt["bit_rate"]) if _number(fmt.get("bit_rate")) else None,
        video=_video_info(stream, width, height, fps, variable),
        audio=_audio_info(audios),
    )


def _truncated(code: str, name: str, detail: str) -> ProbeRefused:
    return _refuse(
        code,
        gettext_noop(
            '"%(name)s" is truncated or corrupt (%(detail)s); upload the '
            "complete file again"
        ),
        name=name,
        detail=detail,
    )


def _still_image(name: str, kind: str) -> ProbeRefused:
    return _refuse(
        "still_image",
        gettext_noop(
            '"%(name)s" is a still image (%(format)s), not a video; upload a '
            "video file (%(supported)s)"
        ),
        name=name,
        format=kind,
        supported=SUPPORTED,
    )


def _sniff_media(path: Path) -> Sniffed:
    """What the first bytes say; refuse a still image or a file that is no media."""
    sniffed = sniff(read_head(str(path)))
    if sniffed.kind == "image":
        raise _still_image(path.name, sniffed.container.upper())
    if sniffed.demuxer is None:
        raise _refuse(
            "not_media",
            gettext_noop(
                '"%(name)s" is not a media file (its first bytes are %(what)s, not '
                "a video container); upload a video file (%(supported)s)"
            ),
            name=path.name,
            what="text" if sniffed.container == "text" else "unknown",
            supported=SUPPORTED,
        )
    return sniffed


def _check_mp4_boxes(path: Path) -> bool:
    """Refuse an MP4/MOV whose boxes are cut; whether its tail must be read."""
    boxes, cut = iso_boxes(str(path))
    if cut is None and not any(box.kind == b"moov" for box in boxes):
        cut = "no 'moov' index box"
    if cut:
        raise _truncated("truncated", path.name, cut)
    return any(box.open_ended for box in boxes)


def _pick_streams(streams: list[dict], name: str) -> tuple[dict, list[dict]]:
    """The first video stream (cover art aside) and the audio streams."""
    videos = [
        s
        for s in streams
        if s.get("codec_type") == "video"
        and not (s.get("disposition") or {}).get("attached_pic")
    ]
    audios = [s for s in streams if s.get("codec_type") == "audio"]
    if videos:
        return videos[0], audios
    if audios:
        raise _refuse(
            "no_video",
            gettext_noop(
                'ffprobe found no video stream in "%(name)s", only audio '
                "(%(codec)s); upload a video file with a picture"
            ),
            name=name,
            codec=audios[0].get("codec_name", "?"),
        )
    raise _refuse(
        "no_video",
        gettext_noop(
            'ffprobe found no video stream in "%(name)s"; upload a video file '
            "(%(supported)s)"
        ),
        name=name,
        supported=SUPPORTED,
    )


def _picture_size(stream: dict, name: str) -> tuple[int, int]:
    width, height = int(stream.get("width") or 0), int(stream.get("height") or 0)
    if width <= 0 or height <= 0:
        raise _truncated("corrupt", name, "video stream without a picture size")
    return width, height


def _check_moving(stream: dict, name: str) -> None:
    """Refuse a picture codec or a stream of one frame: a still image."""
    codec = stream.get("codec_name") or "?"
    nb_frames = _number(stream.get("nb_frames"))
    if codec in STILL_CODECS or (nb_frames is not None and nb_frames <= 1):
        raise _still_image(name, f"{codec.upper()}, {int(nb_frames or 1)} frame")


def _checked_duration(fmt: dict, stream: dict, limits: Limits, name: str) -> float:
    duration = _number(fmt.get("duration")) or _number(stream.get("duration"))
    if duration is None or duration < limits.min_duration_s:
        raise _refuse(
            "too_short",
            gettext_noop(
                '"%(name)s" lasts %(duration)s s, shorter than %(limit)s s, or is a '
                "single picture; upload a longer video"
            ),
            name=name,
            duration=f"{duration or 0:.2f}",
            limit=limits.min_duration_s,
        )
    if duration > limits.max_duration_s:
        raise _refuse(
            "too_long",
            gettext_noop(
                '"%(name)s" lasts %(duration)s, over the %(limit)s limit; trim the '
                "video or split it into parts"
            ),
            name=name,
            duration=_hms(duration),
            limit=_hms(limits.max_duration_s),
        )
    return duration


def _check_pixels(width: int, height: int, limits: Limits, name: str) -> None:
    long_side, short_side = max(width, height), min(width, height)
    if long_side > limits.max_long_side or short_side > limits.max_short_side:
        raise _refuse(
            "too_many_pixels",
            gettext_noop(
                '"%(name)s" is %(width)sx%(height)s pixels, over the %(limit)s '
                "limit; export it at a smaller size"
            ),
            name=name,
            width=width,
            height=height,
            limit=f"{limits.max_long_side}x{limits.max_short_side}",
        )


def _checked_frame_rate(
    stream: dict, duration: float, limits: Limits, name: str
) -> float:
    """The average frame rate (else the stream's base rate, else frames/duration)."""
    fps_value = _fraction(stream.get("avg_frame_rate")) or _fraction(
        stream.get("r_frame_rate")
    )
    nb_frames = _number(stream.get("nb_frames"))
    if fps_value is None and nb_frames:
        fps_value = Fraction(nb_frames / duration).limit_denominator(1001)
    if fps_value is None:
        raise _truncated("corrupt", name, "no frame rate")
    fps = float(fps_value)
    if fps > limits.max_fps:
        raise _refuse(
            "fps_too_high",
            gettext_noop(
                '"%(name)s" runs at %(fps)s frames per second, over the %(limit)s '
                "limit; export it at a lower frame rate"
            ),
            name=name,
            fps=f"{fps:.2f}",
            limit=f"{limits.max_fps:g}",
        )
    return fps


def _variable_rate(data: dict, stream: dict) -> bool:
    """Whether the first packets come at uneven intervals, or the average frame
    rate differs from the stream's base rate by more than 2 %."""
    head = [
        packet
        for packet in data.get("packets") or []
        if str(packet.get("stream_index")) == str(stream["index"])
    ]
    if _varies(_stamps(head)[0][:HEAD_PACKETS]):
        return True
    avg = _fraction(stream.get("avg_frame_rate"))
    real = _fraction(stream.get("r_frame_rate"))
    return bool(avg and real and abs(float(avg) - float(real)) > 0.02 * float(real))


def _video_info(
    stream: dict, width: int, height: int, fps: float, variable: bool
) -> VideoInfo:
    """The video stream as a player shows it (rotation and pixel shape applied)."""
    rotation = _rotation(stream)
    sar = _fraction(stream.get("sample_aspect_ratio")) or Fraction(1)
    display_w, display_h = round(width * sar), height
    if rotation in (90, 270):
        display_w, display_h = display_h, display_w
    return VideoInfo(
        index=int(stream["index"]),
        codec=stream.get("codec_name") or "?",
        profile=stream.get("profile"),
        width=width,
        height=height,
        display_width=display_w,
        display_height=display_h,
        sar=f"{sar.numerator}:{sar.denominator}",
        rotation=rotation,
        fps=round(fps, 3),
        r_frame_rate=stream.get("r_frame_rate") or "",
        variable_fps=variable,
        pix_fmt=stream.get("pix_fmt"),
        bit_rate=int(stream["bit_rate"]) if _number(stream.get("bit_rate")) else None,
    )


def _audio_info(audios: list[dict]) -> AudioInfo | None:
    if not audios:
        return None
    first = audios[0]
    return AudioInfo(
        index=int(first["index"]),
        codec=first.get("codec_name") or "?",
        sample_rate=int(first.get("sample_rate") or 0),
        channels=int(first.get("channels") or 0),
    )


def _stamps(packets: list[dict]) -> tuple[list[float], float]:
    """Packet times in file order and the end of the last packet."""
    stamps: list[float] = []
    last_end = 0.0
    for packet in packets:
        pts = _number(packet.get("pts_time"))
        if pts is None:
            pts = _number(packet.get("dts_time"))
        if pts is None:
            continue
        stamps.append(pts)
        last_end = max(last_end, pts + (_number(packet.get("duration_time")) or 0.0))
    return stamps, last_end


def _varies(stamps: list[float]) -> bool:
    """Whether frame intervals differ by more than 20 % of the usual one."""
    head = sorted(stamps)
    deltas = [b - a for a, b in zip(head, head[1:], strict=False) if b > a]
    if len(deltas) < 3:
        return False
    median = statistics.median(deltas)
    return (max(deltas) - min(deltas)) > 0.2 * median


def _check_tail(
    path: Path, demuxer: str, limits: Limits, stream: dict, fmt: dict, duration: float
) -> None:
    """Refuse a file whose video stops well before the duration it announces."""
    start = _number(fmt.get("start_time")) or 0.0
    tail_from = max(0.0, start + duration - 3.0)
    data = _ffprobe(
        path,
        demuxer,
        limits,
        "-select_streams",
        str(stream["index"]),
        "-read_intervals",
        f"{tail_from:.3f}%",
        "-show_entries",
        "packet=pts_time,dts_time,duration_time",
    )
    stamps, last_end = _stamps(data.get("packets") or [])
    end = start + duration
    if not stamps or last_end < end - max(1.0, 0.05 * duration):
        raise _truncated(
            "truncated",
            path.name,
            f"the video stops at {last_end:.1f} s of {end:.1f} s",
        )
