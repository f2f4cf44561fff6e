"""`python -m bench.sample [demo]`: write a generated snapshot, or build one
and serve the kiosk (the builder without the CMS)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench.sample.snapshot import make_snapshot


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench.sample")
    parser.add_argument(
        "command", nargs="?", choices=["write", "demo"], default="write"
    )
    parser.add_argument("--out", type=Path, default=Path("var/kiosk-demo"))
    parser.add_argument("--pages", type=int, default=30, help="pages per locale")
    parser.add_argument("--locales", default="vi,en,zh-hans,lo,km,bdq")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--emergency", action="store_true")
    parser.add_argument("--port", type=int, default=8000, help="demo: port to serve")
    return parser


def _demo(args: argparse.Namespace, snapshot: Path) -> int:
    from kiosk_site.build import site_build
    from kiosk_site.serve import make_server

    report = site_build(snapshot=snapshot, out_dir=args.out / "site")
    print(report.summary())
    server = make_server(args.out / "site", port=args.port)
    print(
        f"demo kiosk for cluster bo-y on http://127.0.0.1:{server.server_port}/"
        " (add ?kiosk=K2 for the landscape kiosk with a 4 s idle timeout)"
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    out = args.out / "snapshot" if args.command == "demo" else args.out
    snapshot = make_snapshot(
        out,
        locales=args.locales.split(","),
        pages_per_locale=args.pages,
        seed=args.seed,
        emergency=args.emergency,
    )
    if args.command == "demo":
        return _demo(args, snapshot)
    print(snapshot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
