"""Command line: `python -m kiosk_site build|serve|keygen`.

Sample snapshots for trying the builder out are made by the benchmark data
generator: `python -m bench.sample --out DIR`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import KioskSiteError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kiosk_site")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build a static kiosk site from a snapshot")
    b.add_argument("--snapshot", required=True, help="snapshot file or http(s) URL")
    b.add_argument("--out", required=True, type=Path, help="output folder")
    s = sub.add_parser("serve", help="serve a built site (and a stand-in /feedback)")
    s.add_argument("dir", type=Path)
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--host", default="127.0.0.1")
    k = sub.add_parser(
        "keygen", help="make the release signing key and the root.json agents trust"
    )
    k.add_argument("--out", required=True, type=Path, help="folder to write to")
    k.add_argument("--force", action="store_true", help="replace an existing key")
    return parser


def _build(args: argparse.Namespace) -> int:
    from .build import site_build

    report = site_build(snapshot=args.snapshot, out_dir=args.out)
    print(report.summary())
    return 0


def _serve(args: argparse.Namespace) -> int:
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
    return 0


def _keygen(args: argparse.Namespace) -> int:
    from .release import keys

    paths = keys.keygen(out_dir=args.out, force=args.force)
    print(f"private key (keep on the CMS only): {paths.private_key}")
    print(f"root metadata (copy into every agent's config): {paths.root}")
    return 0


COMMANDS = {"build": _build, "serve": _serve, "keygen": _keygen}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KioskSiteError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
