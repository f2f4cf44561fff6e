"""``python -m kiosk_site.release keygen|publish``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk_site.errors import KioskSiteError
from kiosk_site.release.keys import keygen
from kiosk_site.release.publish import release_publish


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kiosk_site.release")
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("keygen", help="make the signing key and root.json")
    make.add_argument("--out", type=Path, required=True, help="folder to write to")
    make.add_argument("--force", action="store_true", help="replace an existing key")
    publish = commands.add_parser("publish", help="publish a built site folder")
    publish.add_argument("--site", type=Path, required=True)
    publish.add_argument("--store", type=Path, required=True)
    publish.add_argument("--cluster", required=True)
    publish.add_argument("--key", type=Path, required=True)
    publish.add_argument("--root", type=Path, required=True)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the release command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "keygen":
            paths = keygen(out_dir=args.out, force=args.force)
            print(f"private key (keep on the CMS): {paths.private_key}")
            print(f"root metadata (give to every agent): {paths.root}")
            return 0
        result = release_publish(
            site_dir=args.site,
            store_dir=args.store,
            cluster=args.cluster,
            key_path=args.key,
            root_path=args.root,
        )
        print(f"published build {result.build} of {args.cluster}: {result.targets}")
        return 0
    except KioskSiteError as err:
        print(f"{args.command} failed: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
