"""The H.264 level is the lowest one whose every limit the output stays within.

Each case sits exactly on one limit of Table A-1 (the output still fits that
level) or one step past it (it needs the next level that allows it); the other
measures stay well inside, so each case tests one comparison.
"""

from __future__ import annotations

import pytest

from transcode.plan import h264_level

SMALL_KBPS = 100


@pytest.mark.parametrize(
    ("width", "height", "level"),
    [
        (720, 576, "3.0"),  # 45 x 36 = 1,620 macroblocks
        (722, 576, "3.1"),  # one column of macroblocks more
        (1280, 720, "3.1"),  # 3,600
        (1282, 720, "3.2"),
        (1280, 1024, "3.2"),  # 5,120
        (1282, 1024, "4.0"),
        (2048, 1024, "4.0"),  # 8,192
        (2050, 1024, "4.2"),
        (2176, 1024, "4.2"),  # 8,704
        (2178, 1024, "5.0"),
        (3840, 1472, "5.0"),  # 22,080
        (3842, 1472, "5.1"),
        (4096, 2304, "5.1"),  # 36,864
        (4098, 2304, "6.0"),
        (8192, 4352, "6.0"),  # 139,264
    ],
)
def test_a_frame_of_a_levels_macroblocks_fits_it_and_one_column_more_does_not(
    width, height, level
):
    assert h264_level(width, height, 1, SMALL_KBPS) == level


@pytest.mark.parametrize(
    ("width", "height", "fps", "level"),
    [
        (720, 288, 50, "3.0"),  # 810 macroblocks x 50 = 40,500 per second
        (720, 288, 51, "3.1"),  # one frame per second more
        (640, 576, 75, "3.1"),  # 108,000
        (640, 576, 76, "3.2"),
        (1280, 720, 60, "3.2"),  # 216,000
        (1280, 720, 61, "4.0"),
        (1280, 1024, 48, "4.0"),  # 245,760
        (1280, 1024, 49, "4.2"),
        (2048, 1024, 63.75, "4.2"),  # 522,240
        (2048, 1024, 64.75, "5.0"),
        (2048, 1024, 72, "5.0"),  # 589,824
        (2048, 1024, 73, "5.1"),
        (2048, 1024, 120, "5.1"),  # 983,040
        (2048, 1024, 121, "5.2"),
        (3840, 2304, 60, "5.2"),  # 2,073,600
        (3840, 2304, 61, "6.0"),
        (4352, 4096, 60, "6.0"),  # 4,177,920
        (4352, 4096, 61, "6.1"),
        (4352, 4096, 120, "6.1"),  # 8,355,840
        (4352, 4096, 121, "6.2"),
    ],
)
def test_a_macroblock_rate_at_a_levels_limit_fits_it_and_one_frame_more_does_not(
    width, height, fps, level
):
    assert h264_level(width, height, fps, SMALL_KBPS) == level


@pytest.mark.parametrize(
    ("kbps", "level"),
    [
        (12_500, "3.0"),  # 10,000 x 1.25 for High
        (12_501, "3.1"),
        (17_500, "3.1"),
        (17_501, "3.2"),
        (25_000, "3.2"),
        (25_001, "4.1"),  # 4.0 allows no more than 3.2
        (62_500, "4.1"),
        (62_501, "5.0"),
        (168_750, "5.0"),
        (168_751, "5.1"),
        (300_000, "5.1"),
        (300_001, "6.1"),
        (600_000, "6.1"),
        (600_001, "6.2"),
        (1_000_000, "6.2"),
    ],
)
def test_a_bitrate_at_a_levels_high_profile_cap_fits_it_and_1_kbps_more_does_not(
    kbps, level
):
    assert h264_level(640, 360, 25, kbps) == level


@pytest.mark.parametrize(
    ("width", "height", "level"),
    [
        # sqrt(8 x 8,192) = 256 macroblocks is the longest side level 4 allows.
        (4096, 16, "4.0"),
        (4098, 16, "4.2"),
        (16, 4096, "4.0"),
        (16, 4098, "4.2"),
    ],
)
def test_a_side_as_long_as_a_level_allows_fits_it_and_one_macroblock_more_does_not(
    width, height, level
):
    assert h264_level(width, height, 1, SMALL_KBPS) == level


def test_an_output_past_every_limit_of_the_table_gets_the_highest_level():
    assert h264_level(8194, 4352, 1, SMALL_KBPS) == "6.2"
    assert h264_level(8192, 4352, 121, SMALL_KBPS) == "6.2"
    assert h264_level(640, 360, 25, 1_000_001) == "6.2"
