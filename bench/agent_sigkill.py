"""SIGKILL the agent many times at aimed random points of a sync (the long run).

    .venv/bin/python bench/agent_sigkill.py [--rounds 200] [--seed 1]

Each round starts `python -m kiosk_site.agent sync` against a local release
server, kills it at start-up, in the download, in the assembly or between
the finished release folder and the switch, and checks that ``current``
names one complete release equal byte for byte to its site. Prints where
the kills landed. The test suite runs the same check for 8 rounds.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from pathlib import Path

from kiosk_site.agent.tests.test_sync_sigkill import sigkill_rounds
from kiosk_site.release.tests.helpers import world_make


def main() -> int:
    """Run the rounds; returns 0 when every check held."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        world = world_make(tmp=Path(tmp))
        started = time.monotonic()
        try:
            landings = sigkill_rounds(world=world, rounds=args.rounds, seed=args.seed)
        finally:
            world.server.stop()
    took = time.monotonic() - started
    print(f"{args.rounds} rounds in {took:.0f} s; every check held")
    for where, count in Counter(landings).most_common():
        print(f"  {where}: {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
