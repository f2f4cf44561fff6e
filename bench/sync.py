"""Bytes on the wire: the agent's sync against `rsync -c` (with and without -z).

    .venv/bin/python bench/sync.py --site DIR

DIR is a built kiosk site (`python -m bench.sample write --out S` then
`python -m kiosk_site build --snapshot S/snapshot.json --out DIR`). For each
change the agent starts at the unchanged site, the changed copy is published
and synced over HTTP on 127.0.0.1; bytes are response bodies plus request
and response headers. rsync runs locally between two copies with --stats
(bytes sent + received by the sender). Not a test: prints a table.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk_site.agent.config import config_load  # noqa: E402
from kiosk_site.agent.sync import agent_sync  # noqa: E402
from kiosk_site.agent.tests.helpers import config_write  # noqa: E402
from kiosk_site.release.publish import release_publish  # noqa: E402
from kiosk_site.release.tests.helpers import world_make  # noqa: E402

VIDEO_BYTES = 5_000_000


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.is_file())


def _edit(pages: list[Path]) -> None:
    for page in pages:
        text = page.read_text()
        page.write_text(
            text.replace("</main>", "<p>Cập nhật: giờ mở cửa 7:00</p></main>", 1)
        )


def _template(pages: list[Path]) -> None:
    for page in pages:
        text = page.read_text()
        page.write_text(text.replace("<head>", '<head><meta name="v" content="2">', 1))


CHANGES: dict[str, Callable[[Path], None]] = {
    "no change": lambda site: None,
    "one-page edit": lambda site: _edit(_pages(site)[5:6]),
    "1 % of pages edited": lambda site: _edit(
        random.Random(1).sample(_pages(site), max(2, len(_pages(site)) // 100))
    ),
    "site-wide template change": lambda site: _template(_pages(site)),
    "new video": lambda site: (site / "media" / "new-clip.mp4").write_bytes(
        random.Random(2).randbytes(VIDEO_BYTES)
    ),
}


def _ours(*, base: Path, changed: Path, tmp: Path, republish: bool) -> int:
    world = world_make(tmp=tmp)
    try:
        publish = dict(
            store_dir=world.store,
            cluster=world.cluster,
            key_path=world.keys.private_key,
            root_path=world.keys.root,
        )
        release_publish(site_dir=base, **publish)
        config = config_load(path=config_write(world=world))
        agent_sync(config=config)
        if republish:
            release_publish(site_dir=changed, **publish)
        world.server.log.entries.clear()
        world.server.log.header_bytes = 0
        agent_sync(config=config)
        return world.server.log.body_bytes() + world.server.log.header_bytes
    finally:
        world.server.stop()


def _rsync(*, base: Path, changed: Path, tmp: Path, compress: bool) -> int:
    target = tmp / ("rsync-z" if compress else "rsync")
    shutil.copytree(base, target)
    args = ["rsync", "-rc", "--delete", "--stats"] + (["-z"] if compress else [])
    out = subprocess.run(
        args + [f"{changed}/", f"{target}/"], capture_output=True, text=True, check=True
    ).stdout
    sent = int(re.search(r"Total bytes sent: ([\d,]+)", out).group(1).replace(",", ""))
    got = int(
        re.search(r"Total bytes received: ([\d,]+)", out).group(1).replace(",", "")
    )
    return sent + got


def main() -> int:
    parser = argparse.ArgumentParser(prog="bench/sync.py")
    parser.add_argument("--site", type=Path, required=True, help="a built kiosk site")
    args = parser.parse_args()
    files = sum(1 for p in args.site.rglob("*") if p.is_file())
    print(f"site: {files} files, {len(_pages(args.site))} HTML pages")
    print(f"{'change':28} {'ours':>10} {'rsync -c':>10} {'rsync -cz':>10}")
    for name, change in CHANGES.items():
        with tempfile.TemporaryDirectory() as folder:
            tmp = Path(folder)
            changed = tmp / "changed"
            shutil.copytree(args.site, changed)
            change(changed)
            ours = _ours(
                base=args.site,
                changed=changed,
                tmp=tmp / "ours",
                republish=name != "no change",
            )
            plain = _rsync(base=args.site, changed=changed, tmp=tmp, compress=False)
            packed = _rsync(base=args.site, changed=changed, tmp=tmp, compress=True)
            extra = (
                f"  (÷ video {ours / VIDEO_BYTES:.4f})" if name == "new video" else ""
            )
            print(f"{name:28} {ours:>10,} {plain:>10,} {packed:>10,}{extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
