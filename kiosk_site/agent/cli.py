"""Command line: ``python -m kiosk_site.agent sync|status|install-bundle|…``."""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from kiosk_site.agent.config import AgentConfig, config_load
from kiosk_site.agent.control import agent_rollback, agent_status
from kiosk_site.agent.emergency import emergency_poll, emergency_public, emergency_watch
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.report import agent_report, spool_upload
from kiosk_site.agent.serve import agent_serve
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
    sync = commands.add_parser(
        "sync", help="fetch and switch to the newest release, then report"
    )
    sync.add_argument(
        "--watch", action="store_true", help="repeat every interval_s (+ jitter)"
    )
    bundle = commands.add_parser(
        "install-bundle", help="install a USB bundle, checked like a download"
    )
    bundle.add_argument("file", type=Path, help="the bundle (.tar) to install")
    commands.add_parser("status", help="print the agent's state as JSON")
    commands.add_parser("rollback", help="go back to the previous kept release")
    commands.add_parser("report", help="report the status and upload the spool now")
    commands.add_parser(
        "emergency", help="fetch the signed emergency state now and print it"
    )
    serve = commands.add_parser("serve", help="serve the current release locally")
    serve.add_argument("--port", type=int, help="port (default serve_port: 8080)")
    serve.add_argument("--host", default="127.0.0.1", help="address (%(default)s)")
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
        return _run(args=args, config=config_load(path=args.config))
    except KioskSiteError as err:
        print(f"{args.command} failed: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        log.info("%s stopped", args.command)
        return 0


def _run(*, args: argparse.Namespace, config: AgentConfig) -> int:
    if args.command == "status":
        print(json.dumps(agent_status(config=config), indent=1))
    elif args.command == "rollback":
        print(f"rolled back to release {agent_rollback(config=config)}")
    elif args.command == "install-bundle":
        outcome = agent_install_bundle(config=config, bundle=args.file)
        print(f"{outcome.action}: build {outcome.build} ({outcome.release})")
    elif args.command == "report":
        return _report(config=config, quiet_failure=False)
    elif args.command == "emergency":
        outcome = emergency_poll(config=config)
        public = emergency_public(layout=Layout(root=config.data_dir))
        print(f"{outcome.action}: state {outcome.sequence}")
        print(json.dumps(public, ensure_ascii=False, indent=1))
    elif args.command == "serve":
        signal.signal(signal.SIGTERM, _interrupt)
        agent_serve(config=config, host=args.host, port=args.port)
    elif args.watch:
        return _watch(config=config)
    else:
        return _sync_once(config=config)
    return 0


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _report(*, config: AgentConfig, quiet_failure: bool = True) -> int:
    """Report and upload; a failure is logged (and kept for the next run)."""
    try:
        agent_report(config=config)
        spool_upload(config=config)
    except KioskSiteError as err:
        if not quiet_failure:
            raise
        log.warning("report to the CMS failed (retried next time): %s", err)
        return 1
    return 0


def _sync_once(*, config: AgentConfig) -> int:
    try:
        outcome = agent_sync(config=config)
    finally:
        _report(config=config)
    print(
        f"{outcome.action}: build {outcome.build} ({outcome.release}), "
        f"{outcome.wire_bytes} bytes downloaded"
    )
    return 0


def _watch(*, config: AgentConfig) -> int:
    """Sync, report, wait interval_s plus up to jitter_s; stop on SIGTERM/Ctrl-C.

    The emergency state is polled every emergency_interval_s in a thread of
    its own, so a long download never delays an emergency.
    """
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda _signum, _frame: stop.set())
    emergency = threading.Thread(
        target=emergency_watch,
        kwargs={"config": config, "stop": stop},
        name="emergency",
        daemon=True,
    )
    emergency.start()
    while not stop.is_set():
        try:
            _sync_once(config=config)
        except KioskSiteError as err:
            print(f"sync failed: {err}", file=sys.stderr)
        except Exception:  # the process boundary: log, report, keep watching
            log.exception("sync crashed; retrying at the next interval")
        wait = config.interval_s + random.uniform(0, config.jitter_s)
        log.info("next sync in %.0f s", wait)
        stop.wait(wait)
    emergency.join(timeout=config.timeout_s)
    log.info("sync --watch stopped")
    return 0
