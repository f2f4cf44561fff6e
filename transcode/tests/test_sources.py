"""Acceptance: rotated phone clips, variable frame rate, sound to silent faces
and back, anamorphic pixels and loudness."""

from __future__ import annotations

import re
import subprocess

import pytest

from transcode import Profile, probe, transcode
from transcode.config import FFMPEG, FFPROBE

from .clips import FAST, Frame, is_blue, is_red, make_clip, rotate_mp4


def _streams(path) -> list[str]:
    return subprocess.run(
        [FFPROBE, "-v", "error", "-show_entries", "stream=codec_type", "-of",
         "csv=p=0", str(path)],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip


def _audio_stats(path, filter_: str) -> str:
    return subprocess.run(
        [FFMPEG, "-hide_banner", "-nostdin", "-i", str(path), "-map", "0:a",
         "-af", filter_, "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    ).stderr  # fmt: skip


def test_rotated_phone_clip_is_turned_upright_without_a_rotation_flag(tmp_path):
    # Stored landscape, left half red and right half blue; the phone's display
    # matrix turns it 90 degrees clockwise, so upright the top is red.
    phone = make_clip(
        tmp_path / "phone.mp4",
        video=(
            "color=blue:s=320x180:r=30:d=1,drawbox=x=0:y=0:w=160:h=180:color=red:t=fill"
        ),
    )
    rotate_mp4(phone, 90)
    out = tmp_path / "portrait.mp4"

    (result,) = transcode(phone, [(Profile(768, 1152, fit="crop"), out)], encoding=FAST)

    assert (result.width, result.height) == (768, 1152)
    frame = Frame(out)
    assert is_red(frame.pixel(384, 100)) and is_blue(frame.pixel(384, 1050))
    assert probe(out).video.rotation == 0


def test_variable_frame_rate_clip_becomes_constant_at_the_face_rate(tmp_path):
    vfr = make_clip(
        tmp_path / "vfr.mp4",
        video="testsrc2=s=320x180:r=30:d=2,select='not(eq(mod(n\\,3)\\,0))'",
        duration=2,
        extra=("-fps_mode", "vfr"),
    )
    assert probe(vfr).video.variable_fps
    out = tmp_path / "face.mp4"

    (result,) = transcode(vfr, [(Profile(1344, 756, fps=25), out)], encoding=FAST)

    assert result.fps == 25
    assert result.duration_s == pytest.approx(2.0, abs=0.5)
    assert probe(out).video.variable_fps is False


def test_clip_without_sound_gets_a_silent_aac_track_on_a_face_with_sound(
    tmp_path, silent_clip
):
    out = tmp_path / "face.mp4"

    (result,) = transcode(silent_clip, [(Profile(320, 180), out)], encoding=FAST)

    assert result.audio_codec == "aac"
    assert sorted(_streams(out)) == ["audio", "video"]
    assert "max_volume: -91.0 dB" in _audio_stats(out, "volumedetect")


def test_clip_with_sound_loses_its_audio_on_a_silent_face(tmp_path, clip):
    out = tmp_path / "face.mp4"

    (result,) = transcode(clip, [(Profile(320, 180, audio=False), out)], encoding=FAST)

    assert result.audio_codec is None
    assert _streams(out) == ["video"]


def test_one_pass_gives_sound_to_one_face_and_silence_to_another(tmp_path, clip):
    loud, quiet = tmp_path / "loud.mp4", tmp_path / "quiet.mp4"

    transcode(
        clip,
        [(Profile(320, 180), loud), (Profile(320, 180, audio=False), quiet)],
        encoding=FAST,
    )

    assert sorted(_streams(loud)) == ["audio", "video"]
    assert _streams(quiet) == ["video"]


def test_sound_is_normalised_to_ebu_r128_loudness(tmp_path):
    blaring = make_clip(tmp_path / "loud.mp4", duration=3, audio_filter=",volume=8")
    out = tmp_path / "face.mp4"

    transcode(blaring, [(Profile(320, 180), out)], encoding=FAST)

    def integrated(path) -> float:
        stats = _audio_stats(path, "ebur128")
        return float(re.findall(r"I:\s+(-?[\d.]+) LUFS", stats)[-1])

    assert integrated(blaring) > -10
    assert integrated(out) == pytest.approx(-23, abs=1.5)


def test_anamorphic_pixels_are_made_square_before_fitting(tmp_path):
    # 360x288 with 16:15 pixels shows as 384x288 (4:3): padded into 16:9 the
    # bars are 1344 - 756 * 4/3 = 336 px in total, not 1344 - 756 * 360/288.
    anamorphic = make_clip(
        tmp_path / "dv.mp4",
        video="color=white:s=360x288:r=25:d=1,setsar=16/15",
        audio=False,
    )
    out = tmp_path / "face.mp4"

    transcode(anamorphic, [(Profile(1344, 756, audio=False), out)], encoding=FAST)

    frame = Frame(out)
    row = [frame.pixel(x, 378) for x in range(frame.width)]
    white = [x for x, rgb in enumerate(row) if min(rgb) > 200]
    assert white[-1] - white[0] + 1 == pytest.approx(1008, abs=4)
