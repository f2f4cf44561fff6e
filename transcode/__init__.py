"""Transcode videos for LED faces with Debian's ffmpeg (no Django).

Public API (stable; the CMS calls only these):

``probe(path, limits=None) -> MediaInfo``
    Describe a video (container, streams, codec, size, frame rate and whether it
    varies, rotation, duration, audio) or raise :class:`ProbeRefused` whose
    ``.code`` names the problem (``empty``, ``not_media``, ``still_image``,
    ``no_video``, ``truncated``, ``corrupt``, ``too_large``, ``too_long``,
    ``too_many_pixels``, ``fps_too_high`` …) and ``.reason`` explains it.

``transcode(src, outputs, subtitles=None, on_progress=None, cancel=None,
limits=None, encoding=None) -> list[VerifiedOutput]``
    ``outputs`` is a list of ``(Profile, out_path)``; all are made in one ffmpeg
    pass (the source is decoded once and split). ``subtitles`` is up to two
    :class:`SubtitleTrack` (lang, path to SRT/WebVTT) burned in, the first at
    the top when there are two. ``on_progress`` receives :class:`Progress`
    (frames, out_time_s, percent, speed). ``cancel`` is a ``threading.Event``
    or a callable returning True to stop. Outputs appear at their paths only
    after every one passed :func:`verify`; nothing partial is ever left.

``verify(path, profile, source_duration) -> VerifiedOutput``
    Check a file against a profile (size, codec, pixel format, frame rate,
    duration, audio, keyframes, average and peak one-second bitrate) and
    measure it (``avg_kbps``, ``peak_kbps``, ``sha256``, ``ffmpeg_version`` …).

``Profile(width, height, fps=25, max_kbps=8000, audio=True, fit="pad",
tolerance=1.25)`` with ``Profile.key()``, a stable id for deduplication;
``kiosk_profile(info) -> KioskProfile``, the kiosk page's rendition of a probed
source (its shape, at most 1280 px a side and 30 fps, 3 Mbit/s; verify holds
it to those ceilings); ``poster(src, out, width=, height=, at_s=)`` writes a
JPEG still and ``poster_time(duration)`` says where to take it;
``webvtt(SubtitleTrack) -> str`` gives a track as WebVTT for a ``<track>``;
``Limits`` (input limits), ``Encoding`` (encoder settings);
``subtitles_hash(tracks)`` for the subtitle part of a rendition's identity.

Every error derives from :class:`TranscodeError`; ``err.template % err.params``
is the English msgid and its values, for the caller's own gettext.

Command line: ``python -m transcode probe FILE [--json]`` and
``python -m transcode run SRC OUT --width W --height H [--fps F] [--max-kbps K]
[--fit pad|crop|stretch] [--no-audio] [--subtitle LANG=FILE …] [--json]``.
"""

from .config import Encoding, KioskProfile, Limits, Profile
from .errors import (
    Cancelled,
    EncodeFailed,
    InvalidProfile,
    ProbeRefused,
    SubtitleError,
    TranscodeError,
    VerifyFailed,
)
from .plan import kiosk_profile
from .poster import poster, poster_time
from .probe import AudioInfo, MediaInfo, VideoInfo, probe
from .run import Progress, transcode
from .subtitles import SubtitleTrack, subtitles_hash, webvtt
from .verify import VerifiedOutput, verify

__all__ = [
    "AudioInfo",
    "Cancelled",
    "EncodeFailed",
    "Encoding",
    "InvalidProfile",
    "KioskProfile",
    "Limits",
    "MediaInfo",
    "ProbeRefused",
    "Profile",
    "Progress",
    "SubtitleError",
    "SubtitleTrack",
    "TranscodeError",
    "VerifiedOutput",
    "VerifyFailed",
    "VideoInfo",
    "kiosk_profile",
    "poster",
    "poster_time",
    "probe",
    "subtitles_hash",
    "transcode",
    "verify",
    "webvtt",
]
