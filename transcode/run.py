"""Run one ffmpeg pass with progress and cancellation, verify, then publish.

Outputs are written to hidden temporary names next to their final paths and
renamed only once every output of the pass has passed :func:`verify`; on any
failure, cancellation or exception the temporary files are removed, so a final
path only ever holds a complete, verified file.
"""

from __future__ import annotations

import os
import queue
import secrets
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ._proc import child_setup, last_error_line
from .config import Encoding, Limits, Profile
from .errors import Cancelled, EncodeFailed, InvalidProfile, gettext_noop
from .plan import PlannedOutput, build_command
from .probe import MediaInfo, probe
from .subtitles import Cue, SubtitleTrack, build_ass, load_tracks
from .verify import VerifiedOutput, verify

PARTIAL_SUFFIX = ".partial"


@dataclass(frozen=True)
class Progress:
    """One report read from ffmpeg's ``-progress`` output."""

    frames: int
    out_time_s: float
    percent: float  # 0-100 of the source duration
    speed: float | None  # multiples of real time
    done: bool = False


CancelCheck = threading.Event | Callable[[], bool] | None


def _cancel_check(cancel: CancelCheck) -> Callable[[], bool]:
    if cancel is None:
        return lambda: False
    if isinstance(cancel, threading.Event):
        return cancel.is_set
    return cancel


def _number(text: str | None, default: float = 0.0) -> float:
    try:
        return float((text or "").rstrip("x"))
    except ValueError:
        return default


def _progress_from(block: dict[str, str], duration_s: float) -> Progress:
    out_us = _number(block.get("out_time_us") or block.get("out_time_ms"), -1)
    out_time = max(0.0, out_us / 1_000_000) if out_us >= 0 else 0.0
    speed = _number(block.get("speed"), -1.0)
    done = block.get("progress") == "end"
    percent = 100.0 if done else min(99.9, 100.0 * out_time / duration_s)
    return Progress(
        frames=int(_number(block.get("frame"))),
        out_time_s=round(out_time, 3),
        percent=round(percent, 1),
        speed=speed if speed > 0 else None,
        done=done,
    )


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def run_ffmpeg(
    argv: list[str],
    *,
    duration_s: float,
    timeout_s: float,
    on_progress: Callable[[Progress], None] | None = None,
    cancel: CancelCheck = None,
) -> None:
    """Run an ffmpeg argv that has ``-progress pipe:1``; raise on any failure.

    ``cancel`` (an Event or a callable) is checked several times a second; when
    set, ffmpeg is stopped and :class:`Cancelled` is raised.
    """
    is_cancelled = _cancel_check(cancel)
    with tempfile.TemporaryFile(mode="w+", errors="replace") as log:
        process = _start(argv, log)
        lines, reader = _read_lines(process)
        watch = _Watch(process, is_cancelled, time.monotonic() + timeout_s, timeout_s)
        try:
            _follow_progress(watch, lines, on_progress, duration_s)
            returncode = process.wait(timeout=watch.remaining())
        except BaseException:
            _stop(process)
            raise
        finally:
            reader.join(timeout=5)
            if process.stdout is not None:
                process.stdout.close()
        if returncode != 0:
            log.seek(0)
            raise EncodeFailed(
                gettext_noop("ffmpeg failed (exit code %(code)s): %(detail)s"),
                code=returncode,
                detail=last_error_line(log.read()),
            )


def _start(argv: list[str], log) -> subprocess.Popen:
    """Start ffmpeg with progress on a pipe and errors to ``log``."""
    try:
        return subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
            errors="replace",
            preexec_fn=child_setup(),
        )
    except OSError as err:
        raise EncodeFailed(
            gettext_noop("cannot start %(program)s (%(error)s); install ffmpeg"),
            program=argv[0],
            error=err.strerror or err,
        ) from err


def _read_lines(
    process: subprocess.Popen,
) -> tuple[queue.Queue[str | None], threading.Thread]:
    """A thread that queues ffmpeg's stdout lines, then None at its end.

    The main thread waits on the queue with a timeout, so it can check for
    cancellation and the deadline while ffmpeg is quiet.
    """
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    reader = threading.Thread(target=pump, name="ffmpeg-progress", daemon=True)
    reader.start()
    return lines, reader


@dataclass(frozen=True)
class _Watch:
    """What is checked between progress lines: cancellation and the deadline."""

    process: subprocess.Popen
    is_cancelled: Callable[[], bool]
    deadline: float  # time.monotonic() by which ffmpeg must have finished
    timeout_s: float

    def check(self) -> None:
        """Stop ffmpeg and raise if the caller cancelled or time ran out."""
        if self.is_cancelled():
            _stop(self.process)
            raise Cancelled(gettext_noop("the transcode was cancelled"))
        if time.monotonic() > self.deadline:
            _stop(self.process)
            raise EncodeFailed(
                gettext_noop(
                    "ffmpeg did not finish within %(timeout)s s; the source "
                    "may be damaged or the machine overloaded, try again"
                ),
                timeout=f"{self.timeout_s:g}",
            )

    def remaining(self) -> float:
        return max(1.0, self.deadline - time.monotonic())


def _follow_progress(
    watch: _Watch,
    lines: queue.Queue[str | None],
    on_progress: Callable[[Progress], None] | None,
    duration_s: float,
) -> None:
    """Read ``key=value`` lines until ffmpeg closes its output; report each block.

    ffmpeg ends every block of values with a ``progress=`` line.
    """
    block: dict[str, str] = {}
    while True:
        watch.check()
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        if line is None:
            return
        key, _, value = line.strip().partition("=")
        block[key] = value
        if key == "progress":
            if on_progress is not None:
                on_progress(_progress_from(block, duration_s))
            block = {}


def _partial_name(out: Path) -> Path:
    return out.with_name(f".{out.name}.{secrets.token_hex(6)}{PARTIAL_SUFFIX}")


def remove_stale_partials(out: Path) -> list[Path]:
    """Delete temporary files a killed run left next to ``out``."""
    removed = []
    for stale in out.parent.glob(f".{out.name}.*{PARTIAL_SUFFIX}"):
        stale.unlink(missing_ok=True)
        removed.append(stale)
    return removed


def _check_outputs(
    src: Path, outputs: list[tuple[Profile, os.PathLike | str]]
) -> list[tuple[Profile, Path]]:
    if not outputs:
        raise InvalidProfile(gettext_noop("no output given; give at least one profile"))
    checked: list[tuple[Profile, Path]] = []
    seen: set[Path] = set()
    for profile, out in outputs:
        if not isinstance(profile, Profile):
            raise InvalidProfile(
                gettext_noop("output %(value)r is not a Profile"), value=profile
            )
        path = Path(os.path.abspath(out))
        if path in seen or path == Path(os.path.abspath(src)):
            raise InvalidProfile(
                gettext_noop(
                    'output path "%(path)s" is used twice or is the source; give '
                    "each output its own file"
                ),
                path=path,
            )
        if not path.parent.is_dir():
            raise InvalidProfile(
                gettext_noop(
                    'output folder "%(path)s" does not exist; create it first'
                ),
                path=path.parent,
            )
        seen.add(path)
        checked.append((profile, path))
    return checked


def _publish(temporary: Path, final: Path) -> None:
    with open(temporary, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(temporary, final)
    directory = os.open(final.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def encode_timeout(info: MediaInfo, outputs: int, limits: Limits) -> float:
    return (
        limits.encode_timeout_base_s
        + limits.encode_timeout_per_media_s * info.duration_s * outputs
    )


def transcode(
    src: os.PathLike | str,
    outputs: list[tuple[Profile, os.PathLike | str]],
    subtitles: list[SubtitleTrack] | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    cancel: CancelCheck = None,
    limits: Limits | None = None,
    encoding: Encoding | None = None,
) -> list[VerifiedOutput]:
    """Probe ``src``, encode every ``(profile, out_path)`` in one pass, verify.

    Returns one :class:`VerifiedOutput` per output, in order, with ``path`` the
    final path. All-or-nothing: if ffmpeg fails, any output fails verification,
    or ``cancel`` is set, no final path is written and temporary files are
    removed. Raises ProbeRefused, SubtitleError, InvalidProfile, EncodeFailed,
    VerifyFailed or Cancelled (all TranscodeError).
    """
    limits = limits or Limits()
    encoding = encoding or Encoding()
    src = Path(src)
    info = probe(src, limits)
    checked = _check_outputs(src, outputs)
    tracks = load_tracks(subtitles)
    temporaries: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="transcode-") as work:
        try:
            planned = _plan(checked, tracks, Path(work), temporaries)
            _encode(info, planned, encoding, limits, on_progress, cancel)
            results = _verify_all(planned, checked, info, limits)
            return _publish_all(planned, results, checked)
        finally:
            for temporary in temporaries:
                temporary.unlink(missing_ok=True)


def _encode(
    info: MediaInfo,
    planned: list[PlannedOutput],
    encoding: Encoding,
    limits: Limits,
    on_progress: Callable[[Progress], None] | None,
    cancel: CancelCheck,
) -> None:
    """Run the one ffmpeg pass; a cancel that came as it finished still counts."""
    run_ffmpeg(
        build_command(info, planned, encoding),
        duration_s=info.duration_s,
        timeout_s=encode_timeout(info, len(planned), limits),
        on_progress=on_progress,
        cancel=cancel,
    )
    if _cancel_check(cancel)():
        raise Cancelled(gettext_noop("the transcode was cancelled"))


def _plan(
    checked: list[tuple[Profile, Path]],
    tracks: list[tuple[SubtitleTrack, list[Cue]]],
    work: Path,
    temporaries: list[Path],
) -> list[PlannedOutput]:
    """Where ffmpeg writes each output, with its subtitles drawn at its size.

    Each temporary name goes into ``temporaries`` as soon as it is chosen, so
    the caller removes whatever exists of them whatever fails later.
    """
    planned = []
    for number, (profile, out) in enumerate(checked):
        remove_stale_partials(out)
        temporary = _partial_name(out)
        temporaries.append(temporary)
        ass = None
        if tracks:
            ass = work / f"subtitles-{number}.ass"
            ass.write_text(
                build_ass(tracks, profile.width, profile.height), encoding="utf-8"
            )
        planned.append(PlannedOutput(profile, temporary, ass))
    return planned


def _verify_all(
    planned: list[PlannedOutput],
    checked: list[tuple[Profile, Path]],
    info: MediaInfo,
    limits: Limits,
) -> list[VerifiedOutput]:
    """Verify every temporary file; messages name the final file."""
    return [
        verify(item.path, item.profile, info.duration_s, limits=limits, name=out.name)
        for item, (_profile, out) in zip(planned, checked, strict=True)
    ]


def _publish_all(
    planned: list[PlannedOutput],
    results: list[VerifiedOutput],
    checked: list[tuple[Profile, Path]],
) -> list[VerifiedOutput]:
    """Move every verified output to its final path; the results name that path."""
    published = []
    for item, result, (_profile, out) in zip(planned, results, checked, strict=True):
        _publish(item.path, out)
        published.append(replace(result, path=out))
    return published
