"""verify's numeric limits: a measure exactly at a limit passes, one just past fails.

The checks are fed the numbers ffprobe would give, so each limit can be hit
exactly; test_verify proves the checks on real encoded files.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from transcode import Profile
from transcode.verify import (
    bitrate_problems,
    duration_problems,
    frame_rate_problems,
    frame_spacing_problems,
    keyframe_gap,
    keyframe_problems,
    peak_window_bits,
)

FRAME_RATE = "frame rate %(got)s instead of %(want)s"
DURATION = "duration %(got)s s instead of %(want)s s (± %(tol)s s)"
SPACING = "frame spacing %(low)s-%(high)s s: frame rate not constant"
KEYFRAMES = "keyframes %(gap)s s apart, more than 2 s"
AVERAGE = "average bitrate %(got)s kbit/s over the %(cap)s kbit/s cap"
PEAK = "busiest second %(got)s kbit/s over %(limit)s kbit/s (cap x %(tolerance)s)"


def templates(problems) -> list[str]:
    return [template for template, _params in problems]


@pytest.mark.parametrize(
    ("fps", "found"),
    [
        (24.74, [FRAME_RATE]),
        (24.75, []),  # 1 % under 25
        (25.25, []),  # 1 % over
        (25.26, [FRAME_RATE]),
    ],
)
def test_frame_rate_within_one_percent_of_the_profiles_passes(fps, found):
    assert templates(frame_rate_problems(fps, Fraction(25))) == found


@pytest.mark.parametrize(
    ("duration", "found"),
    [
        (1.49, [DURATION]),
        (1.5, []),  # half a second short
        (2.5, []),  # half a second long
        (2.51, [DURATION]),
    ],
)
def test_duration_within_half_a_second_of_the_source_passes(duration, found):
    assert templates(duration_problems(duration, 2.0)) == found


@pytest.mark.parametrize(
    ("frame_times", "found"),
    [
        # At 2 fps a frame is due every 0.5 s: no sooner than 0.25 s, no
        # later than 0.75 s after the one before.
        ([0.0, 0.5, 1.25, 1.5, 2.0], []),
        ([0.0, 0.5, 1.26, 1.5, 2.0], [SPACING]),
        ([0.0, 0.5, 0.75, 1.5, 2.0], []),
        ([0.0, 0.5, 0.74, 1.5, 2.0], [SPACING]),
    ],
)
def test_frames_half_to_one_and_a_half_intervals_apart_pass(frame_times, found):
    assert templates(frame_spacing_problems(frame_times, 2.0, Fraction(2))) == found


def test_frame_spacing_is_judged_from_three_frames_on_and_only_with_a_frame_rate():
    assert frame_spacing_problems([0.0, 5.0], 2.0, Fraction(2)) == []
    assert templates(frame_spacing_problems([0.0, 0.5, 5.0], 2.0, Fraction(2))) == [
        SPACING
    ]
    assert frame_spacing_problems([0.0, 0.5, 5.0], 0.0, Fraction(2)) == []


@pytest.mark.parametrize(
    ("extra_s", "found"),
    [
        (0.0, []),  # 2 s, one frame (0.5 s at 2 fps) and a millisecond
        (0.001, [KEYFRAMES]),
    ],
)
def test_keyframes_two_seconds_and_a_frame_apart_pass_and_further_fail(extra_s, found):
    gap = 2.0 + 1.0 / 2 + 1e-3 + extra_s

    assert templates(keyframe_problems([0.0, gap], gap, Fraction(2))) == found


def test_a_file_without_keyframes_fails_whatever_the_gap():
    assert templates(keyframe_problems([], 0.0, Fraction(25))) == [KEYFRAMES]


def test_keyframe_gap_counts_the_stretch_after_the_last_keyframe():
    frames = [n * 0.5 for n in range(10)]  # 0 .. 4.5 s

    assert keyframe_gap([0.0, 2.0], frames) == 2.5
    assert keyframe_gap([0.0, 2.5], frames) == 2.5
    assert keyframe_gap([0.0, 3.0], frames) == 3.0


@pytest.mark.parametrize(
    ("avg_kbps", "peak_kbps", "found"),
    [
        (1000.0, 1250.0, []),  # exactly the cap and cap x 1.25
        (1000.01, 1250.0, [AVERAGE]),
        (1000.0, 1250.01, [PEAK]),
        (1000.01, 1250.01, [AVERAGE, PEAK]),
    ],
)
def test_bitrate_at_the_cap_and_peak_at_cap_times_tolerance_pass(
    avg_kbps, peak_kbps, found
):
    profile = Profile(320, 180, max_kbps=1000, tolerance=1.25)

    assert templates(bitrate_problems(avg_kbps, peak_kbps, profile)) == found


def test_a_one_second_window_holds_packets_less_than_a_second_apart_only():
    assert peak_window_bits([(0.0, 100), (0.999, 100)]) == 1600
    assert peak_window_bits([(0.0, 100), (1.0, 100)]) == 800
    # ffprobe's six-decimal times of a 25 fps stream: 25 frames a second, not 26.
    frames = [(float(f"{n * 0.04:.6f}"), 100) for n in range(60)]
    assert peak_window_bits(frames) == 25 * 800
