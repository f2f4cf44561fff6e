"""Benchmark of the transcode worker (not a test): prints the README figures.

    .venv/bin/python bench/transcode.py [--seconds 12] [--rounds 2]

On one generated 1080p source, measured side by side in one run:
1. worker path (probe + ffmpeg with progress + verify + publish) / the bare
   ffmpeg CLI with the identical argv (goal <= 1.05);
2. speed of 1344x756 at 6 Mbit/s in multiples of real time (goal >= 2 on 2 cores);
3. three faces in one pass / three separate runs (goal <= 0.8);
4. measured average and busiest one-second bitrate against each cap.
Rounds alternate the order of what is compared and keep each one's best time,
so other load on the machine skews both sides alike.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from transcode import Encoding, Profile, probe, transcode  # noqa: E402
from transcode.config import FFMPEG  # noqa: E402
from transcode.plan import PlannedOutput, build_command  # noqa: E402

FACES = [
    Profile(1344, 756, max_kbps=6000),
    Profile(2304, 576, max_kbps=6000),
    Profile(768, 1152, max_kbps=4000, fit="crop"),
]


def make_source(path: Path, seconds: int) -> None:
    """1080p25 at 16 Mbit/s like a camera file, plus a tone: clean moving
    pictures for the first half, heavy grain for the second half, where the
    encoder needs more than the caps allow and rate control must hold them."""
    half = seconds / 2
    subprocess.run(
        [
            FFMPEG, "-hide_banner", "-nostdin", "-v", "error", "-y",
            "-f", "lavfi", "-i", f"testsrc2=s=1920x1080:r=25:d={seconds},"
            f"noise=alls=24:allf=t:enable='gte(t,{half})'",
            "-f", "lavfi", "-i", f"sine=f=330:d={seconds},volume=4",
            "-c:v", "libx264", "-preset", "veryfast", "-b:v", "16M",
            "-maxrate", "16M", "-bufsize", "16M", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "192k", "-shortest", str(path),
        ],
        check=True,
    )  # fmt: skip


def _cpu() -> float:
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def timed(function) -> tuple[float, float, object]:
    """Wall seconds, CPU seconds (this process and its children), result."""
    start, cpu = time.perf_counter(), _cpu()
    result = function()
    return time.perf_counter() - start, _cpu() - cpu, result


def bare(argv: list[str]) -> None:
    subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--preset", default=Encoding().preset)
    args = parser.parse_args()
    encoding = Encoding(preset=args.preset)
    with tempfile.TemporaryDirectory(prefix="bench-transcode-") as work:
        work = Path(work)
        source = work / "source_1080p.mp4"
        print(f"generating {args.seconds} s 1920x1080 source …", flush=True)
        make_source(source, args.seconds)
        info = probe(source)
        duration = info.duration_s
        single = FACES[0]
        worker_out, bare_out = work / "worker.mp4", work / "bare.mp4"
        argv = build_command(info, [PlannedOutput(single, bare_out)], encoding)

        outputs = [
            (face, work / f"pass_{face.width}x{face.height}.mp4") for face in FACES
        ]
        worker_times, bare_times, one_pass, separate = [], [], [], []
        worker_cpu, bare_cpu, one_pass_cpu, separate_cpu = [], [], [], []
        results = {}
        for round_number in range(args.rounds):
            pair = [
                ("worker", lambda: transcode(
                    source, [(single, worker_out)], encoding=encoding)),
                ("bare", lambda: bare(argv)),
            ]  # fmt: skip
            if round_number % 2:
                pair.reverse()
            for label, job in pair:
                seconds, cpu, result = timed(job)
                (worker_times if label == "worker" else bare_times).append(seconds)
                (worker_cpu if label == "worker" else bare_cpu).append(cpu)
                if label == "worker":
                    results["single"] = result[0]

            three = [
                ("one pass", lambda: transcode(source, outputs, encoding=encoding)),
                ("separate", lambda: [
                    transcode(source, [(face, work / f"sep_{n}.mp4")],
                              encoding=encoding)[0]
                    for n, face in enumerate(FACES)
                ]),
            ]  # fmt: skip
            if round_number % 2:
                three.reverse()
            for label, job in three:
                seconds, cpu, result = timed(job)
                (one_pass if label == "one pass" else separate).append(seconds)
                (one_pass_cpu if label == "one pass" else separate_cpu).append(cpu)
                results[label] = result

        w, b = min(worker_times), min(bare_times)
        p, s = min(one_pass), min(separate)
        wc, bc = min(worker_cpu), min(bare_cpu)
        pc, sc = min(one_pass_cpu), min(separate_cpu)
        cores = os.cpu_count() or 1
        print()
        print(f"source: {duration:.1f} s 1920x1080 25 fps, "
              f"{info.bit_rate / 1e6:.1f} Mbit/s; preset {encoding.preset}, "
              f"crf {encoding.crf}; {cores} cores, load average "
              f"{os.getloadavg()[0]:.1f}; best of {args.rounds}")  # fmt: skip
        print("   (wall = elapsed; cpu = CPU seconds of the process and its ffmpeg/"
              "ffprobe children)")  # fmt: skip
        print(f"1. worker path / bare ffmpeg, same argv: wall {w:.2f} s / {b:.2f} s "
              f"= {w / b:.3f}; cpu {wc:.2f} s / {bc:.2f} s = {wc / bc:.3f} "
              "(goal <= 1.05)")  # fmt: skip
        print(f"2. 1344x756 @ 6 Mbit/s: {duration / w:.2f}x real time measured "
              f"(bare ffmpeg {duration / b:.2f}x); "
              f"{duration * cores / wc:.2f}x if the {cores} cores were free "
              "(media s x cores / cpu s) (goal >= 2)")  # fmt: skip
        print(f"3. three faces in one pass / three runs: wall {p:.2f} s / {s:.2f} s "
              f"= {p / s:.3f}; cpu {pc:.2f} s / {sc:.2f} s = {pc / sc:.3f} "
              "(goal <= 0.8)")  # fmt: skip
        print("4. bitrate against the cap (tolerance 1.25 for the busiest second):")
        rows = [("single run", results["single"])]
        rows += [("one pass", r) for r in results["one pass"]]
        for label, r in rows:
            print(f"   {label:10} {r.width}x{r.height}: average {r.avg_kbps:.0f} "
                  f"kbit/s, peak 1 s {r.peak_kbps:.0f} kbit/s, cap {r.max_kbps} "
                  f"(avg {r.avg_kbps / r.max_kbps:.0%}, "
                  f"peak {r.peak_kbps / r.max_kbps:.0%} of cap)")  # fmt: skip
        if args.rounds > 1:
            spread = statistics.pstdev(worker_times + bare_times)
            print(f"   (spread of the single-face wall times: {spread:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
