"""probe's input limits: a clip exactly at a limit is welcome, just past it is not."""

from __future__ import annotations

import pytest

from transcode import Limits, ProbeRefused, probe

from .clips import make_clip


def test_a_file_of_exactly_the_size_limit_is_accepted_and_one_byte_more_is_not(clip):
    size = clip.stat().st_size

    assert probe(clip, Limits(max_bytes=size)).size_bytes == size
    with pytest.raises(ProbeRefused) as refused:
        probe(clip, Limits(max_bytes=size - 1))
    assert refused.value.code == "too_large"


@pytest.mark.parametrize(
    ("long_side", "short_side", "code"),
    [
        (320, 180, None),  # the clip is 320x180
        (318, 180, "too_many_pixels"),
        (320, 178, "too_many_pixels"),
    ],
)
def test_a_picture_of_exactly_the_size_limit_is_accepted_and_larger_is_not(
    clip, long_side, short_side, code
):
    limits = Limits(max_long_side=long_side, max_short_side=short_side)

    if code is None:
        assert probe(clip, limits).video.width == 320
    else:
        with pytest.raises(ProbeRefused) as refused:
            probe(clip, limits)
        assert refused.value.code == code


def test_a_frame_rate_of_exactly_the_limit_is_accepted_and_a_lower_limit_refuses_it(
    clip,
):
    assert probe(clip, Limits(max_fps=25)).video.fps == 25
    with pytest.raises(ProbeRefused) as refused:
        probe(clip, Limits(max_fps=24.99))
    assert refused.value.code == "fps_too_high"


def test_a_duration_of_exactly_either_limit_is_accepted_and_beyond_is_not(clip):
    duration = probe(clip).duration_s

    at_limits = Limits(min_duration_s=duration, max_duration_s=duration)
    assert probe(clip, at_limits).duration_s == duration
    with pytest.raises(ProbeRefused) as short:
        probe(clip, Limits(min_duration_s=duration + 0.001))
    with pytest.raises(ProbeRefused) as long:
        probe(clip, Limits(max_duration_s=duration - 0.001))
    assert (short.value.code, long.value.code) == ("too_short", "too_long")


def test_two_frames_are_a_video_where_one_is_a_still_image(tmp_path):
    two = make_clip(tmp_path / "two.mp4", audio=False, extra=("-frames:v", "2"))
    one = make_clip(tmp_path / "one.mp4", audio=False, extra=("-frames:v", "1"))
    short = Limits(min_duration_s=0.01)

    assert probe(two, short).video.codec == "h264"
    with pytest.raises(ProbeRefused) as refused:
        probe(one, short)
    assert refused.value.code == "still_image"
