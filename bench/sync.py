"""Bytes on the wire: the agent's sync against `rsync -c` (with and without -z).

    .venv/bin/python bench/sync.py [--pages 1000]

Generates a snapshot of 5 locales x N pages and builds it with the real
builder (the base build). Each change is a real rebuild into a copy of the
base build folder (its `.kiosk-build/` state included): the same snapshot, a
one-page edit, 1 % of pages edited, a changed `base.html`, a programme video
added. For each pair the base is published and synced by the agent, then the
changed build is published and synced over HTTP on 127.0.0.1; only that second
sync is counted (response bodies plus request and response headers). rsync
moves the same files (`.kiosk-build/` excluded, as `release_publish` skips
top-level dot-folders) from the changed build onto a copy of the base with its
delta algorithm on, as over a network (`--no-whole-file`); its figure is bytes
sent plus received. Also times the agent's syncs. Not a test: prints a table.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import json
import logging
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.kiosk_build import LOCALES, edit_pages  # noqa: E402
from bench.sample import make_snapshot, snapshot_write  # noqa: E402
from kiosk_site.agent import objects_get  # noqa: E402
from kiosk_site.agent.config import AgentConfig, config_load  # noqa: E402
from kiosk_site.agent.sync import agent_sync  # noqa: E402
from kiosk_site.build import site_build  # noqa: E402
from kiosk_site.release.keys import KeyPaths, keygen  # noqa: E402
from kiosk_site.release.objects import ObjectStore  # noqa: E402
from kiosk_site.release.pack import pack_unpack  # noqa: E402
from kiosk_site.release.publish import release_publish  # noqa: E402
from kiosk_site.release.server import ReleaseServer, RequestLog  # noqa: E402

CLUSTER = "bo-y"
VIDEO_BYTES = 5_000_000
NO_CHANGE_GOAL = 10_000
VIDEO_GOAL = 1.01
# Run in a subprocess from a copy of the package whose base.html differs:
# the builder names its templates relative to the package, so the copy is the
# real builder with a changed template, nothing patched.
BUILD_CODE = """import sys
from pathlib import Path
import kiosk_site.build as build
assert build.__file__.startswith(sys.argv[3]), build.__file__
build.site_build(snapshot=sys.argv[1], out_dir=Path(sys.argv[2]))
"""


def _site_files(site: Path) -> dict[str, Path]:
    """The files a release holds (top-level dot-folders skipped, as published)."""
    return {
        p.relative_to(site).as_posix(): p
        for p in site.rglob("*")
        if p.is_file() and not p.relative_to(site).parts[0].startswith(".")
    }


def _snapshot_edited(snap: Path, name: str, count: int) -> Path:
    out = snap.with_name(f"{name}.json")
    shutil.copyfile(snap, out)
    edit_pages(out, count, name)
    return out


def _snapshot_with_video(snap: Path) -> Path:
    """A programme whose video is VIDEO_BYTES random bytes, shown on one page."""
    blob = random.Random(2).randbytes(VIDEO_BYTES)
    (snap.parent / "media" / "new-clip.mp4").write_bytes(blob)
    data = json.loads(snap.read_text(encoding="utf-8"))
    data["programmes"]["1"] = {
        "id": 1,
        "titles": {locale: "Cửa khẩu Bờ Y" for locale in LOCALES},
        "video": {
            "url": "media/new-clip.mp4",
            "sha256": hashlib.sha256(blob).hexdigest(),
            "size": len(blob),
            "content_type": "video/mp4",
        },
    }
    page = next(p for p in data["pages"] if p["type"] == "information")
    page["body_html"] += '<figure data-programme-id="1"></figure>'
    page["programme_ids"] = [1]
    out = snap.with_name("video.json")
    snapshot_write(out, data)
    return out


def _package_with_template_change(tmp: Path) -> Path:
    """A copy of `kiosk_site` with one more <meta> in base.html; its sys.path root."""
    root = tmp / "package"
    ignore = shutil.ignore_patterns("tests", "__pycache__")
    shutil.copytree(ROOT / "kiosk_site", root / "kiosk_site", ignore=ignore)
    base = root / "kiosk_site" / "render" / "templates" / "base.html"
    old = '<meta charset="utf-8">'
    text = base.read_text(encoding="utf-8")
    assert old in text, f"{base} has no {old}; change the bench's template edit"
    new = old + '\n<meta name="generator" content="kiosk-site 2">'
    base.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def _page_count(snap: Path) -> int:
    return len(json.loads(snap.read_bytes())["pages"])


def _rebuild(*, base: Path, snap: Path, out: Path, package: Path | None) -> None:
    shutil.copytree(base, out)
    if package is None:
        site_build(snapshot=snap, out_dir=out)
        return
    command = [sys.executable, "-c", BUILD_CODE, str(snap), str(out), str(package)]
    subprocess.run(command, cwd=package, check=True)


Change = Callable[[Path, Path], tuple[Path, Path | None]]
CHANGES: dict[str, Change] = {
    "no change": lambda snap, tmp: (snap, None),
    "one-page edit": lambda snap, tmp: (_snapshot_edited(snap, "one", 1), None),
    "1 % of pages edited": lambda snap, tmp: (
        _snapshot_edited(snap, "pct", _page_count(snap) // 100),
        None,
    ),
    "site-wide template change": lambda snap, tmp: (
        snap,
        _package_with_template_change(tmp),
    ),
    "new 5 MB video": lambda snap, tmp: (_snapshot_with_video(snap), None),
}


NOTES = {
    "site-wide template change": "one <meta> added to base.html; ",
    "new 5 MB video": f"a programme with a {VIDEO_BYTES:,}-byte random video "
    "added to the snapshot, shown on one page; ",
}


class _Phases(logging.Handler):
    """When each of the agent's log lines first came, and seconds spent
    unpacking and verifying objects (every object's sha256 is checked there)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.marks: dict[str, float] = {}
        self.verify_s = 0.0

    def emit(self, record: logging.LogRecord) -> None:
        word = record.getMessage().split(" ", 1)[0].rstrip(":")
        self.marks.setdefault(word, record.created)

    def timed(self, fn: Callable) -> Callable:
        def run(*args: object, **kwargs: object) -> object:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.verify_s += time.perf_counter() - start

        return run

    def split(self, *, start: float, end: float) -> dict[str, float]:
        out, m = {"total": end - start}, self.marks
        if "switched" in m:
            out["metadata + manifest"] = m["missing"] - start
            out["download"] = m["objects"] - m["missing"] - self.verify_s
            out["unpack + verify"] = self.verify_s
            out["assemble + switch"] = m["switched"] - m["assembling"]
            out["clean-up"] = end - m["switched"]
        return out


def _sync_timed(*, config: AgentConfig) -> dict[str, float]:
    """Run one sync; its wall seconds, by phase when it installed a release."""
    phases = _Phases()
    logger = logging.getLogger("kiosk_site.agent")
    logger.setLevel(logging.INFO)
    logger.addHandler(phases)
    unpack = mock.patch.object(objects_get, "pack_unpack", phases.timed(pack_unpack))
    adopt = mock.patch.object(ObjectStore, "adopt", phases.timed(ObjectStore.adopt))
    start = time.time()
    try:
        with unpack, adopt:
            agent_sync(config=config)
    finally:
        logger.removeHandler(phases)
    return phases.split(start=start, end=time.time())


def _config(*, server: ReleaseServer, keys: KeyPaths, data_dir: Path) -> AgentConfig:
    values = {
        "server_url": server.url,
        "cluster": CLUSTER,
        "root": keys.root,
        "data_dir": data_dir,
        "min_free_bytes": 0,
    }
    path = data_dir.with_name(data_dir.name + ".ini")
    path.write_text("[agent]\n" + "".join(f"{k} = {v}\n" for k, v in values.items()))
    return config_load(path=path)


def _publish(*, site: Path, store: Path, keys: KeyPaths) -> None:
    release_publish(
        site_dir=site,
        store_dir=store,
        cluster=CLUSTER,
        key_path=keys.private_key,
        root_path=keys.root,
    )


def _wire(log: RequestLog) -> int:
    return log.body_bytes() + log.header_bytes


def _sent(log: RequestLog) -> str:
    """What the server sent, by kind: metadata, each target, single objects."""
    kinds: dict[str, list[int]] = {}
    for path, status, size in log.entries:
        parts = path.strip("/").split("/")
        kind = parts[1]
        if kind == "targets":
            kind = "/".join(parts[2:-1] + [parts[-1].split(".", 1)[1]])
        kind += "" if status < 400 else f" ({status})"
        kinds.setdefault(kind, []).append(size)
    items = [f"{k} {len(v)}× {sum(v):,}" for k, v in kinds.items()]
    return "; ".join(items + [f"headers {log.header_bytes:,}"])


def _ours(
    *, keys: KeyPaths, base_store: Path, base_agent: Path, changed: Path, tmp: Path
) -> tuple[int, str, dict[str, float]]:
    """Publish ``changed`` after the base; sync an agent that runs the base."""
    store, agent = tmp / "store", tmp / "agent"
    shutil.copytree(base_store, store)
    shutil.copytree(base_agent, agent, symlinks=True)
    _publish(site=changed, store=store, keys=keys)
    with ReleaseServer(store_dir=store) as server:
        config = _config(server=server, keys=keys, data_dir=agent)
        phases = _sync_timed(config=config)
        return _wire(server.log), _sent(server.log), phases


def _rsync(*, base: Path, changed: Path, tmp: Path, compress: bool) -> int:
    target = tmp / ("rsync-z" if compress else "rsync")
    shutil.copytree(base, target)
    args = ["rsync", "-rc", "--delete", "--stats", "--no-whole-file"]
    args += ["--exclude=/.*/"] + (["-z"] if compress else [])
    out = subprocess.run(
        args + [f"{changed}/", f"{target}/"], capture_output=True, text=True, check=True
    ).stdout
    return sum(
        int(re.search(rf"Total bytes {word}: ([\d,]+)", out)[1].replace(",", ""))
        for word in ("sent", "received")
    )


def _differ(base: Path, changed: Path) -> tuple[int, int, str]:
    """Files added, changed or removed; bytes of those; HTML pages changed of all."""
    old, new = _site_files(base), _site_files(changed)
    differ = [
        rel
        for rel in old.keys() | new.keys()
        if rel not in old
        or rel not in new
        or not filecmp.cmp(old[rel], new[rel], False)
    ]
    size = sum(new[rel].stat().st_size for rel in differ if rel in new)
    html = sum(1 for rel in differ if rel.endswith(".html"))
    pages = sum(1 for rel in new if rel.endswith(".html"))
    return len(differ), size, f"{html:,} of {pages:,}"


def _base(*, pages: int, tmp: Path) -> tuple[Path, Path, KeyPaths]:
    """The snapshot, its build, and the signing keys."""
    snap = make_snapshot(tmp / "snap", locales=LOCALES, pages_per_locale=pages)
    site_build(snapshot=snap, out_dir=tmp / "base")
    return snap, tmp / "base", keygen(out_dir=tmp / "keys")


def _first_sync(*, site: Path, keys: KeyPaths, tmp: Path) -> tuple[Path, Path, dict]:
    """Publish the base, sync an empty agent, then check again (nothing new)."""
    store, agent = tmp / "store", tmp / "agent"
    store.mkdir()
    _publish(site=site, store=store, keys=keys)
    with ReleaseServer(store_dir=store) as server:
        config = _config(server=server, keys=keys, data_dir=agent)
        first = _sync_timed(config=config)
        server.log.entries.clear()
        server.log.header_bytes = 0
        check = _sync_timed(config=config)
        check["bytes"] = _wire(server.log)
    return store, agent, {"first": first, "check": check}


def _pair(name: str, *, snap: Path, site: Path, keys, world: tuple, tmp: Path) -> dict:
    """Rebuild with change ``name``; bytes ours and rsync's, and what differs."""
    folder = tmp / name.replace(" ", "-").replace("%", "pct")
    folder.mkdir()
    changed_snap, package = CHANGES[name](snap, folder)
    changed = folder / "site"
    _rebuild(base=site, snap=changed_snap, out=changed, package=package)
    store, agent = world
    ours, sent, phases = _ours(
        keys=keys, base_store=store, base_agent=agent, changed=changed, tmp=folder
    )
    rsync = [_rsync(base=site, changed=changed, tmp=folder, compress=z) for z in (0, 1)]
    row = {"name": name, "ours": ours, "rsync": rsync, "sent": sent}
    row |= {"differ": _differ(site, changed), "phases": phases}
    shutil.rmtree(folder)
    return row


def _print_table(rows: list[dict]) -> None:
    print(
        f"{'change':26} {'ours':>10} {'rsync -c':>10} {'rsync -cz':>10} "
        f"{'ours÷rsync':>10} {'ours÷video':>10}"
    )
    for r in rows:
        video = f"{r['ours'] / VIDEO_BYTES:10.4f}" if "video" in r["name"] else ""
        print(
            f"{r['name']:26} {r['ours']:>10,} {r['rsync'][0]:>10,} "
            f"{r['rsync'][1]:>10,} {r['ours'] / min(r['rsync']):>10.3f} {video}"
        )
    for r in rows:
        files, size, html = r["differ"]
        note = NOTES.get(r["name"], "")
        print(f"\n{r['name']}: {note}{files:,} files differ ({size:,} bytes)")
        print(f"  HTML pages changed: {html}; ours sent: {r['sent']}")


def _print_goals(rows: list[dict]) -> None:
    by = {r["name"]: r for r in rows}
    none, video = by["no change"]["ours"], by["new 5 MB video"]["ours"] / VIDEO_BYTES
    worse = [r["name"] for r in rows if r["ours"] > min(r["rsync"])]
    goals = [
        (f"no change ≤ {NO_CHANGE_GOAL:,} bytes: {none:,}", none <= NO_CHANGE_GOAL),
        (f"new video ÷ video bytes ≤ {VIDEO_GOAL}: {video:.4f}", video <= VIDEO_GOAL),
        (
            "no more bytes than the better rsync in any case"
            + (f" (more in: {', '.join(worse)})" if worse else ""),
            not worse,
        ),
    ]
    print()
    for text, met in goals:
        print(f"goal: {text}: {'met' if met else 'MISSED'}")


def _print_times(site: Path, timings: dict, rows: list[dict]) -> None:
    by = {r["name"]: r["phases"] for r in rows}
    files = _site_files(site)
    size = sum(p.stat().st_size for p in files.values())
    print(f"\nagent, wall seconds ({len(files):,} files, {size / 1e6:.1f} MB):")
    check = timings["check"]
    runs = {
        "first sync from nothing": timings["first"],
        f"check, nothing new published ({check.pop('bytes'):,} bytes)": check,
        "install of an unchanged re-publish": by["no change"],
        "one-page edit": by["one-page edit"],
    }
    for label, phases in runs.items():
        parts = ", ".join(f"{k} {v:.2f}" for k, v in phases.items() if k != "total")
        print(f"  {label}: {phases['total']:.2f}" + (f" ({parts})" if parts else ""))


def main() -> int:
    parser = argparse.ArgumentParser(prog="bench/sync.py")
    parser.add_argument("--pages", type=int, default=1000, help="pages per locale")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="sync-bench-"))
    try:
        snap, site, keys = _base(pages=args.pages, tmp=tmp)
        store, agent, timings = _first_sync(site=site, keys=keys, tmp=tmp)
        rows = [
            _pair(name, snap=snap, site=site, keys=keys, world=(store, agent), tmp=tmp)
            for name in CHANGES
        ]
        print(f"{len(LOCALES)} locales × {args.pages:,} pages, bytes on the wire:")
        _print_table(rows)
        _print_goals(rows)
        _print_times(site, timings, rows)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
