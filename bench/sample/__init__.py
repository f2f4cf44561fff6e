"""Generated, schema-valid content snapshots for tests, benchmarks and trying
the kiosk builder out; not shipped with the `kiosk_site` package.

    .venv/bin/python -m bench.sample --out DIR [--pages 30] [--emergency]
    .venv/bin/python -m bench.sample demo [--port 8000]
"""

from bench.sample.snapshot import make_snapshot, make_snapshot_data, snapshot_write

__all__ = ["make_snapshot", "make_snapshot_data", "snapshot_write"]
