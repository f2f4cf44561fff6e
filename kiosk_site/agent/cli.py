"""Command line: ``python -m kiosk_site.agent sync|status|rollback``."""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from kiosk_site.agent.config import AgentConfig, config_load
from kiosk_site.agent.control import agent_rollback, agent_status
from kiosk_site.agent.sync import agent_install_bundle, agent_sync
from kiosk_site.errors import KioskSiteError

DEFAULT_CONFIG = Path("/etc/kiosk-agent/agent.ini")
log = logging.getLogger("kiosk_site.agent")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk_site.agent",
        description="Pull, verify and switch this cluster's kiosk release.",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=Path(os.environ.get("KIOSK_AGENT_CONFIG", DEFAULT_CONFIG)),
        help="agent config file (default $KIOSK_AGENT_CONFIG or %(default)s)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="errors only")
    commands = parser.add_subparsers(dest="command", required=True)
    sync = commands.add_parser("sync", help="fetch and switch to the newest release")
    sync.add_argument(
        "--watch", action="store_true", help="repeat every interval_s (+ jitter)"
    )
    bundle = commands.add_parser(
        "install-bundle", help="install a USB bundle, checked like a download"
    )
    bundle.add_argument("file", type=Path, help="the bundle (.tar) to install")
    commands.add_parser("status", help="print the agent's state as JSON")
    commands.add_parser("rollback", help="go back to the previous kept release")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the agent command line; returns the process exit code."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.ERROR if args.quiet else logging.INFO,
        format="%(asctime)s %(levelname)s %(message)s",
        stream=sys.stderr,
    )
    try:
        config = config_load(path=args.config)
        if args.command == "status":
            print(json.dumps(agent_status(config=config), indent=1))
            return 0
        if args.command == "rollback":
            print(f"rolled back to release {agent_rollback(config=config)}")
            return 0
        if args.command == "install-bundle":
            outcome = agent_install_bundle(config=config, bundle=args.file)
            print(f"{outcome.action}: build {outcome.build} ({outcome.release})")
            return 0
        if args.watch:
            return _watch(config=config)
        return _sync_once(config=config)
    except KioskSiteError as err:
        print(f"{args.command} failed: {err}", file=sys.stderr)
        return 1


def _sync_once(*, config: AgentConfig) -> int:
    outcome = agent_sync(config=config)
    print(
        f"{outcome.action}: build {outcome.build} ({outcome.release}), "
        f"{outcome.wire_bytes} bytes downloaded"
    )
    return 0


def _watch(*, config: AgentConfig) -> int:
    while True:
        try:
            _sync_once(config=config)
        except KioskSiteError as err:
            print(f"sync failed: {err}", file=sys.stderr)
        except Exception:  # the process boundary: log, report, keep watching
            log.exception("sync crashed; retrying at the next interval")
        time.sleep(config.interval_s + random.uniform(0, config.jitter_s))
