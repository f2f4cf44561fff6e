"""The agent's local emergency state: poll the CMS, keep the last good one, serve it.

`emergency_poll` fetches the cluster's signed state from the CMS
(``GET <cms>/<cluster>/emergency`` with the cluster's bearer credential),
checks it (`emergency_format.state_open`: signature by the root metadata's
key, shape, cluster), refuses one whose ``sequence`` is lower than the state
kept (a replay) and writes an accepted one atomically to
``<data_dir>/emergency.json``. A failed or refused poll raises with the
reason; the kept state stays as it was.

`emergency_watch` polls every ``emergency_interval_s`` in its own thread of
``sync --watch``, so a long release download never delays an emergency.

`emergency_public` is what ``serve`` answers at ``GET /emergency.json``
(contract §2 of the LED player and kiosk pages): ``version``,
``updated_at``, ``emergency`` (null once its ``until`` has passed by this
PC's clock; a programme keeps only the faces whose file the running
release holds) and ``faces_off``. With no state yet it is the empty form.
"""

from __future__ import annotations

import json
import logging
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from http.client import HTTPException
from pathlib import Path

from kiosk_site.agent import AGENT_VERSION
from kiosk_site.agent.config import AgentConfig
from kiosk_site.agent.emergency_format import STATE_VERSION, StateRefused, state_open
from kiosk_site.agent.layout import Layout, write_atomic
from kiosk_site.agent.lock import file_lock
from kiosk_site.errors import AgentError, KioskSiteError

log = logging.getLogger("kiosk_site.agent")
EMERGENCY_PATH = "/emergency.json"
MAX_STATE_BYTES = 256 * 1024


@dataclass(frozen=True)
class PollOutcome:
    """What one poll did: 'accepted' a newer state or found it 'unchanged'."""

    action: str
    sequence: int


def emergency_poll(*, config: AgentConfig) -> PollOutcome:
    """Fetch, check and keep the cluster's emergency state (module docstring)."""
    envelope = _fetch(config=config)
    state = state_open(envelope=envelope, root_path=config.root, cluster=config.cluster)
    layout = Layout(root=config.data_dir)
    layout.root.mkdir(parents=True, exist_ok=True)
    with file_lock(path=layout.root / "emergency.lock"):
        kept = state_kept(layout=layout)
        if kept is not None and state["sequence"] < kept["sequence"]:
            raise StateRefused(
                f"the CMS sent emergency state {state['sequence']} "
                f"({state['updated_at']}), older than state {kept['sequence']} "
                f"({kept['updated_at']}) already accepted; refused (a replay?)"
            )
        if state == kept:
            return PollOutcome("unchanged", state["sequence"])
        write_atomic(
            path=layout.emergency, data=json.dumps(state, ensure_ascii=False, indent=1)
        )
    log.info("emergency state %d accepted: %s", state["sequence"], _summary(state))
    return PollOutcome("accepted", state["sequence"])


def emergency_watch(*, config: AgentConfig, stop: threading.Event) -> None:
    """Poll every ``emergency_interval_s`` until ``stop`` is set; log failures."""
    while not stop.is_set():
        try:
            emergency_poll(config=config)
        except KioskSiteError as err:
            log.warning("emergency state not updated (the last one is kept): %s", err)
        except Exception:  # the thread's boundary: log and keep polling
            log.exception("emergency poll crashed; retrying at the next interval")
        stop.wait(config.emergency_interval_s)


def state_kept(*, layout: Layout) -> dict | None:
    """The last accepted state, or None (none yet, or unreadable: logged)."""
    try:
        return json.loads(layout.emergency.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as err:
        log.warning("%s is unreadable (%s); treated as no state", layout.emergency, err)
        return None


def emergency_public(*, layout: Layout, now: datetime | None = None) -> dict:
    """The state ``serve`` answers at /emergency.json (module docstring)."""
    kept = state_kept(layout=layout)
    if kept is None:
        return {
            "version": STATE_VERSION,
            "updated_at": None,
            "emergency": None,
            "faces_off": [],
        }
    emergency = kept.get("emergency")
    if emergency and _has_passed(until=emergency.get("until"), now=now):
        emergency = None
    if emergency and emergency.get("programme"):
        emergency = {
            **emergency,
            "programme": _programme_held(
                programme=emergency["programme"], release=layout.current_dir()
            ),
        }
    return {
        "version": STATE_VERSION,
        "updated_at": kept["updated_at"],
        "emergency": emergency,
        "faces_off": kept["faces_off"],
    }


def _has_passed(*, until: str | None, now: datetime | None) -> bool:
    if until is None:
        return False
    return datetime.fromisoformat(until) <= (now or datetime.now(UTC))


def _programme_held(*, programme: dict, release: Path | None) -> dict | None:
    """The programme with only the faces whose file ``release`` holds, or None."""
    if release is None:
        return None
    faces = {
        code: face
        for code, face in programme["faces"].items()
        if (release / str(face.get("src", "")).lstrip("/")).is_file()
    }
    return {**programme, "faces": faces} if faces else None


def _fetch(*, config: AgentConfig) -> object:
    url = config.cms_cluster_url + "emergency"
    headers = {"User-Agent": f"kiosk-agent/{AGENT_VERSION}"}
    if config.credential:
        headers["Authorization"] = f"Bearer {config.credential}"
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=config.timeout_s) as response:
            data = response.read(MAX_STATE_BYTES + 1)
    except urllib.error.HTTPError as err:
        detail = err.read()[:300].decode("utf-8", "replace")
        raise AgentError(f"{url} answered HTTP {err.code}: {detail}") from err
    except (urllib.error.URLError, OSError, HTTPException) as err:
        raise AgentError(f"{url} did not answer: {err}") from err
    if len(data) > MAX_STATE_BYTES:
        raise StateRefused(f"{url} sent more than {MAX_STATE_BYTES} bytes; refused")
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as err:
        raise StateRefused(f"{url} did not send JSON: {err}") from err


def _summary(state: dict) -> str:
    emergency = state["emergency"]
    what = "no emergency" if emergency is None else f"emergency {emergency.get('id')}"
    return f"{what}, faces off {state['faces_off'] or 'none'}"
