"""python -m transcode: exit 0 only with a verified OUT, else one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from transcode import Profile, verify
from transcode.__main__ import main

from .conftest import listing

ROOT = Path(__file__).resolve().parents[2]


def test_probe_prints_json_description(clip, capsys):
    assert main(["probe", str(clip), "--json"]) == 0

    data = json.loads(capsys.readouterr().out)
    assert data["video"]["width"] == 320
    assert data["audio"]["codec"] == "aac"
    assert data["duration_s"] > 1.5


def test_probe_of_a_bad_file_exits_1_with_one_line(tmp_path, capsys):
    text = tmp_path / "notes.mp4"
    text.write_text("hello")

    assert main(["probe", str(text)]) == 1

    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith('transcode: "notes.mp4" is not a media file')


def test_run_writes_a_verified_out_and_prints_its_measurements(tmp_path, clip, capsys):
    out = tmp_path / "face.mp4"
    subtitle = tmp_path / "vi.srt"
    subtitle.write_text(
        "1\n00:00:00,000 --> 00:00:01,000\nXin chào\n", encoding="utf-8"
    )

    code = main(
        ["run", str(clip), str(out), "--width", "640", "--height", "360",
         "--fps", "30", "--max-kbps", "3000", "--fit", "crop", "--no-audio",
         "--subtitle", f"vi={subtitle}", "--json"]
    )  # fmt: skip

    assert code == 0
    data = json.loads(capsys.readouterr().out)
    profile = Profile(640, 360, fps=30, max_kbps=3000, audio=False, fit="crop")
    assert data["sha256"] == verify(out, profile, 2.0).sha256
    assert (data["width"], data["height"], data["fps"]) == (640, 360, 30)
    assert data["audio_codec"] is None
    assert listing(tmp_path) == ["face.mp4", "vi.srt"]


def test_run_with_bad_input_exits_non_zero_with_one_line_and_no_out(tmp_path, capsys):
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")

    code = main(["run", str(empty), str(tmp_path / "out.mp4"), "--width", "640",
                 "--height", "360"])  # fmt: skip

    assert code == 1
    err = capsys.readouterr().err
    assert (
        err
        == 'transcode: "empty.mp4" is empty (0 bytes); upload the video file again\n'
    )
    assert listing(tmp_path) == ["empty.mp4"]


def test_run_with_bad_arguments_exits_2_with_one_line(tmp_path, clip, capsys):
    assert main(["run", str(clip), str(tmp_path / "o.mp4"), "--width", "641",
                 "--height", "360"]) == 2  # fmt: skip
    assert main(["run", str(clip), str(tmp_path / "o.mp4"), "--width", "640"]) == 2
    assert main(["run", str(clip), str(tmp_path / "o.mp4"), "--width", "640",
                 "--height", "360", "--subtitle", "vi"]) == 2  # fmt: skip

    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "transcode: profile width 641 is odd; H.264 in yuv420p needs even sizes, "
        "use 640 or 642",
        "transcode: usage: the following arguments are required: --height",
        "transcode: usage: argument --subtitle: --subtitle 'vi' is not LANG=FILE; "
        "write e.g. vi=subs.vi.srt",
    ]
    assert listing(tmp_path) == []


def test_python_dash_m_transcode_runs_end_to_end(tmp_path, clip):
    out = tmp_path / "face.mp4"

    done = subprocess.run(
        [sys.executable, "-m", "transcode", "run", str(clip), str(out),
         "--width", "320", "--height", "180"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip

    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.startswith(f"{out}: 320x180 25 fps, 2.0")
    assert verify(out, Profile(320, 180), 2.0).sha256 in done.stdout
