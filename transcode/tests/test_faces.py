"""Acceptance: the three LED face sizes from a 1920x1080 source, every fit."""

from __future__ import annotations

import pytest

from transcode import Profile, transcode

from .clips import FAST, Frame, is_black, is_red, make_clip
from .conftest import listing

FACES = [(1344, 756), (2304, 576), (768, 1152)]
BORDER = 60  # red frame drawn around the whole source picture


@pytest.fixture(scope="module")
def full_hd(tmp_path_factory):
    # A red border marks the picture's edges, so fit modes can be told apart.
    return make_clip(
        tmp_path_factory.mktemp("hd") / "full_hd.mp4",
        video=(
            f"testsrc2=s=1920x1080:r=25:d=1,"
            f"drawbox=x=0:y=0:w=iw:h=ih:color=red:t={BORDER}"
        ),
    )


@pytest.mark.parametrize("fit", ["pad", "crop", "stretch"])
def test_three_face_sizes_from_full_hd_pass_verify_with_each_fit(
    tmp_path, full_hd, fit
):
    outputs = [
        (Profile(w, h, fit=fit, max_kbps=6000), tmp_path / f"{w}x{h}.mp4")
        for w, h in FACES
    ]

    results = transcode(full_hd, outputs, encoding=FAST)

    assert listing(tmp_path) == ["1344x756.mp4", "2304x576.mp4", "768x1152.mp4"]
    for (profile, path), result in zip(outputs, results, strict=True):
        assert result.path == path
        assert (result.width, result.height) == (profile.width, profile.height)
        assert (result.codec, result.codec_profile, result.pix_fmt) == (
            "h264",
            "High",
            "yuv420p",
        )
        assert result.fps == 25
        assert result.duration_s == pytest.approx(1.0, abs=0.5)
        assert result.avg_kbps <= 6000
        assert result.peak_kbps <= 6000 * 1.25
        assert result.audio_codec == "aac"
        assert len(result.sha256) == 64

    wide, banner, portrait = (Frame(path) for _, path in outputs)
    if fit == "pad":
        # 16:9 in 16:9 fills; wider face gets side bars; portrait gets top/bottom.
        assert is_red(wide.pixel(5, 378)) and is_red(wide.pixel(672, 5))
        assert is_black(banner.pixel(20, 288)) and is_black(banner.pixel(2284, 288))
        assert is_red(banner.pixel(640 + 8, 288))  # picture starts at x=640
        assert is_black(portrait.pixel(384, 20)) and is_black(portrait.pixel(384, 1130))
        assert is_red(portrait.pixel(384, 360 + 8))  # picture starts at y=360
    elif fit == "crop":
        # Filled to the edges; the cut-off sides lose the red border.
        assert is_red(banner.pixel(5, 288)) and not is_red(banner.pixel(1152, 5))
        assert is_red(portrait.pixel(384, 5)) and not is_red(portrait.pixel(5, 576))
        assert not is_black(banner.pixel(1152, 288))
    else:
        # Every edge of the source stays an edge of the output.
        for frame in (banner, portrait):
            mid_x, mid_y = frame.width // 2, frame.height // 2
            assert is_red(frame.pixel(2, mid_y)) and is_red(frame.pixel(mid_x, 2))
            assert is_red(frame.pixel(frame.width - 3, mid_y))
            assert is_red(frame.pixel(mid_x, frame.height - 3))
