"""Command line: `python -m kiosk_site build|serve|sample`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import KioskSiteError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk_site")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build a static kiosk site from a snapshot")
    b.add_argument("--snapshot", required=True, help="snapshot file or http(s) URL")
    b.add_argument("--out", required=True, type=Path, help="output folder")
    s = sub.add_parser("serve", help="serve a built site (and a stand-in /feedback)")
    s.add_argument("dir", type=Path)
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--host", default="127.0.0.1")
    g = sub.add_parser("sample", help="write a generated sample snapshot")
    g.add_argument("--out", required=True, type=Path)
    g.add_argument("--pages", type=int, default=30, help="pages per locale")
    g.add_argument("--locales", default="vi,en,zh-hans,lo,km,bdq")
    g.add_argument("--seed", type=int, default=1)
    g.add_argument("--emergency", action="store_true")
    d = sub.add_parser(
        "demo", help="generate a sample snapshot, build it and serve the kiosk"
    )
    d.add_argument("--out", type=Path, default=Path("var/kiosk-demo"))
    d.add_argument("--port", type=int, default=8000)
    d.add_argument("--pages", type=int, default=30, help="pages per locale")
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            from .build import site_build

            report = site_build(snapshot=args.snapshot, out_dir=args.out)
            print(report.summary())
        elif args.command == "demo":
            from .build import site_build
            from .sample import make_snapshot
            from .serve import make_server

            snap = make_snapshot(args.out / "snapshot", pages_per_locale=args.pages)
            report = site_build(snapshot=snap, out_dir=args.out / "site")
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
        elif args.command == "serve":
            from .serve import make_server

            if not (args.dir / "index.html").exists():
                print(
                    f"error: {args.dir} has no index.html; build it first with "
                    "`python -m kiosk_site build`",
                    file=sys.stderr,
                )
                return 2
            server = make_server(args.dir, host=args.host, port=args.port)
            print(f"serving {args.dir} on http://{args.host}:{server.server_port}/")
            try:
                server.serve_forever()
            except KeyboardInterrupt:
                pass
            finally:
                server.server_close()
        else:
            from .sample import make_snapshot

            path = make_snapshot(
                args.out,
                locales=args.locales.split(","),
                pages_per_locale=args.pages,
                seed=args.seed,
                emergency=args.emergency,
            )
            print(path)
    except KioskSiteError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
