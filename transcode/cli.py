"""``python -m transcode probe|run``: exit 0 only with a verified output."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from pathlib import Path

from .config import FITS, Profile
from .errors import (
    Cancelled,
    InvalidProfile,
    ProbeRefused,
    SubtitleError,
    TranscodeError,
    translate,
)
from .probe import probe
from .run import Progress, transcode
from .subtitles import SubtitleTrack

_ = translate

EXIT_OK = 0
EXIT_INPUT = 1  # the input (video or subtitles) is refused
EXIT_USAGE = 2
EXIT_ENCODE = 3  # ffmpeg failed or the output did not verify
EXIT_CANCELLED = 130


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not usage + message
        raise UsageError(message)


def _subtitle(text: str) -> SubtitleTrack:
    lang, sep, path = text.partition("=")
    if not sep or not lang or not path:
        raise argparse.ArgumentTypeError(
            _("--subtitle %(value)r is not LANG=FILE; write e.g. vi=subs.vi.srt")
            % {"value": text}
        )
    return SubtitleTrack(lang=lang, path=Path(path))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m transcode", description=__doc__)
    commands = parser.add_subparsers(
        dest="command", required=True, parser_class=_Parser
    )
    probe_cmd = commands.add_parser("probe", help="describe a video or say why not")
    probe_cmd.add_argument("file", type=Path)
    probe_cmd.add_argument("--json", action="store_true")
    run_cmd = commands.add_parser("run", help="transcode SRC to a verified OUT")
    run_cmd.add_argument("src", type=Path)
    run_cmd.add_argument("out", type=Path)
    run_cmd.add_argument("--width", type=int, required=True)
    run_cmd.add_argument("--height", type=int, required=True)
    run_cmd.add_argument("--fps", type=float, default=25.0)
    run_cmd.add_argument("--max-kbps", type=int, default=8000)
    run_cmd.add_argument("--fit", choices=FITS, default="pad")
    run_cmd.add_argument("--no-audio", action="store_true")
    run_cmd.add_argument(
        "--subtitle",
        type=_subtitle,
        action="extend",
        nargs="+",
        default=[],
        metavar="LANG=FILE",
    )
    run_cmd.add_argument("--json", action="store_true")
    return parser


def _print_progress(progress: Progress) -> None:
    speed = f" {progress.speed:.2f}x" if progress.speed else ""
    end = "\n" if progress.done else ""
    print(
        "\r" + _("%(percent)5.1f%% frame %(frames)s") % vars(progress) + speed,
        end=end,
        file=sys.stderr,
        flush=True,
    )


def _probe(args: argparse.Namespace) -> int:
    info = probe(args.file)
    if args.json:
        print(json.dumps(info.as_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    video = info.video
    print(
        _("%(name)s: %(container)s, %(duration).2f s")
        % {
            "name": info.path.name,
            "container": info.container,
            "duration": info.duration_s,
        }
    )
    print(
        _(
            "  video: %(codec)s %(width)sx%(height)s (shown %(display_width)sx"
            "%(display_height)s, rotation %(rotation)s, SAR %(sar)s), %(fps)g fps"
        )
        % vars(video)
        + (_(" (variable)") if video.variable_fps else "")
    )
    if info.audio:
        print(
            _("  audio: %(codec)s %(sample_rate)s Hz %(channels)s ch")
            % vars(info.audio)
        )
    else:
        print(_("  audio: none"))
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    profile = Profile(
        width=args.width,
        height=args.height,
        fps=args.fps,
        max_kbps=args.max_kbps,
        audio=not args.no_audio,
        fit=args.fit,
    )
    cancel = threading.Event()
    previous = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        previous[signum] = signal.signal(signum, lambda *_: cancel.set())
    try:
        (result,) = transcode(
            args.src,
            [(profile, args.out)],
            subtitles=args.subtitle or None,
            on_progress=_print_progress if sys.stderr.isatty() else None,
            cancel=cancel,
        )
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(
            _(
                "%(path)s: %(width)sx%(height)s %(fps)g fps, %(duration_s).2f s, "
                "%(avg_kbps).0f kbit/s average, %(peak_kbps).0f peak (cap "
                "%(max_kbps)s), sha256 %(sha256)s"
            )
            % vars(result)
        )
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code and prints one line on failure."""
    try:
        args = build_parser().parse_args(argv)
        return _probe(args) if args.command == "probe" else _run(args)
    except UsageError as err:
        print(f"transcode: usage: {err}", file=sys.stderr)
        return EXIT_USAGE
    except Cancelled as err:
        print(f"transcode: {err.reason}", file=sys.stderr)
        return EXIT_CANCELLED
    except (ProbeRefused, SubtitleError) as err:
        print(f"transcode: {err.reason}", file=sys.stderr)
        return EXIT_INPUT
    except InvalidProfile as err:
        print(f"transcode: {err.reason}", file=sys.stderr)
        return EXIT_USAGE
    except TranscodeError as err:
        print(f"transcode: {err.reason}", file=sys.stderr)
        return EXIT_ENCODE
