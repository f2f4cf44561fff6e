"""The feedback settings: whole numbers of 1 or more, else start-up stops."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

READ = "import cms.settings.base as s; print(s.{name})"


def _load(name: str, value: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", READ.format(name=name)],
        cwd=settings.BASE_DIR,
        env=os.environ | {name: value},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    "name",
    [
        "FEEDBACK_FLOOD_PER_HOUR",
        "FEEDBACK_DUPLICATE_MINUTES",
        "FEEDBACK_CONTACT_KEEP_DAYS",
    ],
)
def test_zero_stops_start_up_and_one_is_taken(name):
    refused = _load(name, "0")
    assert refused.returncode != 0
    assert f"{name} is 0; give a whole number of 1 or more" in refused.stderr
    taken = _load(name, "1")
    assert taken.returncode == 0, taken.stderr
    assert taken.stdout.strip() == "1"
