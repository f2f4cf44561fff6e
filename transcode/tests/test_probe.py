"""probe describes real videos and refuses everything else, before encoding."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from transcode import Limits, ProbeRefused, Profile, probe, transcode

from .clips import FAST, ffmpeg, make_clip, rotate_mp4
from .conftest import listing


def test_probe_describes_container_streams_size_rate_duration_and_audio(clip):
    info = probe(clip)

    assert "mp4" in info.container
    assert info.size_bytes == clip.stat().st_size
    assert info.duration_s == pytest.approx(2.0, abs=0.1)
    assert (info.video.codec, info.video.width, info.video.height) == ("h264", 320, 180)
    assert info.video.fps == 25
    assert info.video.variable_fps is False
    assert info.video.rotation == 0
    assert info.audio is not None and info.audio.codec == "aac"


@pytest.mark.parametrize(
    ("name", "extra"),
    [
        ("clip.mkv", ()),
        ("clip.mov", ()),
        ("clip.avi", ()),
        ("clip.ts", ()),
        ("clip.m2ts", ("-f", "mpegts", "-mpegts_m2ts_mode", "1")),
        (
            "clip.webm",
            ("-c:v", "libvpx-vp9", "-deadline", "realtime", "-c:a", "libopus"),
        ),
        ("clip.bin", ("-f", "matroska")),  # the name does not matter
    ],
)
def test_probe_recognises_common_containers_by_their_bytes(tmp_path, name, extra):
    video = make_clip(tmp_path / name, extra=extra)

    info = probe(video)

    assert (info.video.width, info.video.height) == (320, 180)
    assert info.duration_s == pytest.approx(1.0, abs=0.2)
    assert info.audio is not None


def test_probe_reports_rotation_and_the_displayed_size(tmp_path):
    phone = make_clip(tmp_path / "phone.mp4", audio=False)
    rotate_mp4(phone, 90)

    info = probe(phone)

    assert info.video.rotation == 90
    assert (info.video.width, info.video.height) == (320, 180)
    assert (info.video.display_width, info.video.display_height) == (180, 320)


def test_probe_flags_a_variable_frame_rate(tmp_path):
    vfr = make_clip(
        tmp_path / "vfr.mp4",
        video="testsrc2=s=320x180:r=30:d=2,select='not(eq(mod(n\\,3)\\,0))'",
        audio=False,
        extra=("-fps_mode", "vfr"),
    )

    assert probe(vfr).video.variable_fps is True


def test_probe_applies_the_sample_aspect_ratio_to_the_displayed_size(tmp_path):
    anamorphic = make_clip(
        tmp_path / "dv.mp4",
        video="testsrc2=s=360x288:r=25:d=1,setsar=16/15",
        audio=False,
    )

    info = probe(anamorphic)

    assert info.video.sar == "16:15"
    assert (info.video.display_width, info.video.display_height) == (384, 288)


def _truncated_mp4(tmp_path: Path, faststart: bool) -> Path:
    whole = make_clip(
        tmp_path / "whole.mp4",
        duration=2,
        extra=("-movflags", "+faststart") if faststart else (),
    )
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    whole.unlink()
    return cut


def _truncated_mkv(tmp_path: Path) -> Path:
    whole = make_clip(tmp_path / "whole.mkv", duration=2)
    cut = tmp_path / "cut.mkv"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 3])
    whole.unlink()
    return cut


def _png(tmp_path: Path, name: str) -> Path:
    return Path(
        ffmpeg(
            "-f", "lavfi", "-i", "testsrc2=s=320x180", "-frames:v", "1",
            "-f", "image2", "-c:v", "png", str(tmp_path / name),
        ).args[-1]
    )  # fmt: skip


def _jpeg(tmp_path: Path, name: str) -> Path:
    return Path(
        ffmpeg(
            "-f", "lavfi", "-i", "testsrc2=s=320x180", "-frames:v", "1",
            "-f", "image2", "-c:v", "mjpeg", str(tmp_path / name),
        ).args[-1]
    )  # fmt: skip


REFUSALS = {
    "zero-byte file": (
        lambda tmp: (tmp / "empty.mp4").write_bytes(b"") and None or tmp / "empty.mp4",
        "empty",
        "is empty (0 bytes)",
    ),
    "text named .mp4": (
        lambda tmp: _write(tmp / "notes.mp4", "this is not a video\n"),
        "not_media",
        "is not a media file",
    ),
    "HLS playlist named .mp4": (
        lambda tmp: _write(tmp / "list.mp4", "#EXTM3U\n#EXTINF:1,\n/etc/passwd\n"),
        "not_media",
        "is not a media file",
    ),
    "truncated MP4 (index at the end)": (
        lambda tmp: _truncated_mp4(tmp, faststart=False),
        "truncated",
        "is truncated or corrupt",
    ),
    "truncated MP4 (faststart)": (
        lambda tmp: _truncated_mp4(tmp, faststart=True),
        "truncated",
        "is truncated or corrupt",
    ),
    "truncated MKV": (_truncated_mkv, "truncated", "is truncated or corrupt"),
    "audio-only M4A": (
        lambda tmp: _audio_only(tmp / "song.m4a"),
        "no_video",
        "found no video stream",
    ),
    "audio-only WAV named .mp4": (
        lambda tmp: _audio_only(tmp / "song.mp4", "-f", "wav"),
        "no_video",
        "found no video stream",
    ),
    "PNG": (lambda tmp: _png(tmp, "poster.png"), "still_image", "is a still image"),
    "PNG named .mp4": (
        lambda tmp: _png(tmp, "poster.mp4"),
        "still_image",
        "is a still image",
    ),
    "JPEG named .mp4": (
        lambda tmp: _jpeg(tmp, "photo.mp4"),
        "still_image",
        "is a still image",
    ),
    "one-frame H.264 MP4": (
        lambda tmp: make_clip(tmp / "frame.mp4", audio=False, extra=("-frames:v", "1")),
        "still_image",
        "is a still image",
    ),
    "a folder": (
        lambda tmp: (tmp / "folder.mp4").mkdir() or tmp / "folder.mp4",
        "not_a_file",
        "is not a regular file",
    ),
}


def _write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def _audio_only(path: Path, *extra: str) -> Path:
    ffmpeg("-f", "lavfi", "-i", "sine=d=1", *extra, str(path))
    return path


@pytest.mark.parametrize("case", list(REFUSALS))
def test_transcode_refuses_unusable_input_with_a_reason_and_writes_nothing(
    tmp_path, case
):
    make, code, words = REFUSALS[case]
    source_dir = tmp_path / "in"
    source_dir.mkdir()
    source = make(source_dir)
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    with pytest.raises(ProbeRefused) as refused:
        transcode(source, [(Profile(320, 180), out_dir / "face.mp4")], encoding=FAST)

    assert refused.value.code == code
    assert words in refused.value.reason
    assert f'"{source.name}"' in refused.value.reason
    assert "; " in refused.value.reason  # and says what to do about it
    assert listing(out_dir) == []


@pytest.mark.parametrize(
    ("limits", "code", "words"),
    [
        (Limits(max_bytes=10_000), "too_large", "over the 9.8 KiB limit"),
        (Limits(max_duration_s=1.5), "too_long", "lasts 0:00:02, over the 0:00:02"),
        (Limits(max_long_side=300), "too_many_pixels", "320x180 pixels, over"),
        (Limits(max_short_side=160), "too_many_pixels", "over the 7680x160 limit"),
        (Limits(max_fps=24), "fps_too_high", "25.00 frames per second, over the 24"),
    ],
)
def test_transcode_refuses_a_file_over_the_limits(tmp_path, clip, limits, code, words):
    with pytest.raises(ProbeRefused) as refused:
        transcode(clip, [(Profile(320, 180), tmp_path / "face.mp4")], limits=limits)

    assert refused.value.code == code
    assert words in refused.value.reason
    assert listing(tmp_path) == []


def test_default_limits_are_4_gib_2_hours_8k_and_120_fps():
    limits = Limits()

    assert limits.max_bytes == 4 * 1024**3
    assert limits.max_duration_s == 7200
    assert (limits.max_long_side, limits.max_short_side) == (7680, 4320)
    assert limits.max_fps == 120


def test_size_limit_is_checked_without_reading_the_file(tmp_path, monkeypatch):
    sparse = tmp_path / "huge.mp4"
    with open(sparse, "wb") as handle:
        handle.truncate(5 * 1024**3)  # 5 GiB, no blocks on disk
    opened = []
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a))

    with pytest.raises(ProbeRefused) as refused:
        probe(sparse)

    assert refused.value.code == "too_large"
    assert "5.0 GiB, over the 4.0 GiB limit" in refused.value.reason
    assert opened == []


def test_probe_refuses_a_fifo_instead_of_blocking_on_it(tmp_path):
    fifo = tmp_path / "pipe.mp4"
    os.mkfifo(fifo)

    with pytest.raises(ProbeRefused) as refused:
        probe(fifo)

    assert refused.value.code == "not_a_file"
