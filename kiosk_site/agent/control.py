"""`rollback` to the previous kept release, and the `status` report."""

from __future__ import annotations

import logging
import shutil

from kiosk_site.agent import AGENT_VERSION
from kiosk_site.agent.assemble import release_require
from kiosk_site.agent.config import AgentConfig
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.lock import agent_lock
from kiosk_site.agent.spool import Spool
from kiosk_site.errors import AgentError
from kiosk_site.release.manifest import manifest_loads

log = logging.getLogger("kiosk_site.agent")


def agent_rollback(*, config: AgentConfig) -> str:
    """Switch back to the release kept before the current one; return its name.

    The release is checked file by file against its manifest first. It never
    asks the server: an older release is only ever one this PC verified and
    ran. The agent then holds it until the server publishes a newer build.
    """
    layout = Layout(root=config.data_dir)
    layout.ensure()
    with agent_lock(layout=layout):
        state = layout.state_load()
        current = layout.current_name()
        kept = [n for n in state.history if (layout.releases / n).is_dir()]
        later = kept[kept.index(current) + 1 :] if current in kept else kept
        if not later:
            raise AgentError(
                f"no release older than {current} is kept on this PC; nothing to "
                "roll back to"
            )
        name = later[0]
        manifest_path = layout.manifests / f"{name}.json"
        manifest = manifest_loads(data=manifest_path.read_bytes())
        release_require(folder=layout.releases / name, manifest=manifest)
        layout.switch(name=name)
        state.rolled_back = True
        layout.state_save(state=state)
        log.info("rolled back from %s to %s", current, name)
        return name


def agent_status(*, config: AgentConfig) -> dict:
    """The agent's state as a JSON-ready dict (what it runs, saw and lacks)."""
    layout = Layout(root=config.data_dir)
    state = layout.state_load()
    current = layout.current_name()
    running = int(current.split("-", 1)[0]) if current else None
    free = shutil.disk_usage(config.data_dir).free if config.data_dir.exists() else None
    return {
        "cluster": config.cluster,
        "agent_version": AGENT_VERSION,
        "running_build": running,
        "running_release": current,
        "assigned_build": state.assigned_build,
        "highest_build": state.highest_build,
        "rolled_back": state.rolled_back,
        "kept_releases": state.history,
        "last_check": state.last_check,
        "last_success": state.last_success,
        "last_error": state.last_error,
        "disk_free_bytes": free,
        "clock_offset_s": state.clock_offset_s,
        "spooled_items": Spool(root=layout.spool).count(),
    }
