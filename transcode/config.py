"""Limits, output profiles and encoder settings.

Defaults are the production values; callers pass their own instances to change
them (the package reads no environment and no Django settings).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import asdict, dataclass, field
from fractions import Fraction
from typing import Literal

from .errors import InvalidProfile, gettext_noop

Fit = Literal["pad", "crop", "stretch"]
FITS: tuple[str, ...] = ("pad", "crop", "stretch")

FFMPEG = shutil.which("ffmpeg", path="/usr/bin") or shutil.which("ffmpeg") or "ffmpeg"
FFPROBE = (
    shutil.which("ffprobe", path="/usr/bin") or shutil.which("ffprobe") or "ffprobe"
)

GIB = 1024**3

# The kiosk's browser rendition: Chromium plays H.264 in MP4 everywhere, a
# page column never shows more than 1280 px, and 3 Mbit/s keeps a kiosk on a
# slow uplink in sync.
KIOSK_MAX_SIDE = 1280
KIOSK_MAX_KBPS = 3000
KIOSK_MAX_FPS = 30.0


@dataclass(frozen=True)
class Limits:
    """What an input may be. Sizes are checked before any byte is read."""

    max_bytes: int = 4 * GIB
    max_duration_s: float = 2 * 3600.0
    min_duration_s: float = 0.5
    # Long and short side, so portrait 4320x7680 is as welcome as 7680x4320.
    max_long_side: int = 7680
    max_short_side: int = 4320
    max_fps: float = 120.0
    probe_timeout_s: float = 60.0
    # Wall-clock budget of one encode: base + per second of media per output.
    encode_timeout_base_s: float = 300.0
    encode_timeout_per_media_s: float = 20.0


@dataclass(frozen=True)
class Encoding:
    """Encoder settings shared by every output of one pass."""

    preset: str = "veryfast"
    crf: int = 21
    audio_kbps: int = 128
    audio_rate: int = 48000
    # EBU R128 programme loudness, true peak and range for `loudnorm`.
    loudness_i: float = -23.0
    loudness_tp: float = -1.0
    loudness_lra: float = 11.0
    keyframe_s: float = 2.0
    # Video gets what the cap leaves after audio and MP4 overhead, times this.
    video_headroom: float = 0.95


@dataclass(frozen=True)
class Profile:
    """One LED face's needs: exact size, frame rate, bitrate cap, sound, fit.

    ``max_kbps`` caps the whole file (video, audio and container). ``tolerance``
    is how far the busiest one-second window may exceed the cap (1.25 = +25 %).
    """

    width: int
    height: int
    fps: float = 25.0
    max_kbps: int = 8000
    audio: bool = True
    fit: Fit = "pad"
    tolerance: float = 1.25
    _fps_fraction: Fraction = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("width", "height"):
            value = getattr(self, name)
            if not isinstance(value, int) or not 16 <= value <= 8192:
                raise InvalidProfile(
                    gettext_noop(
                        "profile %(name)s %(value)s is out of range; use a whole "
                        "number of pixels from 16 to 8192"
                    ),
                    name=name,
                    value=value,
                )
            if value % 2:
                raise InvalidProfile(
                    gettext_noop(
                        "profile %(name)s %(value)s is odd; H.264 in yuv420p needs "
                        "even sizes, use %(lower)s or %(upper)s"
                    ),
                    name=name,
                    value=value,
                    lower=value - 1,
                    upper=value + 1,
                )
        if not 1 <= float(self.fps) <= 120:
            raise InvalidProfile(
                gettext_noop("profile fps %(value)s is out of range; use 1 to 120"),
                value=self.fps,
            )
        if not isinstance(self.max_kbps, int) or not 200 <= self.max_kbps <= 800_000:
            raise InvalidProfile(
                gettext_noop(
                    "profile max_kbps %(value)s is out of range; use 200 to 800000"
                ),
                value=self.max_kbps,
            )
        if self.fit not in FITS:
            raise InvalidProfile(
                gettext_noop(
                    "profile fit %(value)r is unknown; use pad, crop or stretch"
                ),
                value=self.fit,
            )
        if not 1.0 <= float(self.tolerance) <= 4.0:
            raise InvalidProfile(
                gettext_noop("profile tolerance %(value)s is out of range; use 1 to 4"),
                value=self.tolerance,
            )
        fraction = Fraction(self.fps).limit_denominator(1001)
        object.__setattr__(self, "_fps_fraction", fraction)

    @property
    def fps_fraction(self) -> Fraction:
        """The frame rate as an exact fraction (29.97 becomes 30000/1001)."""
        return self._fps_fraction

    def as_dict(self) -> dict:
        data = asdict(self)
        data.pop("_fps_fraction", None)
        return data

    def key(self) -> str:
        """A stable identifier of what this profile produces.

        Equal for profiles that give the same file (``fps`` 25 and 25.0 alike);
        the CMS uses it to reuse renditions.
        """
        normal = {
            "v": 1,
            "width": self.width,
            "height": self.height,
            "fps": f"{self.fps_fraction.numerator}/{self.fps_fraction.denominator}",
            "max_kbps": self.max_kbps,
            "audio": bool(self.audio),
            "fit": self.fit,
            "tolerance": f"{float(self.tolerance):.4f}",
        }
        blob = json.dumps(normal, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode()).hexdigest()[:32]


@dataclass(frozen=True)
class KioskProfile(Profile):
    """The kiosk page's rendition: the source's shape, at most 1280 px a side.

    Its size is the source picture scaled down (see ``plan.kiosk_profile``);
    verify also holds the file to the kiosk's own ceilings (side, bitrate).
    """

    max_kbps: int = KIOSK_MAX_KBPS

    def __post_init__(self) -> None:
        super().__post_init__()
        if max(self.width, self.height) > KIOSK_MAX_SIDE:
            raise InvalidProfile(
                gettext_noop(
                    "kiosk profile %(size)s is larger than %(limit)s px a side; "
                    "scale it down"
                ),
                size=f"{self.width}x{self.height}",
                limit=KIOSK_MAX_SIDE,
            )
        if self.max_kbps > KIOSK_MAX_KBPS:
            raise InvalidProfile(
                gettext_noop(
                    "kiosk profile max_kbps %(value)s is over the kiosk's "
                    "%(limit)s kbit/s; use %(limit)s or less"
                ),
                value=self.max_kbps,
                limit=KIOSK_MAX_KBPS,
            )

    def key(self) -> str:
        """Like ``Profile.key``, never equal to a face profile's of that size."""
        blob = json.dumps({"kiosk": super().key(), "side": KIOSK_MAX_SIDE})
        return hashlib.sha256(blob.encode()).hexdigest()[:32]
