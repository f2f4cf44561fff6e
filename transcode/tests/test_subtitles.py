"""Acceptance: bilingual burned-in subtitles with fonts for every script."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from transcode import Profile, SubtitleError, SubtitleTrack, subtitles_hash, transcode
from transcode.config import FFMPEG
from transcode.subtitles import build_ass, font_for, load_tracks, read_cues

from .clips import FAST, Frame, make_clip
from .conftest import listing

TEXT = {
    "vi": "Xin chào! Chào mừng đến Khu kinh tế cửa khẩu Bờ Y",
    "lo": "ສະບາຍດີ ຍິນດີຕ້ອນຮັບສູ່ດ່ານສາກົນ",
    "km": "សួស្តី សូមស្វាគមន៍មកកាន់ច្រកព្រំដែន",
    "zh-hans": "欢迎来到国际口岸",
}


def _srt(path: Path, text: str) -> Path:
    path.write_text(f"1\n00:00:00,000 --> 00:00:02,000\n{text}\n", encoding="utf-8")
    return path


def _vtt(path: Path, text: str) -> Path:
    path.write_text(
        f"WEBVTT\n\nintro\n00:00.000 --> 00:02.000 line:90%\n<v Guide>{text}</v>\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def gray(tmp_path_factory) -> Path:
    return make_clip(
        tmp_path_factory.mktemp("gray") / "gray.mp4",
        video="color=gray:s=640x360:r=25:d=1",
    )


def _text_share(frame: Frame, y0: int, y1: int) -> float:
    """Share of pixels in rows y0..y1 that are not the flat gray background."""
    changed = total = 0
    for y in range(y0, y1, 2):
        for x in range(0, frame.width, 2):
            total += 1
            changed += max(abs(c - 128) for c in frame.pixel(x, y)) > 60
    return changed / total


@pytest.mark.parametrize("second", ["lo", "km"])
def test_bilingual_subtitles_are_burned_vietnamese_on_top_second_language_below(
    tmp_path, gray, second
):
    tracks = [
        SubtitleTrack("vi", _srt(tmp_path / "vi.srt", TEXT["vi"])),
        SubtitleTrack(second, _vtt(tmp_path / f"{second}.vtt", TEXT[second])),
    ]
    outputs = [
        (Profile(1344, 756), tmp_path / "wide.mp4"),
        (Profile(768, 1152), tmp_path / "portrait.mp4"),
    ]

    results = transcode(gray, outputs, subtitles=tracks, encoding=FAST)

    assert [r.path for r in results] == [path for _, path in outputs]
    for (_, path), result in zip(outputs, results, strict=True):
        frame = Frame(path)
        height = frame.height
        assert _text_share(frame, 0, height // 5) > 0.01  # Vietnamese, top
        assert _text_share(frame, height * 4 // 5, height) > 0.01  # below
        assert _text_share(frame, height * 2 // 5, height * 3 // 5) == 0
        assert result.width == frame.width


@pytest.mark.parametrize(
    ("lang", "font_file"),
    [
        ("vi", "NotoSans-Regular"),
        ("lo", "NotoSansLao-Regular"),
        ("km", "NotoSansKhmer-Regular"),
        ("zh-hans", "NotoSansCJK-Regular"),
    ],
)
def test_each_language_renders_with_a_font_that_has_all_its_glyphs(
    tmp_path, lang, font_file
):
    track = SubtitleTrack(lang, _srt(tmp_path / "s.srt", TEXT[lang]))
    ass = tmp_path / "s.ass"
    ass.write_text(build_ass(load_tracks([track]), 1344, 756), encoding="utf-8")

    log = subprocess.run(
        [FFMPEG, "-hide_banner", "-nostdin", "-v", "verbose", "-f", "lavfi",
         "-i", "color=gray:s=1344x756:d=0.2", "-vf",
         f"ass=filename={ass}:shaping=complex", "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    ).stderr  # fmt: skip

    selected = re.findall(r"fontselect: \((.+?), \d+, \d+\) -> (\S+?),", log)
    assert (font_for(lang), f"{font_file}") in [
        (family, Path(file).stem) for family, file in selected
    ]
    assert "not found" not in log
    assert "COMPLEX" in log  # HarfBuzz shaping for Lao and Khmer


def test_srt_and_vtt_cues_are_parsed_with_tags_removed(tmp_path):
    srt = tmp_path / "a.srt"
    srt.write_text(
        "\ufeff1\r\n00:00:01,500 --> 00:00:03,250\r\n<i>Xin chào</i>\r\nKon Tum\r\n\r\n"
        "2\r\n00:01:00,000 --> 00:01:02,000\r\n{tag} a\\N b\r\n",
        encoding="utf-8",
    )
    vtt = _vtt(tmp_path / "b.vtt", "Chào &amp; hẹn gặp lại")

    first, second = read_cues(SubtitleTrack("vi", srt))
    (only,) = read_cues(SubtitleTrack("vi", vtt))
    ass = build_ass([(SubtitleTrack("vi", srt), [first, second])], 640, 360)

    assert (first.start_s, first.end_s, first.text) == (1.5, 3.25, "Xin chào\nKon Tum")
    assert only.text == "Chào & hẹn gặp lại"
    assert "Dialogue: 0,0:00:01.50,0:00:03.25,T0,,0,0,0,,Xin chào\\NKon Tum" in ass
    assert "(tag) a\\\u2060N b" in ass  # no override block, no forced newline


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"\xff\xfe1\x00", "is not UTF-8 text"),
        (b"just some words", "has no timed cues"),
    ],
)
def test_unreadable_subtitles_are_refused_before_encoding(
    tmp_path, clip, content, words
):
    bad = tmp_path / "bad.srt"
    bad.write_bytes(content)
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    with pytest.raises(SubtitleError) as refused:
        transcode(
            clip,
            [(Profile(320, 180), out_dir / "face.mp4")],
            subtitles=[SubtitleTrack("vi", bad)],
        )

    assert words in refused.value.reason
    assert '"bad.srt"' in refused.value.reason
    assert listing(out_dir) == []


def test_more_than_two_languages_are_refused(tmp_path, clip):
    tracks = [
        SubtitleTrack(lang, _srt(tmp_path / f"{lang}.srt", TEXT[lang]))
        for lang in ("vi", "lo", "km")
    ]

    with pytest.raises(SubtitleError, match="3 subtitle tracks given"):
        transcode(clip, [(Profile(320, 180), tmp_path / "f.mp4")], subtitles=tracks)


def test_subtitles_hash_changes_with_text_and_language_order(tmp_path):
    vi = SubtitleTrack("vi", _srt(tmp_path / "vi.srt", TEXT["vi"]))
    lo = SubtitleTrack("lo", _srt(tmp_path / "lo.srt", TEXT["lo"]))
    before = subtitles_hash([vi, lo])

    assert subtitles_hash([vi, lo]) == before
    assert subtitles_hash([lo, vi]) != before
    assert subtitles_hash(None) == ""
    _srt(vi.path, TEXT["vi"] + "!")
    assert subtitles_hash([vi, lo]) != before
