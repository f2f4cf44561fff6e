"""Subtitle tracks (SRT or WebVTT) converted to one ASS file per output size.

One track sits at the bottom; with two (a bilingual programme) the first sits
at the top and the second at the bottom. Each language gets a Noto font that
covers its script (Vietnamese, Chinese, Lao, Khmer …); libass shapes complex
scripts with HarfBuzz and falls back through fontconfig for stray glyphs.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import SubtitleError, gettext_noop

MAX_TRACKS = 2
MAX_SUBTITLE_BYTES = 5 * 1024 * 1024

FONT_BY_LANGUAGE = {
    "zh": "Noto Sans CJK SC",
    "zh-hans": "Noto Sans CJK SC",
    "zh-cn": "Noto Sans CJK SC",
    "zh-sg": "Noto Sans CJK SC",
    "zh-hant": "Noto Sans CJK TC",
    "zh-tw": "Noto Sans CJK TC",
    "zh-hk": "Noto Sans CJK HK",
    "ja": "Noto Sans CJK JP",
    "ko": "Noto Sans CJK KR",
    "lo": "Noto Sans Lao",
    "km": "Noto Sans Khmer",
    "th": "Noto Sans Thai",
}
# Vietnamese, English, Bahnar and other Latin-script languages.
DEFAULT_FONT = "Noto Sans"

_TIME = re.compile(
    r"^\s*(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})\s*-->\s*"
    r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})"
)
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class SubtitleTrack:
    """One language of subtitles: an ISO code (``vi``, ``lo``…) and a file."""

    lang: str
    path: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", Path(self.path))


@dataclass(frozen=True)
class Cue:
    start_s: float
    end_s: float
    text: str


def font_for(lang: str) -> str:
    """The font family used for ``lang`` (an ISO 639 code, optional region)."""
    code = lang.strip().lower().replace("_", "-")
    return FONT_BY_LANGUAGE.get(code) or FONT_BY_LANGUAGE.get(
        code.split("-")[0], DEFAULT_FONT
    )


def _seconds(hours: str | None, minutes: str, seconds: str, fraction: str) -> float:
    return (
        int(hours or 0) * 3600
        + int(minutes) * 60
        + int(seconds)
        + int(fraction.ljust(3, "0")) / 1000
    )


def read_cues(track: SubtitleTrack) -> list[Cue]:
    """Parse an SRT or WebVTT file (UTF-8) into cues, tags removed."""
    name = track.path.name
    try:
        size = os.path.getsize(track.path)
        if size > MAX_SUBTITLE_BYTES:
            raise SubtitleError(
                gettext_noop(
                    'subtitle file "%(name)s" is %(size)s bytes, over %(limit)s; '
                    "check that it is a subtitle file"
                ),
                name=name,
                size=size,
                limit=MAX_SUBTITLE_BYTES,
            )
        raw = track.path.read_bytes()
    except OSError as err:
        raise SubtitleError(
            gettext_noop('subtitle file "%(name)s" cannot be read (%(error)s)'),
            name=name,
            error=err.strerror or err,
        ) from err
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SubtitleError(
            gettext_noop(
                'subtitle file "%(name)s" is not UTF-8 text (bad byte at %(offset)s); '
                "save it as UTF-8 SRT or WebVTT"
            ),
            name=name,
            offset=err.start,
        ) from err
    cues: list[Cue] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line for line in block.split("\n") if line.strip()]
        for position, line in enumerate(lines):
            match = _TIME.match(line)
            if not match:
                continue
            start = _seconds(*match.group(1, 2, 3, 4))
            end = _seconds(*match.group(5, 6, 7, 8))
            body = "\n".join(
                _TAG.sub("", part).strip() for part in lines[position + 1 :]
            ).strip()
            if body and end > start:
                cues.append(Cue(start, end, _unescape(body)))
            break
    if not cues:
        raise SubtitleError(
            gettext_noop(
                'subtitle file "%(name)s" (%(lang)s) has no timed cues; give an SRT '
                'or WebVTT file with lines like "00:00:01,000 --> 00:00:03,000"'
            ),
            name=name,
            lang=track.lang,
        )
    return cues


def _unescape(text: str) -> str:
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", " "), ("&amp;", "&")):
        text = text.replace(entity, char)
    return text


def _ass_time(seconds: float) -> str:
    centis = int(round(seconds * 100))
    return (
        f"{centis // 360000}:{centis // 6000 % 60:02d}:"
        f"{centis // 100 % 60:02d}.{centis % 100:02d}"
    )


def _ass_text(text: str) -> str:
    # Braces open override blocks and a backslash starts an escape in ASS; a
    # word joiner after the backslash keeps it literal.
    text = text.replace("\\", "\\\u2060").replace("{", "(").replace("}", ")")
    return text.replace("\n", "\\N")


def build_ass(
    tracks: list[tuple[SubtitleTrack, list[Cue]]], width: int, height: int
) -> str:
    """An ASS script sized for a ``width`` x ``height`` output."""
    if not 1 <= len(tracks) <= MAX_TRACKS:
        raise SubtitleError(
            gettext_noop(
                "%(count)s subtitle tracks given; burn one language or two "
                "(bilingual), not more"
            ),
            count=len(tracks),
        )
    short = min(width, height)
    size = max(14, round(short * 0.065))
    outline = max(1, round(size / 14))
    margin_v = max(4, round(short * 0.035))
    margin_h = max(4, round(width * 0.03))
    alignments = [2] if len(tracks) == 1 else [8, 2]
    lines = [
        "[Script Info]",
        "ScriptType: v4.00+",
        f"PlayResX: {width}",
        f"PlayResY: {height}",
        "WrapStyle: 0",
        "ScaledBorderAndShadow: yes",
        "YCbCr Matrix: None",
        "",
        "[V4+ Styles]",
        "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, "
        "OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, "
        "ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, "
        "MarginL, MarginR, MarginV, Encoding",
    ]
    for number, ((track, _cues), alignment) in enumerate(
        zip(tracks, alignments, strict=True)
    ):
        lines.append(
            f"Style: T{number},{font_for(track.lang)},{size},&H00FFFFFF,&H000000FF,"
            f"&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,{outline},0,{alignment},"
            f"{margin_h},{margin_h},{margin_v},1"
        )
    lines += [
        "",
        "[Events]",
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, "
        "Effect, Text",
    ]
    for number, (_track, cues) in enumerate(tracks):
        for cue in cues:
            lines.append(
                f"Dialogue: 0,{_ass_time(cue.start_s)},{_ass_time(cue.end_s)},"
                f"T{number},,0,0,0,,{_ass_text(cue.text)}"
            )
    return "\n".join(lines) + "\n"


def _vtt_time(seconds: float) -> str:
    millis = int(round(seconds * 1000))
    return (
        f"{millis // 3_600_000:02d}:{millis // 60_000 % 60:02d}:"
        f"{millis // 1000 % 60:02d}.{millis % 1000:03d}"
    )


def _vtt_text(text: str) -> str:
    # Cue text is HTML-like: escape markup, and "-->" would end the timing.
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "\n".join(line for line in text.split("\n") if line.strip())


def webvtt(track: SubtitleTrack) -> str:
    """The track (SRT or WebVTT) as a clean WebVTT file for a ``<track>``.

    Cues are read as for burning (tags removed, checked), so a browser gets
    plain text cues whatever the editor uploaded. Raises SubtitleError.
    """
    lines = ["WEBVTT", ""]
    for cue in read_cues(track):
        lines += [
            f"{_vtt_time(cue.start_s)} --> {_vtt_time(cue.end_s)}",
            _vtt_text(cue.text),
            "",
        ]
    return "\n".join(lines)


def load_tracks(
    tracks: list[SubtitleTrack] | None,
) -> list[tuple[SubtitleTrack, list[Cue]]]:
    """Read and check every track up front, before any encoding starts."""
    if not tracks:
        return []
    if len(tracks) > MAX_TRACKS:
        raise SubtitleError(
            gettext_noop(
                "%(count)s subtitle tracks given; burn one language or two "
                "(bilingual), not more"
            ),
            count=len(tracks),
        )
    return [(track, read_cues(track)) for track in tracks]


def subtitles_hash(tracks: list[SubtitleTrack] | None) -> str:
    """sha256 over the languages and bytes of the tracks, in order ('' if none).

    The CMS keys renditions on it, with the source hash and ``Profile.key()``.
    """
    if not tracks:
        return ""
    digest = hashlib.sha256()
    for track in tracks:
        digest.update(track.lang.encode() + b"\0")
        digest.update(hashlib.sha256(Path(track.path).read_bytes()).digest())
    return digest.hexdigest()
