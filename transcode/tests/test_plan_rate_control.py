"""Rate control: the video rate, its VBV buffer and the keyframe interval stay
within their floors and ceilings, exactly at each threshold and just past it."""

from __future__ import annotations

import pytest

from transcode import Encoding, Profile
from transcode.plan import bitrate_for, output_options

# No headroom, so the cap minus audio is the video rate to the kbit/s.
EXACT = Encoding(audio_kbps=128, video_headroom=1.0)


@pytest.mark.parametrize(
    ("max_kbps", "video_kbps"),
    [
        (200, 100),  # 72 left after audio: raised to the floor
        (227, 100),  # 99: one below the floor
        (228, 100),  # exactly the floor
        (229, 101),  # one above: kept
    ],
)
def test_video_rate_never_goes_below_100_kbps(max_kbps, video_kbps):
    rate = bitrate_for(Profile(320, 180, max_kbps=max_kbps), EXACT)

    assert rate.video_kbps == video_kbps


@pytest.mark.parametrize(
    ("tolerance", "buffer_kbps"),
    [
        (1.0, 100),  # no tolerance still gets a tenth of a second of buffer
        (1.1, 100),  # exactly that tenth
        (1.5, 500),
        (2.0, 1000),  # exactly one second of video
        (3.0, 1000),  # never more than one second
    ],
)
def test_buffer_is_the_tolerance_share_of_the_video_rate_from_a_tenth_to_one_second(
    tolerance, buffer_kbps
):
    profile = Profile(320, 180, max_kbps=1000, audio=False, tolerance=tolerance)

    rate = bitrate_for(profile, EXACT)

    assert (rate.video_kbps, rate.buffer_kbps) == (1000, buffer_kbps)


@pytest.mark.parametrize(
    ("max_kbps", "buffer_kbps"),
    [
        (499, 50),  # a tenth would be 49: raised to the floor
        (500, 50),  # exactly the floor
        (510, 51),  # above: a tenth
    ],
)
def test_buffer_never_goes_below_50_kbps(max_kbps, buffer_kbps):
    profile = Profile(320, 180, max_kbps=max_kbps, audio=False, tolerance=1.0)

    assert bitrate_for(profile, EXACT).buffer_kbps == buffer_kbps


@pytest.mark.parametrize(
    ("fps", "keyframe_s", "gop"),
    [
        (25, 2.0, 50),
        (29.97, 2.0, 60),  # 59.94 frames rounds to the nearest whole frame
        (25, 0.01, 1),  # a quarter of a frame: at least every frame
    ],
)
def test_keyframe_interval_is_the_nearest_whole_number_of_frames_and_at_least_one(
    fps, keyframe_s, gop
):
    options = output_options(
        Profile(320, 180, fps=fps), Encoding(keyframe_s=keyframe_s)
    )

    assert (options["g"], options["keyint_min"]) == (gop, gop)
