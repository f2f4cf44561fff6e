"""A profile becomes one safe ffmpeg command; profiles have stable keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcode import Encoding, InvalidProfile, Profile, probe
from transcode.plan import PlannedOutput, bitrate_for, build_command, h264_level


def test_profile_key_is_stable_and_ignores_how_numbers_are_written():
    assert Profile(1344, 756, fps=25).key() == Profile(1344, 756, fps=25.0).key()
    assert Profile(1344, 756).key() == Profile(1344, 756).key()
    assert Profile(1344, 756).key() != Profile(1344, 756, fit="crop").key()
    assert Profile(1344, 756).key() != Profile(1344, 756, audio=False).key()
    assert Profile(1344, 756).key() != Profile(1344, 756, max_kbps=6000).key()
    assert Profile(1344, 756, fps=29.97).key() != Profile(1344, 756, fps=30).key()


def test_profile_refuses_odd_sizes_and_unknown_fits_with_the_fix():
    with pytest.raises(InvalidProfile) as odd:
        Profile(1345, 756)
    with pytest.raises(InvalidProfile) as fit:
        Profile(1344, 756, fit="zoom")  # type: ignore[arg-type]

    assert "width 1345 is odd" in odd.value.reason
    assert "use 1344 or 1346" in odd.value.reason
    assert "use pad, crop or stretch" in fit.value.reason


@pytest.mark.parametrize(
    ("size", "fps", "kbps", "level"),
    [
        ((1344, 756), 25, 5_578, "3.2"),
        ((2304, 576), 25, 7_478, "4.0"),
        ((768, 1152), 25, 7_600, "3.1"),
        ((1920, 1080), 50, 20_000, "4.2"),
        ((3840, 2160), 30, 40_000, "5.1"),
        ((640, 360), 25, 2_000, "3.0"),
    ],
)
def test_h264_level_is_the_lowest_that_fits_size_rate_and_bitrate(
    size, fps, kbps, level
):
    assert h264_level(*size, fps, kbps) == level


def test_bitrate_leaves_room_for_audio_and_sizes_the_buffer_from_tolerance():
    with_sound = bitrate_for(Profile(1344, 756, max_kbps=6000), Encoding())
    silent = bitrate_for(Profile(1344, 756, max_kbps=6000, audio=False), Encoding())

    assert with_sound.video_kbps == int((6000 - 128) * 0.95)
    assert silent.video_kbps == int(6000 * 0.95)
    # The busiest second holds at most maxrate + bufsize = 1.25 x maxrate.
    assert with_sound.buffer_kbps == int(with_sound.video_kbps * 0.25)


def test_command_decodes_the_source_once_and_splits_it_for_every_face(clip):
    outputs = [
        PlannedOutput(Profile(1344, 756), Path("/tmp/a.mp4")),
        PlannedOutput(Profile(2304, 576, audio=False), Path("/tmp/b.mp4")),
        PlannedOutput(Profile(768, 1152, fit="crop"), Path("/tmp/c.mp4")),
    ]

    argv = build_command(probe(clip), outputs)
    graph = argv[argv.index("-filter_complex") + 1]

    assert argv.count("-i") == 1
    assert "split=3" in graph
    assert "asplit=2" in graph  # two faces have sound
    assert graph.count("loudnorm") == 1
    assert argv[argv.index("-i") + 1] == f"file:{clip}"
    assert argv[argv.index("-protocol_whitelist") + 1] == "file"
    assert "mov" in argv[argv.index("-format_whitelist") + 1]
    assert [
        a
        for a in argv
        if a.startswith("file:/tmp/") and a.endswith(("a.mp4", "b.mp4", "c.mp4"))
    ] == [
        "file:/tmp/a.mp4",
        "file:/tmp/b.mp4",
        "file:/tmp/c.mp4",
    ]


def test_command_caps_bitrate_sets_keyframes_every_two_seconds_and_faststart(clip):
    profile = Profile(1344, 756, fps=30, max_kbps=6000)
    argv = build_command(probe(clip), [PlannedOutput(profile, Path("/tmp/a.mp4"))])

    def option(name: str) -> str:
        return argv[argv.index(name) + 1]

    assert option("-maxrate:v") == "5578k"
    assert option("-bufsize:v") == "1394k"
    assert (option("-g"), option("-keyint_min"), option("-sc_threshold")) == (
        "60",
        "60",
        "0",
    )
    assert option("-movflags") == "+faststart"
    assert (option("-profile:v"), option("-level:v")) == ("high", "3.2")
    assert (option("-c:a"), option("-ar"), option("-ac")) == ("aac", "48000", "2")
