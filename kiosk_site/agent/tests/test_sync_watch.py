"""`sync --watch` repeats with jitter, logs each step and progress, stops on SIGTERM."""

from __future__ import annotations

import re
import signal
import subprocess
import sys

from kiosk_site.agent.config import config_load
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.tests.helpers import assert_serving, config_write
from kiosk_site.release.tests.helpers import World

PROGRESS = re.compile(r"progress: [\d.]+ of 0\.3 MB, \d+/\d+ objects, [\d.]+ MB/s")


def test_watch_syncs_repeatedly_shows_progress_and_stops_on_sigterm(
    world: World,
) -> None:
    config_path = config_write(
        world=world, interval_s=0.2, jitter_s=0.2, progress_interval_s=0.1
    )
    world.publish(version=1)
    world.server.faults.throttle_bytes_per_s = 1_000_000  # the video takes ~0.3 s
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk_site.agent",
            "--config",
            str(config_path),
            "sync",
            "--watch",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines = []
    try:
        for line in process.stderr:
            lines.append(line)
            if sum("next sync in" in seen for seen in lines) == 2:
                break
        process.send_signal(signal.SIGTERM)
        rest = process.communicate(timeout=20)[1]
    finally:
        process.kill()
    log = "".join(lines) + rest
    assert process.returncode == 0, log
    assert "sync --watch stopped" in log
    steps = [
        "metadata accepted",
        "manifest of build 1",
        "missing:",
        "downloading",
        "assembling release",
        "switched to release",
        "up-to-date: running",
    ]
    assert all(step in log for step in steps), log
    assert PROGRESS.search(log), log
    assert_serving(
        layout=Layout(root=config_load(path=config_path).data_dir), site=world.sites[1]
    )
