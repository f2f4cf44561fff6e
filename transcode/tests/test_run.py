"""run: progress, cancellation, failures and kills never publish a bad file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from transcode import (
    Cancelled,
    EncodeFailed,
    Encoding,
    Limits,
    Profile,
    VerifyFailed,
    transcode,
    verify,
)
from transcode.__main__ import main

from .clips import FAST, make_clip
from .conftest import listing

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def long_hd(tmp_path_factory) -> Path:
    """Long enough at 1080p that a transcode can be interrupted half-way."""
    return make_clip(
        tmp_path_factory.mktemp("long") / "long_hd.mp4",
        size="1920x1080",
        duration=6,
    )


def _children(pid: int) -> list[int]:
    """The ffmpeg and ffprobe processes `pid` started and still has (other
    children, such as a test server another suite's session fixture keeps
    running, are not the transcoder's)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found += [int(child) for child in text if _is_ffmpeg(int(child))]
    return found


def _is_ffmpeg(pid: int) -> bool:
    try:
        name = Path(f"/proc/{pid}/comm").read_text().strip()
    except FileNotFoundError:
        return False
    return name in ("ffmpeg", "ffprobe")


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "State:\tZ" not in status


def test_progress_reports_frames_percent_and_speed_up_to_done(tmp_path, clip):
    reports = []

    transcode(
        clip,
        [(Profile(320, 180), tmp_path / "face.mp4")],
        on_progress=reports.append,
        encoding=FAST,
    )

    percents = [report.percent for report in reports]
    assert percents == sorted(percents)
    assert reports[-1].done and reports[-1].percent == 100
    assert reports[-1].frames == 50
    assert any(report.speed for report in reports)
    assert all(not report.done for report in reports[:-1])


def test_cancelling_mid_transcode_stops_ffmpeg_and_leaves_nothing(tmp_path, long_hd):
    cancel = threading.Event()
    seen = []

    def on_progress(report):
        seen.append(report)
        if report.frames > 0:
            cancel.set()

    with pytest.raises(Cancelled):
        transcode(
            long_hd,
            [
                (Profile(1344, 756), tmp_path / "a.mp4"),
                (Profile(768, 1152), tmp_path / "b.mp4"),
            ],
            on_progress=on_progress,
            cancel=cancel,
            encoding=FAST,
        )

    assert seen and seen[-1].percent < 100
    assert listing(tmp_path) == []
    assert _children(os.getpid()) == []


def test_cancel_may_be_a_callable(tmp_path, clip):
    with pytest.raises(Cancelled, match="cancelled"):
        transcode(
            clip,
            [(Profile(320, 180), tmp_path / "face.mp4")],
            cancel=lambda: True,
            encoding=FAST,
        )

    assert listing(tmp_path) == []


def test_ffmpeg_failure_raises_with_its_message_and_leaves_nothing(tmp_path, clip):
    with pytest.raises(EncodeFailed) as failed:
        transcode(
            clip,
            [(Profile(320, 180), tmp_path / "face.mp4")],
            encoding=Encoding(preset="no-such-preset"),
        )

    assert "ffmpeg failed (exit code" in failed.value.reason
    assert "preset" in failed.value.reason.lower()
    assert listing(tmp_path) == []


def test_encode_over_its_time_budget_is_stopped_and_leaves_nothing(tmp_path, long_hd):
    limits = Limits(encode_timeout_base_s=0.5, encode_timeout_per_media_s=0)

    with pytest.raises(EncodeFailed, match="did not finish within 0.5 s"):
        transcode(long_hd, [(Profile(1344, 756), tmp_path / "face.mp4")], limits=limits)

    assert listing(tmp_path) == []
    assert _children(os.getpid()) == []


def test_output_failing_verification_is_not_published(tmp_path):
    # Full-screen noise cannot fit 200 kbit/s at 1344x756: verify must catch it.
    noise = make_clip(
        tmp_path / "noise.mp4",
        video="testsrc2=s=640x360:r=25:d=2,noise=alls=100:allf=t+u",
        duration=2,
    )
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    good, starved = out_dir / "good.mp4", out_dir / "starved.mp4"

    with pytest.raises(VerifyFailed) as failed:
        transcode(
            noise,
            [
                (Profile(640, 360, max_kbps=20000), good),
                (Profile(1344, 756, max_kbps=200), starved),
            ],
            encoding=FAST,
        )

    assert 'the encoded "starved.mp4" does not match' in failed.value.reason
    assert "over the 200 kbit/s cap" in failed.value.reason
    assert "it was not published" in failed.value.reason
    assert listing(out_dir) == []  # all or nothing: not even the good face


def test_stale_partial_from_a_killed_run_is_removed_by_the_next_run(tmp_path, clip):
    stale = tmp_path / ".face.mp4.0123456789ab.partial"
    stale.write_bytes(b"half a file")

    transcode(clip, [(Profile(320, 180), tmp_path / "face.mp4")], encoding=FAST)

    assert listing(tmp_path) == ["face.mp4"]


def _start_cli(src: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "transcode", "run", str(src), str(out),
         "--width", "1344", "--height", "756"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _wait_for_partial(folder: Path, worker: subprocess.Popen) -> Path:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        partials = list(folder.glob(".*.partial"))
        if partials and partials[0].stat().st_size > 20_000:
            return partials[0]
        assert worker.poll() is None, worker.communicate()
        time.sleep(0.05)
    raise AssertionError("the worker never started writing")


def test_killed_worker_publishes_nothing_and_the_job_is_redone(tmp_path, long_hd):
    out = tmp_path / "face.mp4"
    worker = _start_cli(long_hd, out)
    _wait_for_partial(tmp_path, worker)
    (encoder,) = _children(worker.pid)

    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)

    deadline = time.monotonic() + 10
    while _alive(encoder) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(encoder)  # ffmpeg died with its worker
    assert not out.exists()  # nothing half-made under the published name

    assert (
        main(["run", str(long_hd), str(out), "--width", "1344", "--height", "756"]) == 0
    )

    assert listing(tmp_path) == ["face.mp4"]
    assert verify(out, Profile(1344, 756), 6.0).duration_s == pytest.approx(6, abs=0.5)


def test_terminated_worker_cancels_cleanly_with_one_line(tmp_path, long_hd):
    out = tmp_path / "face.mp4"
    worker = _start_cli(long_hd, out)
    _wait_for_partial(tmp_path, worker)

    worker.send_signal(signal.SIGTERM)
    stdout, stderr = worker.communicate(timeout=30)

    assert worker.returncode == 130
    assert stderr == "transcode: the transcode was cancelled\n"
    assert listing(tmp_path) == []
