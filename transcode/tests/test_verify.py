"""verify measures outputs and rejects anything a face should not get."""

from __future__ import annotations

import hashlib
import subprocess

import pytest

from transcode import Profile, VerifyFailed, transcode, verify
from transcode.config import FFMPEG
from transcode.verify import peak_window_bits

from .clips import FAST


def test_peak_window_finds_the_busiest_second_wherever_it_starts():
    packets = [(0.0, 100), (0.5, 100), (1.2, 1000), (1.9, 1000), (2.3, 100)]

    assert peak_window_bits(packets) == 2000 * 8  # 1.2 .. 2.2
    assert peak_window_bits([]) == 0


def test_verified_output_carries_measurements_hash_and_ffmpeg_version(tmp_path, clip):
    out = tmp_path / "face.mp4"
    (result,) = transcode(
        clip, [(Profile(640, 360, max_kbps=3000), out)], encoding=FAST
    )

    again = verify(out, Profile(640, 360, max_kbps=3000), 2.0)

    version = subprocess.run(
        [FFMPEG, "-version"], capture_output=True, text=True, check=True
    ).stdout.split()[2]
    assert again == result
    assert result.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert result.ffmpeg_version == version
    assert result.size_bytes == out.stat().st_size
    assert result.avg_kbps == pytest.approx(
        out.stat().st_size * 8 / result.duration_s / 1000, rel=0.01
    )
    assert 0 < result.avg_kbps <= result.peak_kbps <= 3000 * 1.25
    assert result.keyframe_interval_s <= 2.0
    assert result.profile_key == Profile(640, 360, max_kbps=3000).key()


def test_verify_lists_everything_wrong_with_a_file(clip):
    # The raw test clip: Constrained Baseline, index at the end, 44.1 kHz mono.
    with pytest.raises(VerifyFailed) as failed:
        verify(clip, Profile(1344, 756, fps=30, max_kbps=200), 5.0)

    reason = failed.value.reason
    for words in (
        "not faststart",
        "size 320x180 instead of 1344x756",
        "codec h264 Constrained Baseline instead of h264 High",
        "frame rate 25.000 instead of 30.000",
        "duration 2.00 s instead of 5.00 s",
        "audio aac 44100 Hz 1 ch instead of aac 48000 Hz 2 ch",
        "over the 200 kbit/s cap",
        "busiest second",
    ):
        assert words in reason
    assert (
        "size %(got)s instead of %(want)s",
        {"got": "320x180", "want": "1344x756"},
    ) in failed.value.problems


def test_verify_rejects_an_audio_track_on_a_silent_face(tmp_path, clip):
    out = tmp_path / "face.mp4"
    transcode(clip, [(Profile(320, 180), out)], encoding=FAST)

    with pytest.raises(VerifyFailed, match="an audio track on a silent face"):
        verify(out, Profile(320, 180, audio=False), 2.0)


def test_verify_rejects_a_cut_file(tmp_path, clip):
    out = tmp_path / "face.mp4"
    transcode(clip, [(Profile(320, 180), out)], encoding=FAST)
    out.write_bytes(out.read_bytes()[:-5000])

    with pytest.raises(VerifyFailed, match="not a complete MP4"):
        verify(out, Profile(320, 180), 2.0)
