"""The agent's one config file (INI, section ``[agent]``).

Example::

    [agent]
    server_url = https://cms.example.gov.vn/releases/
    cluster = bo-y
    credential_file = /etc/kiosk-agent/credential
    root = /etc/kiosk-agent/root.json
    data_dir = /var/lib/kiosk-agent

Relative paths are read from the config file's folder. Optional keys and
their defaults are the fields of `AgentConfig`.
"""

from __future__ import annotations

import configparser
from dataclasses import dataclass, fields
from pathlib import Path

from kiosk_site.errors import AgentError

REQUIRED = ("server_url", "cluster", "root", "data_dir")
# An emergency must show within 60 s: this poll, its timeout and the players'
# own 3 s poll of /emergency.json must fit.
EMERGENCY_INTERVAL_S = (1.0, 30.0)


@dataclass(frozen=True)
class AgentConfig:
    """Everything the agent needs; see the module docstring for the file."""

    server_url: str
    cluster: str
    root: Path
    data_dir: Path
    credential: str = ""
    timeout_s: float = 20.0
    min_rate_bytes_per_s: int = 4096
    retries: int = 5
    max_download_bytes: int = 32 * 1024**3
    max_manifest_bytes: int = 256 * 1024**2
    min_free_bytes: int = 128 * 1024**2
    interval_s: float = 300.0
    jitter_s: float = 60.0
    emergency_interval_s: float = 15.0
    progress_interval_s: float = 2.0
    keep_releases: int = 3
    serve_port: int = 8080
    max_item_bytes: int = 64 * 1024
    feedback_per_minute: int = 6
    play_logs_per_minute: int = 600
    spool_max_items: int = 100_000
    report_url: str = ""
    upload_batch_items: int = 200
    upload_batch_bytes: int = 1024**2

    @property
    def cluster_url(self) -> str:
        """The cluster's base URL in the release store, ending in '/'."""
        return f"{self.server_url.rstrip('/')}/{self.cluster}/"

    @property
    def cms_cluster_url(self) -> str:
        """Where reports and uploads go: ``<report_url or server_url>/<cluster>/``."""
        return f"{(self.report_url or self.server_url).rstrip('/')}/{self.cluster}/"


def config_load(*, path: Path) -> AgentConfig:
    """Read and check the config file at ``path``."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        with open(path, encoding="utf-8") as handle:
            parser.read_file(handle)
    except OSError as err:
        raise AgentError(
            f"cannot read the agent config {path}: {err.strerror}; "
            "pass --config FILE or set KIOSK_AGENT_CONFIG"
        ) from err
    except configparser.Error as err:
        raise AgentError(f"agent config {path} is not valid INI: {err}") from err
    if not parser.has_section("agent"):
        raise AgentError(f"agent config {path} has no [agent] section")
    values = dict(parser["agent"])
    missing = [key for key in REQUIRED if not values.get(key)]
    if missing:
        raise AgentError(f"agent config {path} lacks {', '.join(missing)}; add them")
    return _config_build(values=values, base=path.parent)


def _config_build(*, values: dict[str, str], base: Path) -> AgentConfig:
    credential_file = values.pop("credential_file", None)
    if credential_file:
        values["credential"] = (base / credential_file).read_text().strip()
    known = {f.name: f for f in fields(AgentConfig)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise AgentError(f"agent config has unknown keys {unknown}; remove them")
    kwargs: dict[str, object] = {}
    for key, raw in values.items():
        kind = known[key].type
        try:
            if kind in ("Path", Path):
                kwargs[key] = base / raw
            elif kind in ("int", int):
                kwargs[key] = int(raw)
            elif kind in ("float", float):
                kwargs[key] = float(raw)
            else:
                kwargs[key] = raw
        except ValueError as err:
            raise AgentError(f"agent config {key} = {raw!r} is not a number") from err
    config = AgentConfig(**kwargs)  # type: ignore[arg-type]
    _emergency_interval_check(config=config)
    return config


def _emergency_interval_check(*, config: AgentConfig) -> None:
    low, high = EMERGENCY_INTERVAL_S
    if not low <= config.emergency_interval_s <= high:
        raise AgentError(
            f"agent config emergency_interval_s = {config.emergency_interval_s:g} is "
            f"outside {low:g}–{high:g} s; an emergency must show on the screens "
            f"within 60 s, so set it between {low:g} and {high:g} (default 15)"
        )
