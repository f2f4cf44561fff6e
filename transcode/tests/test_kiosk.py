"""The kiosk page's rendition: H.264 MP4 a browser plays, at most 1280 px a
side, 3 Mbit/s, index first; a poster still and WebVTT subtitle tracks."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from transcode import (
    InvalidProfile,
    KioskProfile,
    Profile,
    SubtitleTrack,
    VerifyFailed,
    kiosk_profile,
    poster,
    poster_time,
    probe,
    transcode,
    verify,
    webvtt,
)
from transcode.config import FFPROBE
from transcode.plan import kiosk_fps, kiosk_size
from transcode.sniff import iso_boxes
from transcode.verify import kiosk_problems

from .clips import FAST, ffmpeg, make_clip


@pytest.fixture(scope="module")
def mpeg2_source(tmp_path_factory) -> Path:
    """A broadcast-style 1920x1080 MPEG-2 programme stream with MP2 sound at
    a high bitrate: what a station uploads and Chromium cannot play."""
    path = tmp_path_factory.mktemp("broadcast") / "ban-tin.mpg"
    ffmpeg(
        "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=25:d=2",
        "-f", "lavfi", "-i", "sine=f=440:d=2",
        "-c:v", "mpeg2video", "-b:v", "15M", "-maxrate", "15M", "-bufsize", "4M",
        "-c:a", "mp2", "-f", "mpeg", str(path),
    )  # fmt: skip
    return path


@pytest.fixture(scope="module")
def prores_source(tmp_path_factory) -> Path:
    """A portrait 1080x1920 ProRes 422 clip at 50 fps without sound."""
    path = tmp_path_factory.mktemp("prores") / "doc.mov"
    ffmpeg(
        "-f", "lavfi", "-i", "testsrc2=s=1080x1920:r=50:d=1",
        "-c:v", "prores_ks", "-profile:v", "2", str(path),
    )  # fmt: skip
    return path


def boxes(path: Path) -> list[bytes]:
    return [box.kind for box in iso_boxes(str(path))[0]]


def ffprobe_video(path: Path) -> dict:
    result = subprocess.run(
        [FFPROBE, "-v", "error", "-of", "json", "-show_streams", "-show_format",
         str(path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(result.stdout)


def test_mpeg2_full_hd_source_becomes_a_1280_wide_h264_mp4_with_index_first(
    tmp_path, mpeg2_source
):
    info = probe(mpeg2_source)
    assert info.video.codec == "mpeg2video"
    profile = kiosk_profile(info)
    out = tmp_path / "kiosk.mp4"

    [result] = transcode(mpeg2_source, [(profile, out)], encoding=FAST)

    data = ffprobe_video(out)
    video = next(s for s in data["streams"] if s["codec_type"] == "video")
    audio = next(s for s in data["streams"] if s["codec_type"] == "audio")
    assert (video["codec_name"], video["pix_fmt"]) == ("h264", "yuv420p")
    assert (video["width"], video["height"]) == (1280, 720)
    assert audio["codec_name"] == "aac"
    kbps = int(data["format"]["size"]) * 8 / float(data["format"]["duration"]) / 1000
    assert kbps <= 3000
    assert result.avg_kbps <= 3000 and result.peak_kbps <= 3000 * 1.25
    kinds = boxes(out)
    assert kinds.index(b"moov") < kinds.index(b"mdat")
    assert mpeg2_source.stat().st_size * 8 / 2 / 1000 > 10_000  # the source was not


def test_portrait_prores_at_50_fps_keeps_its_shape_at_25_fps_without_sound(
    tmp_path, prores_source
):
    profile = kiosk_profile(probe(prores_source))
    assert (profile.width, profile.height, profile.fps) == (720, 1280, 25.0)
    assert profile.audio is False

    [result] = transcode(prores_source, [(profile, tmp_path / "k.mp4")], encoding=FAST)

    assert (result.width, result.height, result.fps) == (720, 1280, 25.0)
    assert result.codec == "h264" and result.audio_codec is None


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ((1920, 1080), (1280, 720)),
        ((1280, 720), (1280, 720)),
        ((1282, 720), (1280, 718)),
        ((1281, 721), (1280, 720)),
        ((640, 360), (640, 360)),
        ((641, 361), (640, 360)),
        ((1080, 1920), (720, 1280)),
        ((3840, 2160), (1280, 720)),
        ((7680, 16), (1280, 16)),
    ],
)
def test_kiosk_size_keeps_the_shape_within_1280_px_with_even_sides(source, expected):
    assert kiosk_size(*source) == expected


@pytest.mark.parametrize(
    ("fps", "expected"),
    [(23.976, 23.976), (25, 25), (29.97, 29.97), (30, 30), (50, 25),
     (59.94, 29.97), (60, 30), (100, 25), (120, 30), (31, 15.5)],
)  # fmt: skip
def test_kiosk_frame_rate_is_the_source_halved_until_at_most_30(fps, expected):
    assert kiosk_fps(fps) == pytest.approx(expected, abs=0.001)


def test_kiosk_profile_refuses_more_than_1280_px_or_3_mbit():
    KioskProfile(1280, 720)
    KioskProfile(720, 1280, max_kbps=3000)
    with pytest.raises(InvalidProfile, match="1282x720 is larger than 1280"):
        KioskProfile(1282, 720)
    with pytest.raises(InvalidProfile, match="3001 is over the kiosk's 3000"):
        KioskProfile(1280, 720, max_kbps=3001)


def test_kiosk_profile_key_differs_from_a_face_of_the_same_size():
    assert KioskProfile(1280, 720).key() != Profile(1280, 720, max_kbps=3000).key()
    assert KioskProfile(1280, 720).key() == KioskProfile(1280, 720, fps=25.0).key()


def test_verify_refuses_a_kiosk_file_without_faststart(tmp_path, clip):
    late_index = tmp_path / "late.mp4"
    ffmpeg(
        "-i", str(clip), "-c:v", "libx264", "-profile:v", "high", "-g", "25",
        "-pix_fmt", "yuv420p", "-c:a", "aac", "-ar", "48000", "-ac", "2",
        str(late_index),
    )  # fmt: skip
    kinds = boxes(late_index)
    assert kinds.index(b"moov") > kinds.index(b"mdat")

    with pytest.raises(VerifyFailed, match="not faststart"):
        verify(late_index, KioskProfile(320, 180), 2.0)


@pytest.mark.parametrize(
    ("size", "kbps", "problems"),
    [
        ((1280, 720), 3000.0, []),
        ((720, 1280), 2999.4, []),
        ((1282, 720), 3000.0, ["kiosk picture 1282x720 larger than 1280 px a side"]),
        ((1280, 720), 3000.6, ["average bitrate 3001 kbit/s over the kiosk's 3000"]),
    ],
)
def test_kiosk_ceilings_are_checked_on_the_file_whatever_the_profile_says(
    size, kbps, problems
):
    found = kiosk_problems({"width": size[0], "height": size[1]}, kbps)
    assert [template % params for template, params in found] == [
        f"{p} kbit/s" if "bitrate" in p else p for p in problems
    ]


def test_poster_is_a_jpeg_of_the_kiosk_size_taken_a_second_in(tmp_path):
    source = make_clip(tmp_path / "src.mp4", size="640x360", duration=3)
    out = poster(source, tmp_path / "poster.jpg", width=320, height=180, at_s=1.0)

    assert out.read_bytes()[:3] == b"\xff\xd8\xff"
    stream = ffprobe_video(out)["streams"][0]
    assert (stream["width"], stream["height"]) == (320, 180)
    assert poster_time(3.0) == 1.0
    assert poster_time(2.0) == 1.0
    assert poster_time(1.0) == 0.5


def test_webvtt_turns_srt_into_escaped_cues(tmp_path):
    srt = tmp_path / "lo.srt"
    srt.write_text(
        "1\n00:00:01,000 --> 00:00:02,500\n<i>ດ່ານ</i> Bờ Y & Lào --> 5 km\n\n"
        "2\n01:02:03,040 --> 01:02:04,000\nສະບາຍດີ\n",
        encoding="utf-8",
    )
    assert webvtt(SubtitleTrack("lo", srt)) == (
        "WEBVTT\n\n"
        "00:00:01.000 --> 00:00:02.500\nດ່ານ Bờ Y &amp; Lào --&gt; 5 km\n\n"
        "01:02:03.040 --> 01:02:04.000\nສະບາຍດີ\n"
    )
