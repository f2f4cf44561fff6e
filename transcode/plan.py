"""Turn a probed input and one or more profiles into one ffmpeg command.

The source is decoded once; ``split``/``asplit`` feed every output. Rotation is
applied by ffmpeg's autorotation (so the output carries no rotation flag), the
sample aspect ratio is made square before fitting, and each branch converts
the frame rate, fits the size (pad, crop or stretch), burns subtitles at the
output size and encodes H.264 High in yuv420p with a capped bitrate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import ffmpeg

from ._proc import file_url
from .config import (
    FFMPEG,
    KIOSK_MAX_FPS,
    KIOSK_MAX_KBPS,
    KIOSK_MAX_SIDE,
    Encoding,
    KioskProfile,
    Profile,
)
from .probe import MediaInfo

# H.264 Table A-1: level -> (max macroblocks/s, max frame size in MBs,
# max video bitrate in kbit/s for Baseline/Main; High allows 1.25 times that).
H264_LEVELS: list[tuple[str, int, int, int]] = [
    ("3.0", 40_500, 1_620, 10_000),
    ("3.1", 108_000, 3_600, 14_000),
    ("3.2", 216_000, 5_120, 20_000),
    ("4.0", 245_760, 8_192, 20_000),
    ("4.1", 245_760, 8_192, 50_000),
    ("4.2", 522_240, 8_704, 50_000),
    ("5.0", 589_824, 22_080, 135_000),
    ("5.1", 983_040, 36_864, 240_000),
    ("5.2", 2_073_600, 36_864, 240_000),
    ("6.0", 4_177_920, 139_264, 240_000),
    ("6.1", 8_355_840, 139_264, 480_000),
    ("6.2", 16_711_680, 139_264, 800_000),
]
HIGH_BITRATE_FACTOR = 1.25


@dataclass(frozen=True)
class PlannedOutput:
    profile: Profile
    path: Path  # where ffmpeg writes (a temporary name next to the final one)
    subtitles_ass: Path | None = None


@dataclass(frozen=True)
class Bitrate:
    video_kbps: int  # x264 maxrate
    buffer_kbps: int  # x264 bufsize (VBV)


def bitrate_for(profile: Profile, encoding: Encoding) -> Bitrate:
    """Video rate control that keeps the whole file under the profile's cap.

    With a VBV buffer B filled at rate R no window of one second holds more than
    ``R + B`` bits, so B = R x (tolerance - 1) keeps the busiest second within
    the tolerance even before the headroom below.
    """
    audio = encoding.audio_kbps if profile.audio else 0
    video = max(100, int((profile.max_kbps - audio) * encoding.video_headroom))
    spare = min(1.0, max(0.1, float(profile.tolerance) - 1.0))
    return Bitrate(video_kbps=video, buffer_kbps=max(50, int(video * spare)))


def h264_level(width: int, height: int, fps: float, video_kbps: int) -> str:
    """The lowest H.264 level (3.0 or above) that fits size, rate and bitrate."""
    mbs_w, mbs_h = math.ceil(width / 16), math.ceil(height / 16)
    frame_mbs = mbs_w * mbs_h
    for name, max_mbps, max_fs, max_br in H264_LEVELS:
        side_limit = math.sqrt(8 * max_fs)
        if (
            frame_mbs <= max_fs
            and mbs_w <= side_limit
            and mbs_h <= side_limit
            and frame_mbs * fps <= max_mbps
            and video_kbps <= max_br * HIGH_BITRATE_FACTOR
        ):
            return name
    return H264_LEVELS[-1][0]


def kiosk_size(width: int, height: int) -> tuple[int, int]:
    """The source's display size scaled to at most 1280 px a side, kept in
    shape, each side even (yuv420p) and at least 16 px."""
    scale = min(1.0, KIOSK_MAX_SIDE / max(width, height))

    def side(value: int) -> int:
        return min(KIOSK_MAX_SIDE, max(16, 2 * math.floor(value * scale / 2)))

    return side(width), side(height)


def kiosk_fps(fps: float) -> float:
    """The source's frame rate, halved until it is at most 30 (50 -> 25):
    every other frame dropped evenly, never a judder of repeated frames."""
    while fps > KIOSK_MAX_FPS + 0.01:
        fps /= 2
    return round(max(1.0, fps), 3)


def kiosk_profile(info: MediaInfo) -> KioskProfile:
    """The kiosk rendition of a probed source: its shape, at most 1280 px a
    side, at most 30 fps, 3 Mbit/s, with sound if the source has any."""
    width, height = kiosk_size(info.video.display_width, info.video.display_height)
    return KioskProfile(
        width=width,
        height=height,
        fps=kiosk_fps(info.video.fps),
        max_kbps=KIOSK_MAX_KBPS,
        audio=info.audio is not None,
    )


def _fps_text(value: Fraction) -> str:
    return f"{value.numerator}/{value.denominator}"


def _fit(stream, profile: Profile):
    width, height = profile.width, profile.height
    if profile.fit == "stretch":
        return stream.filter("scale", width, height)
    if profile.fit == "crop":
        return stream.filter(
            "scale", width, height, force_original_aspect_ratio="increase"
        ).filter("crop", width, height)
    return stream.filter(
        "scale",
        width,
        height,
        force_original_aspect_ratio="decrease",
        force_divisible_by=2,
    ).filter("pad", width, height, "(ow-iw)/2", "(oh-ih)/2", color="black")


def _branches(stream, count: int, splitter: str) -> list:
    if count == 1:
        return [stream]
    node = stream.filter_multi_output(splitter)
    return [node.stream(i) for i in range(count)]


def output_options(profile: Profile, encoding: Encoding) -> dict[str, object]:
    """The encoder and muxer options of one output."""
    rate = bitrate_for(profile, encoding)
    gop = max(1, round(float(profile.fps_fraction) * encoding.keyframe_s))
    options: dict[str, object] = {
        "f": "mp4",
        "c:v": "libx264",
        "preset:v": encoding.preset,
        "profile:v": "high",
        "level:v": h264_level(
            profile.width, profile.height, float(profile.fps_fraction), rate.video_kbps
        ),
        "crf": encoding.crf,
        "maxrate:v": f"{rate.video_kbps}k",
        "bufsize:v": f"{rate.buffer_kbps}k",
        "g": gop,
        "keyint_min": gop,
        "sc_threshold": 0,
        "pix_fmt": "yuv420p",
        "fps_mode": "cfr",
        "movflags": "+faststart",
        "map_metadata": -1,
        "map_chapters": -1,
        "max_muxing_queue_size": 4096,
    }
    if profile.audio:
        options.update(
            {
                "c:a": "aac",
                "b:a": f"{encoding.audio_kbps}k",
                "ar": encoding.audio_rate,
                "ac": 2,
            }
        )
    return options


def _square_pixels(video, info: MediaInfo):
    """The source picture with square pixels (autorotation already applies)."""
    if info.video.sar == "1:1":
        return video
    return video.filter("scale", "trunc(iw*sar/2)*2", "ih").filter("setsar", 1)


def _sound(source, info: MediaInfo, encoding: Encoding):
    """The source's loudness-normalised sound, or silence when it has none."""
    if info.audio is not None:
        return source[str(info.audio.index)].filter(
            "loudnorm",
            I=encoding.loudness_i,
            TP=encoding.loudness_tp,
            LRA=encoding.loudness_lra,
        )
    # A face with sound gets a silent track rather than none, so its
    # player sees the same layout in every file.
    return ffmpeg.input(
        f"anullsrc=r={encoding.audio_rate}:cl=stereo",
        f="lavfi",
        t=f"{info.duration_s:.3f}",
    ).audio


def _audio_branches(source, info: MediaInfo, encoding: Encoding, count: int) -> list:
    """One 48 kHz stereo branch of the sound for each of ``count`` outputs."""
    if not count:
        return []
    audio = (
        _sound(source, info, encoding)
        .filter("aresample", encoding.audio_rate)
        .filter(
            "aformat",
            sample_fmts="fltp",
            sample_rates=encoding.audio_rate,
            channel_layouts="stereo",
        )
    )
    return _branches(audio, count, "asplit")


def _face_picture(branch, planned: PlannedOutput):
    """One branch of the picture at the face's rate and size, subtitles burned."""
    profile = planned.profile
    branch = branch.filter("fps", fps=_fps_text(profile.fps_fraction))
    branch = _fit(branch, profile).filter("setsar", 1)
    if planned.subtitles_ass is not None:
        branch = branch.filter(
            "ass", filename=str(planned.subtitles_ass), shaping="complex"
        )
    return branch.filter("format", "yuv420p")


def _output_node(planned: PlannedOutput, picture, audios, encoding: Encoding):
    """The output file of one face: its picture, its sound if it has any."""
    streams = [picture]
    if planned.profile.audio:
        streams.append(next(audios))
    return ffmpeg.output(
        *streams,
        file_url(planned.path),
        **output_options(planned.profile, encoding),
    )


def _global_args(progress: bool) -> list[str]:
    args = ["-hide_banner", "-nostdin", "-nostats", "-loglevel", "error"]
    if progress:
        args += ["-progress", "pipe:1", "-stats_period", "0.5"]
    return args


def build_command(
    info: MediaInfo,
    outputs: list[PlannedOutput],
    encoding: Encoding | None = None,
    *,
    progress: bool = True,
) -> list[str]:
    """The full ffmpeg argv that writes every planned output in one pass."""
    encoding = encoding or Encoding()
    source = ffmpeg.input(
        file_url(info.path),
        protocol_whitelist="file",
        format_whitelist=info.container,
    )
    video = _square_pixels(source[str(info.video.index)], info)
    videos = _branches(video, len(outputs), "split")
    with_sound = sum(1 for planned in outputs if planned.profile.audio)
    audios = iter(_audio_branches(source, info, encoding, with_sound))
    nodes = [
        _output_node(planned, _face_picture(branch, planned), audios, encoding)
        for planned, branch in zip(outputs, videos, strict=True)
    ]
    merged = ffmpeg.merge_outputs(*nodes).global_args(*_global_args(progress))
    return merged.compile(cmd=FFMPEG, overwrite_output=True)
